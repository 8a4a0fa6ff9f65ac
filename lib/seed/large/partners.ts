import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/types";
import type { CommissionType, LinkCreator, PartnerStatus, PayoutMethod } from "@/lib/schemas/enums";
import { newDashboardToken } from "@/lib/services/partner-tokens";
import { productUrl } from "../catalog";
import { BRAND_FIRST, BRAND_KIND, FIRST_NAMES, LAST_NAMES, PARTNER_KINDS, slugify, type PartnerKind } from "../data";
import type { Rng } from "../random";
import { insertRows } from "./bulk";
import type { LargeCatalog } from "./catalog";
import { NOT_APPROVED_TRAFFIC, PAID_PARTNER_SHARE, STATUS_SHARES } from "./scale";
import { DAY_MS, pickIndex, type PlanContext } from "./context";

// Thousands of partners with the same variety as the demo's 25: every status, default,
// percentage and fixed rates, payout details, coupons (approved partners only) and custom
// links (some with a rate of their own), unique emails and one shared namespace for
// referral codes and link slugs. Traffic follows a long tail: a few partners bring most of it.

export interface LargePartner {
  id: string;
  name: string;
  email: string;
  status: PartnerStatus;
  referralCode: string;
  commissionType: CommissionType | null;
  commissionRate: number | null;
  payoutMethod: PayoutMethod | null;
  payoutDetails: Record<string, string>;
  dashboardTokenSealed: string;
  dashboardTokenHash: string;
  createdAt: number;
  approvedAt: number | null;
  /** Clicks start here: the approval, or the sign-up for partners never approved. */
  activeFrom: number;
  kind: PartnerKind;
  site: string;
  weight: number;
  /** How well the audience converts, relative. */
  conversion: number;
  /** The merchant pays this partner through the app's payouts. */
  paysOut: boolean;
  coupons: LargeCoupon[];
  links: LargeLink[];
}

export interface LargeCoupon {
  id: string;
  partner: LargePartner;
  code: string;
  createdAt: number;
}

export interface LargeLink {
  id: string;
  partner: LargePartner;
  slug: string;
  destinationUrl: string;
  productId: string | null;
  commissionType: CommissionType | null;
  commissionRate: number | null;
  createdBy: LinkCreator;
  createdAt: number;
}

const LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
const PLACES = ["Cascade", "Sierra", "Rockies", "Appalachian", "Ozark", "Tahoe", "Olympic", "Teton", "Smoky", "Adirondack", "Superior", "Mojave", "Denali", "Moab", "Zion", "Acadia", "Shenandoah", "Redwood", "Glacier", "Sawtooth"];
const CONVERSION: Record<PartnerKind, number> = { blog: 1.3, youtube: 1.0, instagram: 0.75, tiktok: 0.55, podcast: 1.1, club: 1.2, deals: 1.4 };

function iban(rng: Rng): string {
  const bban = rng.token(18, "0123456789");
  const check = String(98n - (BigInt(`${bban}131400`) % 97n)).padStart(2, "0");
  return `DE${check}${bban}`.replace(/(.{4})/g, "$1 ").trim();
}

function payout(rng: Rng, name: string, email: string): { method: PayoutMethod; details: Record<string, string> } {
  const method = rng.weighted<PayoutMethod>([["paypal", 10], ["bank_transfer", 5], ["stripe", 4], ["other", 1]]);
  if (method === "paypal") return { method, details: { email } };
  if (method === "bank_transfer") return { method, details: { accountHolder: name, iban: iban(rng), bic: rng.pick(["COBADEFFXXX", "DEUTDEFFXXX", "INGDDEFFXXX"]) } };
  if (method === "stripe") return { method, details: { accountId: `acct_1${rng.token(15)}` } };
  return { method, details: { instructions: "Store credit on the partner's account" } };
}

function rate(rng: Rng): [CommissionType | null, number | null] {
  return rng.weighted<[CommissionType | null, number | null]>([
    [[null, null], 86],
    [["percentage", 1200], 4],
    [["percentage", 1500], 4],
    [["percentage", 2000], 2],
    [["fixed", 500], 1.5],
    [["fixed", 1000], 1.5],
    [["fixed", 1500], 1],
  ]);
}

/** Takes `wanted`, or the first free variant of it, from a case-insensitive namespace. */
function claim(taken: Set<string>, wanted: string, variant: (attempt: number) => string): string {
  let value = wanted;
  for (let attempt = 1; taken.has(value.toLowerCase()); attempt++) value = variant(attempt);
  taken.add(value.toLowerCase());
  return value;
}

