import "server-only";
import { randomUUID } from "node:crypto";
import { computeCommission, type SaleLine } from "@/lib/domain/commission";
import { rateOrNull } from "@/lib/domain/rates";
import { requestHash } from "@/lib/domain/request-hash";
import type { AttributionRule } from "@/lib/schemas/enums";
import type { ProgramSettings } from "@/lib/schemas/settings";
import { saleSchema } from "@/lib/schemas/tracking";
import { initialStatus, summarize, type NewCommission } from "@/lib/services/tracking/commission-rows";
import { DESKTOP_AGENTS, MOBILE_AGENTS } from "../data";
import { People } from "../people";
import type { Rng } from "../random";
import { pickProduct, type LargeCatalog } from "./catalog";
import { attributingClickId, type Conversion } from "./clicks";
import { DAY_MS, flatToken, HOUR_MS, MINUTE_MS, pickIndex, type PlanContext } from "./context";
import type { LargeCoupon, LargeLink, LargePartner } from "./partners";
import { ORDER_MIX, SELF_REFERRAL_SHARE } from "./scale";

// A year of orders: first orders that make a customer (through a click, a coupon, the same
// IP and browser as a click, or no partner), guest orders, and repeat orders (attributed to
// the customer's lifetime partner when they have one). Each order is built so that the
// attribution rules, applied live at its moment, would pick exactly the partner, click and
// rule written here; its commission is computed by lib/domain/commission.ts with the rates
// in force, and its stored answer and request hash are what POST /api/track/sale would keep.

export interface LargeCustomer {
  id: string;
  externalId: string;
  email: string;
  name: string;
  /** Lifetime partner: the first one to refer them (never a blocked self-referral). */
  partner: LargePartner | null;
  createdAt: number;
}

export interface PlannedCommission {
  id: string;
  partner: LargePartner;
  amount: number;
  originalAmount: number;
  status: "pending" | "approved" | "paid" | "void";
  rateSource: NewCommission["rateSource"];
  rateType: string | null;
  rate: number | null;
  holdUntil: number;
  voidReason: string | null;
  payoutId: string | null;
  /** Sum of its adjustments (clawbacks after payout), for lib/domain/refund.ts. */
  adjusted: number;
  createdAt: number;
  updatedAt: number;
}

export interface PlannedOrder {
  id: string;
  externalId: string;
  at: number;
  amount: number;
  refundedAmount: number;
  items: SaleLine[];
  customer: LargeCustomer | null;
  partner: LargePartner | null;
  link: LargeLink | null;
  clickId: number | null;
  attribution: AttributionRule;
  couponCode: string | null;
  selfReferral: boolean;
  ipHash: string;
  userAgent: string;
  visitorId: string | null;
  commission: PlannedCommission | null;
  requestHash: string;
  response: Record<string, unknown>;
}

type Draft = Omit<PlannedOrder, "id" | "externalId" | "amount" | "refundedAmount" | "items" | "commission" | "requestHash" | "response"> & { focus: string | null };

const TOKEN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export interface OrderPlanInput {
  count: number;
  partners: LargePartner[];
  coupons: LargeCoupon[];
  conversions: Conversion[];
  catalog: LargeCatalog;
  settings: ProgramSettings;
}

/** Exact counts of each kind of order for `count` orders (they add up to `count`). */
export function orderCounts(count: number) {
  const c = (share: number) => Math.round(count * share);
  const self = count >= 200 ? Math.max(1, c(SELF_REFERRAL_SHARE)) : 0;
  const counts = { click: c(ORDER_MIX.click) - self, self, coupon: c(ORDER_MIX.coupon), ipUserAgent: c(ORDER_MIX.ipUserAgent), organic: c(ORDER_MIX.organic), guest: c(ORDER_MIX.guest), lifetime: c(ORDER_MIX.lifetime), organicRepeat: 0 };
  counts.organicRepeat = count - Object.values(counts).reduce((a, b) => a + b, 0);
  return counts;
}

