import "server-only";
import { eq } from "drizzle-orm";
import { links, partners } from "@/db/schema";
import type { Db } from "@/db/types";
import type { CommissionType, PartnerStatus, PayoutMethod } from "@/lib/schemas/enums";
import type { Actor } from "@/lib/services/actor";
import { createLink } from "@/lib/services/links";
import { createPartner } from "@/lib/services/partners";
import { PRODUCTS, productUrl } from "./catalog";
import { BRAND_FIRST, BRAND_KIND, FIRST_NAMES, LAST_NAMES, PARTNER_KINDS, slugify, type PartnerKind } from "./data";
import type { Rng } from "./random";

// The demo partners: every status, default / percentage / fixed rates, payout details,
// coupon codes for many approved partners, and custom links (some with their own rate).
// Planned from the Rng first (pure), then created through the partner and link services.

export const STATUS_COUNTS: Record<PartnerStatus, number> = { approved: 17, pending: 4, rejected: 2, suspended: 2 };

export interface PartnerPlan {
  name: string;
  email: string;
  status: PartnerStatus;
  referralCode: string;
  commissionType: CommissionType | null;
  commissionRate: number | null;
  couponCodes: string[];
  payoutMethod: PayoutMethod | null;
  payoutDetails: Record<string, string>;
  kind: PartnerKind;
  /** The partner's own site (for referrers), on .example. */
  site: string;
  /** Share of the program's traffic, relative. */
  weight: number;
  /** How well the audience converts, relative (1 = typical). */
  conversion: number;
  /** Buys through their own link or coupon once (a blocked self-referral). */
  selfReferrer: boolean;
  /** When they signed up (planJoinDates); no traffic before it. */
  joinedAt?: Date;
  /** Set once created. */
  id?: string;
}

export interface LinkPlan {
  partner: PartnerPlan;
  slug: string;
  destinationUrl: string;
  /** The product the link points at, if any (visitors tend to buy it). */
  productId: string | null;
  commissionType: CommissionType | null;
  commissionRate: number | null;
  /** When the partner made it (planJoinDates): after they joined, before the traffic. */
  createdAt?: Date;
  id?: string;
}

const CONVERSION: Record<PartnerKind, number> = { blog: 1.3, youtube: 1.0, instagram: 0.75, tiktok: 0.55, podcast: 1.1, club: 1.2, deals: 1.4 };
const LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";

/** A valid-checksum German IBAN, grouped in fours as people write it. */
function iban(rng: Rng): string {
  const bban = rng.token(8, "0123456789") + rng.token(10, "0123456789");
  const numeric = BigInt(`${bban}131400`); // "DE00" moved to the end, D=13 E=14
  const check = String(98n - (numeric % 97n)).padStart(2, "0");
  return `DE${check}${bban}`.replace(/(.{4})/g, "$1 ").trim();
}

function payout(rng: Rng, name: string, email: string): { method: PayoutMethod; details: Record<string, string> } {
  const method = rng.weighted<PayoutMethod>([["paypal", 10], ["bank_transfer", 5], ["stripe", 4], ["other", 1]]);
  switch (method) {
    case "paypal":
      return { method, details: { email: rng.chance(0.7) ? email : email.replace("@", ".payouts@") } };
    case "bank_transfer":
      return { method, details: { accountHolder: name, iban: iban(rng), bic: rng.pick(["COBADEFFXXX", "DEUTDEFFXXX", "INGDDEFFXXX", "GENODEM1GLS"]) } };
    case "stripe":
      return { method, details: { accountId: `acct_1${rng.token(15)}` } };
    default:
      return { method, details: { instructions: "Store credit on the partner's Northwind account" } };
  }
}

/** Rates for approved partners: four custom percentages, three fixed, the rest on the default. */
const APPROVED_RATES: [CommissionType, number][] = [["percentage", 1500], ["percentage", 2000], ["percentage", 1200], ["percentage", 1500], ["fixed", 1000], ["fixed", 500], ["fixed", 1500]];