export function planPartners(rng: Rng, count: number, ctx: PlanContext): LargePartner[] {
  const { start, end } = ctx;
  const approvedCount = Math.round(count * STATUS_SHARES.approved);
  const pendingCount = Math.round(count * STATUS_SHARES.pending);
  const suspendedCount = Math.round(count * STATUS_SHARES.suspended);
  const statuses = rng.shuffle<PartnerStatus>([
    ...Array<PartnerStatus>(approvedCount).fill("approved"),
    ...Array<PartnerStatus>(pendingCount).fill("pending"),
    ...Array<PartnerStatus>(suspendedCount).fill("suspended"),
    ...Array<PartnerStatus>(Math.max(0, count - approvedCount - pendingCount - suspendedCount)).fill("rejected"),
  ]);
  const emails = new Set<string>();
  const names = new Set<string>();
  const refs = ctx.refs;
  const partners: LargePartner[] = [];

  for (const status of statuses) {
    const person = rng.chance(0.72);
    let name: string;
    let email: string;
    let site: string;
    if (person) {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      name = `${first} ${last}`;
      const local = `${slugify(first)}.${slugify(last)}`;
      email = claim(emails, `${local}@example.com`, (n) => `${local}${n + 1}@example.com`);
      site = `${slugify(first)}${slugify(last)}outdoors.example`;
    } else {
      const base = rng.chance(0.3) ? `${rng.pick(BRAND_FIRST)} ${rng.pick(BRAND_KIND)}` : `${rng.pick(PLACES)} ${rng.pick(BRAND_FIRST)} ${rng.pick(BRAND_KIND)}`;
      name = claim(names, base, (n) => `${base} ${n + 1}`);
      site = `${slugify(name).replace(/-/g, "")}.example`;
      email = claim(emails, `${rng.pick(["hello", "partners", "team"])}@${site}`, (n) => `partners${n}@${site}`);
    }
    const stem = slugify(name).slice(0, 24).replace(/-+$/, "");
    const referralCode = claim(refs, `${stem}-${rng.token(4, LOWER)}`, () => `${stem}-${rng.token(5, LOWER)}`);

    // Approved partners: half joined before the year, half during it; applications are recent.
    const joinedEarly = rng.chance(0.55);
    const createdAt =
      status === "pending"
        ? end - rng.int(1, 45) * DAY_MS - rng.int(0, DAY_MS)
        : joinedEarly || status === "suspended"
          ? start - rng.int(1, 400) * DAY_MS - rng.int(0, DAY_MS)
          : start + rng.int(0, Math.max(1, (end - start) / DAY_MS - 10)) * DAY_MS + rng.int(0, DAY_MS);
    const approvedAt = status === "approved" || status === "suspended" ? Math.min(end - DAY_MS, createdAt + rng.int(2, 96) * 3_600_000) : null;
    const [commissionType, commissionRate] = rate(rng);
    const hasPayout = status === "approved" || status === "suspended" ? rng.chance(0.93) : rng.chance(0.4);
    const pay = hasPayout ? payout(rng, name, email) : null;
    const { hash, sealed } = newDashboardToken();
    const kind = rng.weighted(PARTNER_KINDS);
    partners.push({
      id: randomUUID(),
      name,
      email,
      status,
      referralCode,
      commissionType,
      commissionRate,
      payoutMethod: pay?.method ?? null,
      payoutDetails: pay?.details ?? {},
      dashboardTokenSealed: sealed,
      dashboardTokenHash: hash,
      createdAt,
      approvedAt,
      activeFrom: status === "approved" ? approvedAt! : createdAt,
      kind,
      site,
      weight: 0,
      conversion: CONVERSION[kind] * Math.exp(0.35 * rng.normal()),
      paysOut: status === "approved" && !!pay && rng.chance(PAID_PARTNER_SHARE),
      coupons: [],
      links: [],
    });
  }

  // A long tail: the partner ranked r gets 1/r^0.8 of the traffic weight.
  const approved = rng.shuffle(partners.filter((p) => p.status === "approved"));
  approved.forEach((p, rank) => (p.weight = 1 / Math.pow(rank + 1, 0.8)));
  const approvedWeight = approved.reduce((s, p) => s + p.weight, 0);
  const shares: Record<Exclude<PartnerStatus, "approved">, number> = { suspended: 0.6, pending: 0.3, rejected: 0.1 };
  for (const status of ["suspended", "pending", "rejected"] as const) {
    const group = partners.filter((p) => p.status === status);
    for (const p of group) p.weight = (approvedWeight * NOT_APPROVED_TRAFFIC * shares[status]) / group.length;
  }
  return partners;
}