export function planOrders(rng: Rng, ctx: PlanContext, input: OrderPlanInput): { orders: PlannedOrder[]; customers: LargeCustomer[] } {
  const { partners, coupons, catalog, settings } = input;
  const people = new People(rng, partners.map((p) => p.email));
  const counts = orderCounts(input.count);
  const latest = ctx.end - MINUTE_MS;

  /** A moment in [from, end), more likely later in the year (the program grows). */
  const momentAfter = (from: number): number => {
    const lo = Math.max(from, ctx.start);
    for (let i = 0; i < 20; i++) {
      const x = (-0.55 + Math.sqrt(0.3025 + 1.3875 * rng.next())) / 0.75;
      const at = ctx.start + x * (latest - ctx.start);
      if (at >= lo) return Math.floor(at);
    }
    return lo + Math.floor(rng.next() * Math.max(0, latest - lo));
  };
  const shopper = () => ({ ipHash: flatToken(rng, 32, TOKEN), userAgent: rng.chance(0.55) ? rng.pick(MOBILE_AGENTS) : rng.pick(DESKTOP_AGENTS) });
  const newCustomer = (at: number, partner: LargePartner | null): LargeCustomer => {
    const c = people.customer();
    return { id: randomUUID(), externalId: c.id, email: c.email, name: c.name, partner, createdAt: at };
  };

  // Clicks that lead to an order: mostly within hours, some after days, all inside the 30-day window.
  const fromClicks = rng
    .shuffle(input.conversions)
    .map((click) => {
      const delay = rng.weighted<() => number>([
        [() => rng.int(4 * MINUTE_MS, 2 * HOUR_MS), 55],
        [() => rng.int(2 * HOUR_MS, 6 * DAY_MS), 30],
        [() => rng.int(7 * DAY_MS, 28 * DAY_MS), 15],
      ])();
      return { click, at: click.at + delay, delay };
    })
    .filter((c) => c.at <= latest);
  const take = (n: number) => fromClicks.splice(0, Math.min(n, fromClicks.length));

  const drafts: Draft[] = [];
  for (const { click, at, delay } of take(counts.click)) {
    const device = delay < 6 * HOUR_MS || rng.chance(0.5) ? { ipHash: click.ipHash, userAgent: click.userAgent } : shopper();
    const customer = newCustomer(at, click.partner);
    drafts.push({ at, customer, partner: click.partner, link: click.link, clickId: attributingClickId(click, at), attribution: "click", couponCode: null, selfReferral: false, visitorId: click.visitorId, focus: click.link?.productId ?? null, ...device });
  }
  for (const { click, at } of take(counts.self)) {
    // The partner buys through their own link with their own email: blocked, earns nothing.
    const customer: LargeCustomer = { id: randomUUID(), externalId: `cus_${flatToken(rng, 14, TOKEN.slice(0, 62))}`, email: click.partner.email, name: click.partner.name, partner: null, createdAt: at };
    drafts.push({ at, customer, partner: click.partner, link: click.link, clickId: attributingClickId(click, at), attribution: "click", couponCode: null, selfReferral: true, visitorId: click.visitorId, focus: null, ipHash: click.ipHash, userAgent: click.userAgent });
  }
  for (const { click, at } of take(counts.ipUserAgent)) {
    // Same device, but the visitor id was lost on the way to checkout.
    drafts.push({ at, customer: newCustomer(at, click.partner), partner: click.partner, link: click.link, clickId: attributingClickId(click, at), attribution: "ip_user_agent", couponCode: null, selfReferral: false, visitorId: null, focus: null, ipHash: click.ipHash, userAgent: click.userAgent });
  }
  // Too few clicks to go round (tiny programs): the rest come with a coupon.
  const shortfall = counts.click + counts.self + counts.ipUserAgent - drafts.length;

  let sum = 0;
  const couponWeights = coupons.map((c) => (sum += c.partner.weight / c.partner.coupons.length));
  for (let i = coupons.length ? counts.coupon + shortfall : 0; i > 0; i--) {
    const coupon = coupons[pickIndex(couponWeights, rng.next() * sum)]!;
    const at = momentAfter(coupon.createdAt);
    const code = rng.chance(0.2) ? coupon.code.toLowerCase() : coupon.code;
    drafts.push({ at, customer: newCustomer(at, coupon.partner), partner: coupon.partner, link: null, clickId: null, attribution: "coupon", couponCode: code, selfReferral: false, visitorId: null, focus: null, ...shopper() });
  }
  const organic = counts.organic + (coupons.length ? 0 : counts.coupon + shortfall);
  for (let i = 0; i < organic + counts.guest; i++) {
    const at = momentAfter(ctx.start);
    drafts.push({ at, customer: i < organic ? newCustomer(at, null) : null, partner: null, link: null, clickId: null, attribution: "none", couponCode: null, selfReferral: false, visitorId: null, focus: null, ...shopper() });
  }

  // Repeat orders, at least a week after the customer's first order, from another device.
  const firsts = drafts.filter((d) => d.customer && !d.selfReferral && d.at < latest - 8 * DAY_MS);
  const referred = firsts.filter((d) => d.customer!.partner);
  const unreferred = firsts.filter((d) => !d.customer!.partner);
  for (const [pool, n] of [[referred, counts.lifetime], [unreferred, counts.organicRepeat]] as const) {
    const source = pool.length ? pool : firsts;
    for (let i = 0; i < n && source.length; i++) {
      const first = rng.pick(source);
      const customer = first.customer!;
      const at = first.at + 7 * DAY_MS + Math.floor(rng.next() * (latest - first.at - 7 * DAY_MS));
      const partner = customer.partner;
      drafts.push({ at, customer, partner, link: null, clickId: null, attribution: partner ? "lifetime" : "none", couponCode: null, selfReferral: false, visitorId: null, focus: null, ...shopper() });
    }
  }

  drafts.sort((a, b) => a.at - b.at);
  const programRate = { type: settings.defaultCommissionType, value: settings.defaultCommissionRate };
  const orders = drafts.map((d, i) => finishOrder(rng, d, `NW-${100_001 + i}`, catalog, settings, programRate));
  const customers = [...new Set(drafts.map((d) => d.customer).filter((c): c is LargeCustomer => !!c))];
  return { orders, customers };
}