function otherRate(rng: Rng): { commissionType: CommissionType | null; commissionRate: number | null } {
  const kind = rng.weighted<"default" | CommissionType>([["default", 8], ["percentage", 2], ["fixed", 1]]);
  if (kind === "percentage") return { commissionType: kind, commissionRate: rng.pick([1200, 1500, 2000]) };
  if (kind === "fixed") return { commissionType: kind, commissionRate: rng.pick([500, 1000]) };
  return { commissionType: null, commissionRate: null };
}

export function planPartners(rng: Rng): PartnerPlan[] {
  const statuses = rng.shuffle(Object.entries(STATUS_COUNTS).flatMap(([s, n]) => Array<PartnerStatus>(n).fill(s as PartnerStatus)));
  const firsts = rng.shuffle(FIRST_NAMES);
  const lasts = rng.shuffle(LAST_NAMES);
  const brands = rng.shuffle(BRAND_FIRST);
  let people = 0;
  let companies = 0;
  const stems = new Map<PartnerPlan, string>();
  const plans: PartnerPlan[] = [];

  for (const status of statuses) {
    const person = rng.chance(0.72);
    const kind = rng.weighted(PARTNER_KINDS);
    let name: string;
    let email: string;
    let site: string;
    let stem: string;
    if (person) {
      const first = firsts[people % firsts.length]!;
      const last = lasts[people++ % lasts.length]!;
      name = `${first} ${last}`;
      email = `${slugify(first)}.${slugify(last)}@example.com`;
      site = `${slugify(first)}${slugify(last)}outdoors.example`;
      stem = first;
    } else {
      const word = brands[companies++ % brands.length]!;
      name = `${word} ${rng.pick(BRAND_KIND)}`;
      const domain = `${slugify(name).replace(/-/g, "")}.example`;
      email = `${rng.pick(["hello", "partners", "team"])}@${domain}`;
      site = domain;
      stem = word.replace(/[^A-Za-z]/g, "");
    }
    const referralCode = `${slugify(name).slice(0, 24).replace(/-+$/, "")}-${rng.token(4, LOWER)}`;

    const hasPayout = status === "approved" || status === "suspended" || (status === "pending" ? rng.chance(0.5) : rng.chance(0.3));
    const pay = hasPayout ? payout(rng, name, email) : null;
    const plan: PartnerPlan = {
      name,
      email,
      status,
      referralCode,
      ...otherRate(rng),
      couponCodes: [],
      payoutMethod: pay?.method ?? null,
      payoutDetails: pay?.details ?? {},
      kind,
      site,
      weight: 0,
      conversion: CONVERSION[kind],
      selfReferrer: false,
    };
    plans.push(plan);
    stems.set(plan, stem.toUpperCase());
  }

  // Traffic: a long tail among approved partners (a few stars, many small ones). Suspended
  // partners still get clicks (declined), pending ones a trickle, rejected almost none.
  rng.shuffle(plans.filter((p) => p.status === "approved")).forEach((p, rank) => {
    p.weight = 1 / Math.pow(rank + 1, 0.85);
  });
  rng.shuffle(plans.filter((p) => p.status === "approved")).forEach((p, i) => {
    [p.commissionType, p.commissionRate] = APPROVED_RATES[i] ?? [null, null];
  });
  // Coupons (only approved partners may hold them) for about two thirds of them: MAYA15.
  const coupons = new Set<string>();
  const approved = plans.filter((p) => p.status === "approved");
  for (const p of rng.shuffle(approved).slice(0, Math.round(approved.length * 0.65))) {
    const base = stems.get(p)!;
    for (const code of [`${base}${rng.pick([10, 15, 15, 20])}`, ...(rng.chance(0.25) ? [`${base}${rng.pick(["SUMMER", "TRAIL", "CAMP"])}`] : [])]) {
      if (!coupons.has(code)) {
        coupons.add(code);
        p.couponCodes.push(code);
      }
    }
  }
  for (const p of plans) {
    if (p.status === "suspended") p.weight = 0.04;
    if (p.status === "pending") p.weight = 0.012;
    if (p.status === "rejected") p.weight = 0.003;
  }
  // Two approved people buy through their own link or coupon once.
  for (const p of rng.shuffle(plans.filter((p) => p.status === "approved" && p.email.endsWith("@example.com"))).slice(0, 2)) p.selfReferrer = true;
  return plans;
}