/** Coupon codes for approved partners only, as people print them: MAYA15, TAHOESUMMER. */
export function planCoupons(rng: Rng, partners: LargePartner[], count: number, ctx: PlanContext): LargeCoupon[] {
  const holders = rng.shuffle(partners.filter((p) => p.status === "approved"));
  const codes = new Set<string>();
  const coupons: LargeCoupon[] = [];
  const add = (partner: LargePartner) => {
    const stem = partner.name.split(" ")[0]!.replace(/[^A-Za-z]/g, "").toUpperCase().slice(0, 12) || "SAVE";
    const wanted = `${stem}${rng.pick(["10", "15", "15", "20", "SUMMER", "TRAIL", "CAMP", "HIKE"])}`;
    const code = claim(codes, wanted, () => `${stem}${rng.int(10, 999)}`);
    const coupon: LargeCoupon = { id: randomUUID(), partner, code, createdAt: Math.min(ctx.end - DAY_MS, partner.activeFrom + rng.int(0, 10 * DAY_MS)) };
    partner.coupons.push(coupon);
    coupons.push(coupon);
  };
  // One code each in turn, a second for about one holder in seven; more rounds only when
  // there are more coupons than approved partners (tiny test programs).
  for (let round = 0; round < 3 && coupons.length < count; round++) {
    for (const partner of holders) {
      if (coupons.length >= count) break;
      add(partner);
      if (round === 0 && coupons.length < count && rng.chance(0.15)) add(partner);
    }
  }
  return coupons;
}

/** Custom links, more of them for busier partners; a few with a rate of their own. */
export function planLinks(rng: Rng, partners: LargePartner[], count: number, catalog: LargeCatalog, ctx: PlanContext): LargeLink[] {
  const owners = partners.filter((p) => p.status === "approved" || p.status === "suspended");
  let sum = 0;
  const cumulative = owners.map((p) => (sum += Math.sqrt(p.weight)));
  const links: LargeLink[] = [];
  const ownRates: [CommissionType, number][] = [["percentage", 2000], ["percentage", 1800], ["fixed", 1500], ["percentage", 2500]];
  while (links.length < count && owners.length) {
    const partner = owners[pickIndex(cumulative, rng.next() * sum)]!;
    const product = rng.pick(catalog.products);
    const collection = rng.chance(0.3);
    const stem = `${slugify(partner.name).split("-")[0]}-${collection ? product.category : product.id.split("-").slice(-2).join("-")}`.slice(0, 56).replace(/-+$/, "");
    const slug = claim(ctx.refs, stem, () => `${stem}-${rng.token(3, LOWER)}`);
    const createdBy = rng.weighted<LinkCreator>([["admin", 70], ["partner", 25], ["api", 5]]);
    const own = createdBy !== "partner" && rng.chance(0.06) ? rng.pick(ownRates) : null;
    const link: LargeLink = {
      id: randomUUID(),
      partner,
      slug,
      destinationUrl: collection ? `${ctx.storeUrl}/collections/${product.category}` : productUrl(ctx.storeUrl, product.id),
      productId: collection ? null : product.id,
      commissionType: own?.[0] ?? null,
      commissionRate: own?.[1] ?? null,
      createdBy,
      createdAt: partner.activeFrom + Math.floor(rng.next() * 0.6 * Math.max(0, ctx.end - partner.activeFrom)),
    };
    partner.links.push(link);
    links.push(link);
  }
  return links;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function insertPartners(db: Db, partners: LargePartner[], coupons: LargeCoupon[], links: LargeLink[]): Promise<void> {
  await insertRows(
    db,
    {
      table: "partners",
      columns: [
        { name: "id", type: "uuid" },
        { name: "name", type: "text" },
        { name: "email", type: "text" },
        { name: "status", type: "text" },
        { name: "referral_code", type: "text" },
        { name: "commission_type", type: "text" },
        { name: "commission_rate", type: "integer" },
        { name: "payout_method", type: "text" },
        { name: "payout_details", type: "jsonb" },
        { name: "dashboard_token_sealed", type: "text" },
        { name: "dashboard_token_hash", type: "text" },
        { name: "approved_at", type: "timestamptz" },
        { name: "created_at", type: "timestamptz" },
        { name: "updated_at", type: "timestamptz" },
      ],
      values: (p: LargePartner) => [
        p.id, p.name, p.email, p.status, p.referralCode, p.commissionType, p.commissionRate, p.payoutMethod, p.payoutDetails,
        p.dashboardTokenSealed, p.dashboardTokenHash, iso(p.approvedAt), iso(p.createdAt), iso(p.approvedAt ?? p.createdAt),
      ],
    },
    partners,
  );
  await insertRows(
    db,
    {
      table: "coupon_codes",
      columns: [{ name: "id", type: "uuid" }, { name: "partner_id", type: "uuid" }, { name: "code", type: "text" }, { name: "created_at", type: "timestamptz" }],
      values: (c: LargeCoupon) => [c.id, c.partner.id, c.code, iso(c.createdAt)],
    },
    coupons,
  );
  await insertRows(
    db,
    {
      table: "links",
      columns: [
        { name: "id", type: "uuid" },
        { name: "partner_id", type: "uuid" },
        { name: "slug", type: "text" },
        { name: "destination_url", type: "text" },
        { name: "commission_type", type: "text" },
        { name: "commission_rate", type: "integer" },
        { name: "created_by", type: "text" },
        { name: "created_at", type: "timestamptz" },
      ],
      values: (l: LargeLink) => [l.id, l.partner.id, l.slug, l.destinationUrl, l.commissionType, l.commissionRate, l.createdBy, iso(l.createdAt)],
    },
    links,
  );
}
