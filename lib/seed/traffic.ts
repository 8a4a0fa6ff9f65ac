import { PRODUCTS, MEMBERSHIP_ID, UPGRADE_ID, type SeedProduct } from "./catalog";
import { REFERRERS } from "./data";
import type { LinkPlan, PartnerPlan } from "./partners";
import { clawbackOrder, monthlyPayoutRuns } from "./payout-runs";
import { People, type Customer, type Device } from "./people";
import type { Rng } from "./random";
import { DAY_MS, type OrderPlan, type RefundEvent, type SeedEvent } from "./seed-events";

// The storefront's last N days as a list of timed events: clicks (people, a few bots, a few
// double clicks), sign-ups, orders, refunds, and the merchant's monthly payout runs. Nothing
// here decides attribution, commission or who is paid: the events are replayed in time order
// through the app's services, which apply the program's rules exactly as they would live.
// Pure: same Rng, same events.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Average referral sessions a day (scaled by trend, weekday and noise). */
const SESSIONS_PER_DAY = 46;
/** Orders a day with a partner's coupon but no click (podcast listeners, video viewers). */
const COUPON_ORDERS_PER_DAY = 0.32;
/** Orders a day that no partner had a part in. */
const ORGANIC_ORDERS_PER_DAY = 0.5;
/** Chance that a person clicking a referral link orders (before the partner's factor). */
const CONVERSION = 0.034;

interface Visitor {
  visitorId: string;
  device: Device;
  customer?: Customer;
}

const HOUR_WEIGHTS = [7, 7, 6, 5, 3, 2, 1.5, 1.5, 1.5, 2, 2.5, 3, 3.5, 4, 5, 5.5, 6, 6, 6, 6.5, 7, 7.5, 8, 8];
const WEEKDAY = [1.15, 0.9, 0.95, 1, 1, 1.05, 1.2]; // Sunday first
const SELLABLE = PRODUCTS.filter((p) => p.weight > 0);

export interface TrafficInput {
  partners: PartnerPlan[];
  links: LinkPlan[];
  storeUrl: string;
  end: Date;
  days: number;
  /** The program's hold period: what a payout run can pay is older than this. */
  holdDays: number;
}

export function planTraffic(rng: Rng, input: TrafficInput): SeedEvent[] {
  return new TrafficPlanner(rng, input).plan();
}

class TrafficPlanner {
  private readonly events: { event: SeedEvent; seq: number }[] = [];
  private readonly orders: OrderPlan[] = [];
  private readonly people: People;
  private readonly start: number;
  private readonly end: number;
  private readonly visitors = new Map<PartnerPlan, Visitor[]>();

  constructor(
    private readonly rng: Rng,
    private readonly input: TrafficInput,
  ) {
    this.people = new People(rng, input.partners.map((p) => p.email));
    this.end = input.end.getTime();
    this.start = this.end - input.days * DAY_MS;
  }