export function planLinks(rng: Rng, partners: PartnerPlan[], storeUrl: string): LinkPlan[] {
  const ranked = [...partners].filter((p) => p.status === "approved").sort((a, b) => b.weight - a.weight);
  const owners = [...ranked.slice(0, 5), ...partners.filter((p) => p.status === "suspended").slice(0, 1)];
  const products = PRODUCTS.filter((p) => p.category);
  const slugs = new Set<string>();
  const plans: LinkPlan[] = [];
  owners.forEach((partner, i) => {
    for (let n = 0; n < (i < 2 ? 2 : 1); n++) {
      const collection = rng.chance(0.3);
      const product = rng.pick(products);
      const slug = `${slugify(partner.name).split("-")[0]}-${collection ? product.category : product.id.split("-").slice(1).join("-")}`;
      if (slugs.has(slug)) continue;
      slugs.add(slug);
      plans.push({
        partner,
        slug,
        destinationUrl: collection ? `${storeUrl}/collections/${product.category}` : productUrl(storeUrl, product.id),
        productId: collection ? null : product.id,
        commissionType: null,
        commissionRate: null,
      });
    }
  });
  // Three links of approved partners carry a rate of their own (a launch deal, a flat bounty).
  const own: [CommissionType, number][] = [["percentage", 2000], ["fixed", 1500], ["percentage", 1800]];
  plans
    .filter((l) => l.partner.status === "approved")
    .filter((_, i) => i % 2 === 0)
    .slice(0, own.length)
    .forEach((l, i) => {
      [l.commissionType, l.commissionRate] = own[i]!;
    });
  return plans;
}

const DAY_MS = 86_400_000;

/**
 * When each partner joined: the established ones (approved, suspended, rejected) up to five
 * months before the traffic starts, the pending ones (applications waiting for review) in its
 * last three weeks. Links are made within two weeks of joining, before the traffic.
 */
export function planJoinDates(rng: Rng, plans: PartnerPlan[], linkPlans: LinkPlan[], window: { start: Date; end: Date }): void {
  const start = window.start.getTime();
  const end = window.end.getTime();
  for (const p of plans) {
    const at = p.status === "pending" ? end - rng.int(2 * DAY_MS, 21 * DAY_MS) : start - rng.int(3 * DAY_MS, 150 * DAY_MS);
    p.joinedAt = new Date(at);
  }
  for (const l of linkPlans) {
    const joined = l.partner.joinedAt!.getTime();
    l.createdAt = new Date(Math.min(joined + rng.int(DAY_MS, 14 * DAY_MS), Math.max(joined + DAY_MS, start - DAY_MS)));
  }
}

// The services stamp rows with the current time; a demo partner who joined months ago gets
// its own dates afterwards (created, approved a day later), and so does a link.

async function backdatePartner(db: Db, p: PartnerPlan): Promise<void> {
  if (!p.joinedAt) return;
  const approvedAt = p.status === "approved" || p.status === "suspended" ? new Date(p.joinedAt.getTime() + DAY_MS) : null;
  await db.update(partners).set({ createdAt: p.joinedAt, approvedAt, updatedAt: approvedAt ?? p.joinedAt }).where(eq(partners.id, p.id!));
}

export async function createPartners(db: Db, actor: Actor, plans: PartnerPlan[]): Promise<void> {
  for (const p of plans) {
    const created = await createPartner(db, actor, {
      name: p.name,
      email: p.email,
      status: p.status,
      referralCode: p.referralCode,
      commissionType: p.commissionType,
      commissionRate: p.commissionRate,
      couponCodes: p.couponCodes,
      payoutMethod: p.payoutMethod,
      payoutDetails: p.payoutDetails,
    });
    p.id = created.id;
    await backdatePartner(db, p);
  }
}

export async function createLinks(db: Db, actor: Actor, plans: LinkPlan[]): Promise<void> {
  for (const l of plans) {
    const created = await createLink(db, actor, {
      partnerId: l.partner.id!,
      destinationUrl: l.destinationUrl,
      slug: l.slug,
      commissionType: l.commissionType,
      commissionRate: l.commissionRate,
    });
    l.id = created.id;
    if (l.createdAt) await db.update(links).set({ createdAt: l.createdAt }).where(eq(links.id, created.id));
  }
}
