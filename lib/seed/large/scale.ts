// How big the large program is. `db seed --scale large` uses LARGE_SCALE; tests pass a
// tiny one. Everything else (coupons, links, customers, the order mix) follows from these.

export interface LargeScale {
  partners: number;
  clicks: number;
  orders: number;
  /** Catalog size; categories are min(20, products / 5). */
  products: number;
  /** Days of traffic ending at `now`. */
  days: number;
}

export const LARGE_SCALE: LargeScale = { partners: 5000, clicks: 1_000_000, orders: 100_000, products: 500, days: 365 };

/** Partner statuses as shares of all partners (the rest are rejected). */
export const STATUS_SHARES = { approved: 0.85, pending: 0.07, suspended: 0.045 } as const;

/** Coupon codes and custom links per partner. */
export const COUPONS_PER_PARTNER = 0.4;
export const LINKS_PER_PARTNER = 0.6;

/** Clicks: bots and repeats within the hour (both declined). Clicks of partners who are not approved are declined too. */
export const BOT_SHARE = 0.028;
export const DUPLICATE_SHARE = 0.017;
/** Relative traffic of all partners who are not approved, against all approved ones. */
export const NOT_APPROVED_TRAFFIC = 0.012;

/**
 * The order mix, as shares of all orders. First orders make a customer each: through a
 * click, a coupon, the same IP and browser as a click, or with no partner at all; guest
 * orders have no customer. Repeat orders of referred customers are attributed for life.
 */
export const ORDER_MIX = {
  click: 0.44,
  coupon: 0.07,
  ipUserAgent: 0.01,
  organic: 0.1,
  guest: 0.04,
  lifetime: 0.28,
  organicRepeat: 0.06,
} as const;

/** Orders refunded (some twice: a part, then the rest), and self-referrals (earn nothing). */
export const REFUND_SHARE = 0.04;
export const SELF_REFERRAL_SHARE = 0.0005;

/** Payout runs: the 5th of each month; this share of approved partners is paid through the app. */
export const PAID_PARTNER_SHARE = 0.78;
/** Chance that a due partner is included in a given run (merchants skip some months). */
export const RUN_INCLUSION = 0.9;

export function derived(scale: LargeScale) {
  return {
    coupons: Math.round(scale.partners * COUPONS_PER_PARTNER),
    links: Math.round(scale.partners * LINKS_PER_PARTNER),
    categories: Math.max(2, Math.min(20, Math.floor(scale.products / 5))),
  };
}