function basket(rng: Rng, catalog: LargeCatalog, focus: string | null): SaleLine[] {
  const lines = 1 + (rng.chance(0.35) ? 1 : 0) + (rng.chance(0.12) ? 1 : 0);
  const chosen = focus ? catalog.products.filter((p) => p.id === focus) : [];
  for (let guard = 0; chosen.length < lines && guard < 20; guard++) {
    const product = pickProduct(rng, catalog);
    if (!chosen.includes(product)) chosen.push(product);
  }
  return chosen.map((p) => {
    const quantity = p.price < 5000 ? rng.weighted([[1, 70], [2, 22], [3, 8]]) : rng.weighted([[1, 92], [2, 8]]);
    return { productId: p.id, quantity, amount: p.price * quantity };
  });
}

function finishOrder(rng: Rng, d: Draft, externalId: string, catalog: LargeCatalog, settings: ProgramSettings, programRate: { type: ProgramSettings["defaultCommissionType"]; value: number }): PlannedOrder {
  const { focus, ...draft } = d;
  const items = basket(rng, catalog, focus);
  const amount = items.reduce((s, i) => s + i.amount, 0);
  const id = randomUUID();
  let commission: PlannedCommission | null = null;
  let planned: NewCommission | null = null;
  if (d.partner) {
    const result = computeCommission({
      amount,
      items,
      linkRate: d.link ? rateOrNull(d.link.commissionType, d.link.commissionRate) : null,
      groupRateFor: catalog.groupRateFor,
      partnerRate: rateOrNull(d.partner.commissionType, d.partner.commissionRate),
      programRate,
      isUpgrade: false,
      disableUpgradeReferrals: settings.disableUpgradeReferrals,
      selfReferral: d.selfReferral,
      blockSelfReferrals: settings.blockSelfReferrals,
    });
    planned = { id: randomUUID(), partnerId: d.partner.id, kind: "sale", orderId: id, amount: result.amount, currency: settings.currency, rateSource: result.source, rate: result.rate, voidReason: result.voidReason, holdDays: settings.holdDays, now: new Date(d.at) };
    commission = {
      id: planned.id,
      partner: d.partner,
      amount: result.amount,
      originalAmount: result.amount,
      status: initialStatus(planned),
      rateSource: result.source,
      rateType: result.rate?.type ?? null,
      rate: result.rate?.value ?? null,
      holdUntil: d.at + settings.holdDays * DAY_MS,
      voidReason: result.voidReason,
      payoutId: null,
      adjusted: 0,
      createdAt: d.at,
      updatedAt: d.at,
    };
  }
  const body = saleSchema.parse({
    orderId: externalId,
    amount,
    currency: settings.currency,
    ...(d.visitorId ? { visitorId: d.visitorId } : {}),
    ...(d.couponCode ? { couponCode: d.couponCode } : {}),
    ...(d.customer ? { customer: { id: d.customer.externalId, email: d.customer.email, name: d.customer.name } } : {}),
    items,
    userAgent: d.userAgent,
  });
  const response = { orderId: externalId, attributed: !!d.partner, attribution: d.attribution, partnerId: d.partner?.id ?? null, commission: planned ? summarize(planned) : null };
  return { ...draft, id, externalId, amount, refundedAmount: 0, items, commission, requestHash: requestHash(body), response };
}