  plan(): SeedEvent[] {
    const { rng, input } = this;
    const totalWeight = input.partners.reduce((s, p) => s + p.weight, 0);
    const approved = input.partners.filter((p) => p.status === "approved");
    const withCoupons = approved.filter((p) => p.couponCodes.length);
    // A few partners publish something big once: a spike of traffic for two or three days.
    const launches = new Map(approved.filter(() => rng.chance(0.45)).map((p) => [p, rng.int(0, input.days - 1)]));

    for (let day = 0; day < input.days; day++) {
      const dayStart = this.start + day * DAY_MS;
      const age = input.days - day; // days before the end
      const trend = 1.25 - (0.5 * Math.min(age, 90)) / 90;
      const weekday = WEEKDAY[new Date(dayStart + DAY_MS / 2).getUTCDay()]!;
      const factor = trend * weekday * Math.exp(0.18 * rng.normal());

      for (const partner of input.partners) {
        if (partner.joinedAt && partner.joinedAt.getTime() > dayStart) continue;
        const launch = launches.get(partner);
        const spike = launch === undefined ? 1 : ([4, 2.2, 1.5][day - launch] ?? 1);
        const sessions = rng.poisson((SESSIONS_PER_DAY * partner.weight * factor * spike) / totalWeight);
        for (let i = 0; i < sessions; i++) this.session(partner, this.timeOfDay(dayStart));
      }
      if (withCoupons.length) {
        for (let i = rng.poisson(COUPON_ORDERS_PER_DAY * factor); i > 0; i--) this.couponOrder(this.byWeight(withCoupons), this.timeOfDay(dayStart));
      }
      for (let i = rng.poisson(ORGANIC_ORDERS_PER_DAY * factor); i > 0; i--) this.organicOrder(this.timeOfDay(dayStart));
    }
    for (const partner of input.partners.filter((p) => p.selfReferrer)) this.selfReferral(partner);
    this.ensureRefunds();
    this.ensureClawback(this.payoutRuns());

    // Order numbers go up with time, as a store's do.
    [...this.orders].sort((a, b) => a.at.getTime() - b.at.getTime()).forEach((order, i) => (order.orderId = `NW-${10_401 + i}`));
    return this.events.sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.seq - b.seq).map((e) => e.event);
  }

  // ---- building blocks ----

  private push(event: SeedEvent): boolean {
    if (event.at.getTime() > this.end) return false;
    this.events.push({ event, seq: this.events.length });
    return true;
  }

  private timeOfDay(dayStart: number): number {
    const hour = this.rng.weighted(HOUR_WEIGHTS.map((w, h) => [h, w] as const));
    return Math.min(dayStart + hour * HOUR + this.rng.int(0, HOUR - 1000), this.end - MINUTE);
  }

  private byWeight(partners: PartnerPlan[]): PartnerPlan {
    return this.rng.weighted(partners.map((p) => [p, p.weight] as const));
  }

  /** How long after a click people buy: mostly at once, some after days, a few too late. */
  private purchaseDelay(): number {
    const { rng } = this;
    return rng.weighted<() => number>([
      [() => rng.int(4 * MINUTE, 2 * HOUR), 55],
      [() => rng.int(2 * HOUR, 6 * DAY_MS), 30],
      [() => rng.int(7 * DAY_MS, 45 * DAY_MS), 15],
    ])();
  }

  private basket(focus?: string | null): OrderPlan["items"] {
    const { rng } = this;
    const lines = 1 + (rng.chance(0.35) ? 1 : 0) + (rng.chance(0.12) ? 1 : 0);
    const chosen: SeedProduct[] = focus ? SELLABLE.filter((p) => p.id === focus) : [];
    while (chosen.length < lines) {
      const product = rng.weighted(SELLABLE.map((p) => [p, p.weight] as const));
      if (!chosen.includes(product)) chosen.push(product);
    }
    return chosen.map((p) => {
      const quantity = p.price < 5000 ? rng.weighted([[1, 70], [2, 22], [3, 8]]) : rng.weighted([[1, 92], [2, 8]]);
      return { productId: p.id, quantity, amount: p.price * quantity };
    });
  }

  private order(at: number, customer: Customer, device: Device, extra: Partial<OrderPlan> & { focus?: string | null; depth?: number } = {}): OrderPlan | undefined {
    const { focus, depth = 0, ...rest } = extra;
    const items = rest.items ?? this.basket(focus);
    if (!customer.member && !rest.isUpgrade && this.rng.chance(0.08)) {
      const club = PRODUCTS.find((p) => p.id === MEMBERSHIP_ID)!;
      items.push({ productId: club.id, quantity: 1, amount: club.price });
    }
    const order: OrderPlan = { orderId: "", at: new Date(at), customer, device, items, amount: items.reduce((s, i) => s + i.amount, 0), ...rest };
    if (!this.push({ kind: "sale", at: order.at, order })) return undefined;
    if (items.some((i) => i.productId === MEMBERSHIP_ID)) customer.member = true;
    this.orders.push(order);
    this.refunds(order);
    this.followUps(customer, at, depth);
    return order;
  }

  private lead(at: number, customer: Customer, device: Device, extra: { visitorId?: string; couponCode?: string } = {}): void {
    if (customer.signedUp) return;
    if (this.push({ kind: "lead", at: new Date(at), customer, device, ...extra })) customer.signedUp = true;
  }

  /** Later orders by the same customer: from another device, no visitor id (lifetime attribution). */
  private followUps(customer: Customer, after: number, depth: number): void {
    const { rng } = this;
    if (depth < 2 && rng.chance(depth === 0 ? 0.22 : 0.1)) {
      this.order(after + rng.int(12 * DAY_MS, 75 * DAY_MS), customer, this.people.shopperDevice(), { depth: depth + 1 });
    }
    if (depth === 0 && customer.member && !customer.upgraded && rng.chance(0.3)) {
      const upgrade = PRODUCTS.find((p) => p.id === UPGRADE_ID)!;
      customer.upgraded = true;
      this.order(after + rng.int(15 * DAY_MS, 60 * DAY_MS), customer, this.people.shopperDevice(), {
        items: [{ productId: upgrade.id, quantity: 1, amount: upgrade.price }],
        isUpgrade: true,
        depth: depth + 1,
      });
    }
  }

  /** A few percent of orders come back: whole, or part (one item, or a share), once or twice. */
  private refunds(order: OrderPlan): void {
    const { rng } = this;
    if (!rng.chance(0.06)) return;
    const at = order.at.getTime() + rng.int(2 * DAY_MS, 25 * DAY_MS);
    if (rng.chance(0.55)) {
      this.push({ kind: "refund", at: new Date(at), order, refundId: `re_${rng.token(14)}` });
      return;
    }
    const amount =
      order.items.length > 1 ? order.items[order.items.length - 1]!.amount : Math.max(100, Math.round((order.amount * rng.int(20, 50)) / 100 / 100) * 100);
    if (amount >= order.amount) return;
    if (!this.push({ kind: "refund", at: new Date(at), order, refundId: `re_${rng.token(14)}`, amount })) return;
    if (rng.chance(0.3)) this.push({ kind: "refund", at: new Date(at + rng.int(DAY_MS, 10 * DAY_MS)), order, refundId: `re_${rng.token(14)}` });
  }

  /** The demo always shows a commission voided by a full refund and one cut by a partial one. */
  private ensureRefunds(): void {
    const refunds = this.events.map((e) => e.event).filter((e): e is RefundEvent => e.kind === "refund");
    const refunded = new Set(refunds.map((r) => r.order));
    const candidates = this.orders.filter((o) => o.viaPartner && !refunded.has(o) && o.at.getTime() <= this.end - 3 * DAY_MS);
    if (!refunds.some((r) => r.amount === undefined && r.order.viaPartner) && candidates.length) {
      const order = candidates.shift()!;
      this.push({ kind: "refund", at: new Date(order.at.getTime() + 2 * DAY_MS), order, refundId: `re_${this.rng.token(14)}` });
    }
    if (!refunds.some((r) => r.amount !== undefined && r.order.viaPartner) && candidates.length) {
      const order = candidates.shift()!;
      const amount = Math.max(1, Math.round(order.amount / 4));
      if (amount < order.amount) this.push({ kind: "refund", at: new Date(order.at.getTime() + 2 * DAY_MS), order, refundId: `re_${this.rng.token(14)}`, amount });
    }
  }

  private payoutRuns(): number[] {
    const runs = monthlyPayoutRuns(this.start, this.end);
    for (const at of runs) this.push({ kind: "payout_run", at: new Date(at), seed: this.rng.int(1, 2 ** 31 - 1) });
    return runs;
  }

  /** The demo always shows a clawback (see clawbackOrder). */
  private ensureClawback(runs: number[]): void {
    const refunded = new Set(this.events.map((e) => e.event).filter((e): e is RefundEvent => e.kind === "refund").map((r) => r.order));
    const chosen = clawbackOrder(this.orders, refunded, runs, { holdDays: this.input.holdDays, start: this.start, end: this.end });
    if (chosen) this.push({ kind: "refund", at: new Date(chosen.at), order: chosen.order, refundId: `re_${this.rng.token(14)}` });
  }

  private entry(partner: PartnerPlan): { ref: string; landingUrl: string; productId: string | null } {
    const { rng, input } = this;
    const links = input.links.filter((l) => l.partner === partner);
    if (links.length && rng.chance(0.4)) {
      const link = rng.pick(links);
      return { ref: link.slug, landingUrl: link.destinationUrl, productId: link.productId };
    }
    const code = partner.referralCode;
    const path = rng.weighted<string>([["/", 5], ["/collections/tents", 1], ["/collections/backpacks", 1], ["/collections/footwear", 1], ["/pages/trail-guide", 1]]);
    if (rng.chance(0.5)) return { ref: code, landingUrl: path === "/" ? input.storeUrl : `${input.storeUrl}${path}`, productId: null }; // /r/<code>
    const utm = rng.chance(0.5) ? `&utm_source=${partner.kind}&utm_medium=affiliate` : "";
    return { ref: code, landingUrl: `${input.storeUrl}${path}?ref=${code}${utm}`, productId: null }; // ?ref= with /track.js
  }

  private referrer(partner: PartnerPlan): string | null {
    const value = this.rng.weighted(REFERRERS[partner.kind]).replace("{site}", partner.site);
    return value || null;
  }

  // ---- the kinds of traffic ----

  private session(partner: PartnerPlan, at: number): void {
    const { rng, people } = this;
    const { ref, landingUrl, productId } = this.entry(partner);
    const referrer = this.referrer(partner);

    if (rng.chance(0.035)) {
      // Crawlers follow referral links without cookies.
      this.push({ kind: "click", at: new Date(at), ref: partner.referralCode, visitorId: people.visitorId(), device: people.bot(), landingUrl: this.input.storeUrl, referrer: null });
      return;
    }
    const pool = this.visitors.get(partner) ?? [];
    this.visitors.set(partner, pool);
    const returning = pool.length > 0 && rng.chance(0.12);
    const visitor: Visitor = returning ? rng.pick(pool) : { visitorId: people.visitorId(), device: people.device(partner.kind) };
    if (!returning) pool.push(visitor);
    this.push({ kind: "click", at: new Date(at), ref, visitorId: visitor.visitorId, device: visitor.device, landingUrl, referrer });

    if (rng.chance(0.05)) {
      // A double click, or the same person opening the link in a second browser, within the hour.
      const again = at + rng.int(MINUTE, 45 * MINUTE);
      const second = rng.chance(0.7) ? visitor : { visitorId: people.visitorId(), device: { ip: visitor.device.ip, userAgent: people.shopperDevice().userAgent } };
      this.push({ kind: "click", at: new Date(again), ref, visitorId: second.visitorId, device: second.device, landingUrl, referrer });
    }

    const converts = rng.chance(CONVERSION * partner.conversion * (returning ? 1.6 : 1) * (partner.status === "approved" ? 1 : 0.5));
    if (!converts) {
      if (!visitor.customer && rng.chance(0.02)) this.signUpOnly(partner, visitor, at);
      return;
    }
    const customer = (visitor.customer ??= people.customer());
    const delay = this.purchaseDelay();
    if (rng.chance(0.35)) this.lead(at + Math.max(MINUTE, Math.round(delay * rng.next() * 0.8)), customer, visitor.device, { visitorId: visitor.visitorId });
    const sameDevice = delay < 6 * HOUR || rng.chance(0.5);
    // Now and then the visitor id is lost on the way to checkout (another tab, a privacy setting).
    const visitorId = rng.chance(0.92) ? visitor.visitorId : undefined;
    const couponCode = partner.couponCodes.length && rng.chance(0.12) ? this.typed(rng.pick(partner.couponCodes)) : undefined;
    this.order(at + delay, customer, sameDevice ? visitor.device : people.shopperDevice(), {
      visitorId,
      couponCode,
      focus: productId,
      viaPartner: partner.status === "approved" && (!!couponCode || (!!visitorId && delay < 20 * DAY_MS)) ? partner : undefined,
    });
  }

  /** Signs up (a lead) without buying now; some buy weeks later on another device. */
  private signUpOnly(partner: PartnerPlan, visitor: Visitor, at: number): void {
    const customer = (visitor.customer = this.people.customer());
    this.lead(at + this.rng.int(3 * MINUTE, 30 * MINUTE), customer, visitor.device, { visitorId: visitor.visitorId });
    if (this.rng.chance(0.2)) this.order(at + this.rng.int(5 * DAY_MS, 40 * DAY_MS), customer, this.people.shopperDevice());
  }

  private couponOrder(partner: PartnerPlan, at: number): void {
    const customer = this.people.customer();
    const device = this.people.shopperDevice();
    const couponCode = this.typed(this.rng.pick(partner.couponCodes));
    if (this.rng.chance(0.2)) this.lead(at - this.rng.int(10 * MINUTE, 3 * DAY_MS), customer, device, { couponCode });
    this.order(at, customer, device, { couponCode, viaPartner: partner });
  }

  private organicOrder(at: number): void {
    const customer = this.people.customer();
    const device = this.people.shopperDevice();
    if (this.rng.chance(0.1)) this.lead(at - this.rng.int(10 * MINUTE, 2 * DAY_MS), customer, device);
    this.order(at, customer, device);
  }

  /** The partner buys through their own link (or coupon) with their own email: earns nothing. */
  private selfReferral(partner: PartnerPlan): void {
    const { rng, people } = this;
    const latest = Math.max(1, this.input.days - 3);
    const at = this.timeOfDay(this.start + rng.int(Math.min(10, latest - 1), latest - 1) * DAY_MS);
    const customer: Customer = { id: `cus_${rng.token(14)}`, email: partner.email, name: partner.name, signedUp: false, member: false, upgraded: false };
    const device = people.device(partner.kind);
    if (partner.couponCodes.length && rng.chance(0.5)) {
      this.order(at, customer, device, { couponCode: partner.couponCodes[0] });
      return;
    }
    const visitorId = people.visitorId();
    this.push({ kind: "click", at: new Date(at), ref: partner.referralCode, visitorId, device, landingUrl: this.input.storeUrl, referrer: null });
    this.order(at + rng.int(5 * MINUTE, 40 * MINUTE), customer, device, { visitorId });
  }

  /** Coupons as shoppers type them: mostly as printed, sometimes in lower case. */
  private typed(code: string): string {
    return this.rng.chance(0.2) ? code.toLowerCase() : code;
  }
}
