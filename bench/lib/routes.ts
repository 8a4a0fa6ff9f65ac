import type { RouteName } from "./config";
import { browserHeaders, IdSource, LANDING_PATHS, pick, REFERRERS } from "./traffic";

// The four routes under load: how each request is made distinct, and what counts as a good
// answer. Every answer's status is checked; every SAMPLE_EVERY-th answer's body is checked
// in full against what was sent (a benchmark that measures 401s or untracked redirects
// measures nothing).

export interface BenchPartner {
  id: string;
  referralCode: string;
  couponCode: string;
}

export interface ProgramTerms {
  storeUrl: string;
  commissionType: "percentage" | "fixed";
  commissionRate: number;
}

export interface BuiltRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** What the answer must show, checked by the route's check(). */
  expect: Record<string, unknown>;
}

export type HeaderBag = Record<string, string | string[] | undefined>;

export interface RouteSpec {
  name: RouteName;
  label: string;
  build(): BuiltRequest;
  /** null for a good answer, else a short reason (the key errors are counted under). */
  check(status: number, headers: HeaderBag, body: string, expect: Record<string, unknown>, deep: boolean): string | null;
}

export function header(headers: HeaderBag, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === name) return Array.isArray(v) ? v.join(", ") : v;
  }
  return undefined;
}

function json(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** round_half_up(amount × bps ÷ 10000), as lib/domain/money.ts computes it. */
export function percentOf(amount: number, bps: number): number {
  return Number((2n * BigInt(amount) * BigInt(bps) + 10_000n) / 20_000n);
}

const STORE_ORIGIN = "https://store.example.com";

export interface RouteContext {
  partners: BenchPartner[];
  terms: ProgramTerms;
  apiKey: string;
  ids: IdSource;
}

/** Visitors the click route recorded, for the sale route to attribute orders to. */
export class VisitorPool {
  private readonly visitors: { visitorId: string; partnerId: string }[] = [];
  private next = 0;
  constructor(private readonly max = 500_000) {}
  add(visitorId: string, partnerId: string) {
    if (this.visitors.length < this.max) this.visitors.push({ visitorId, partnerId });
  }
  get size() {
    return this.visitors.length;
  }
  /** The next visitor, each once before any is reused. */
  take(): { visitorId: string; partnerId: string } | undefined {
    if (!this.visitors.length) return undefined;
    const v = this.visitors[this.next % this.visitors.length];
    this.next++;
    return v;
  }
}

export function healthRoute(): RouteSpec {
  return {
    name: "health",
    label: "GET /api/health",
    build: () => ({ method: "GET", path: "/api/health", headers: browserHeaders(), expect: {} }),
    check(status, _headers, body, _expect, deep) {
      if (status !== 200) return `HTTP ${status}`;
      if (deep && json(body)?.ok !== true) return "body is not {ok: true}";
      return null;
    },
  };
}

export function clickRoute(ctx: RouteContext, pool: VisitorPool): RouteSpec {
  return {
    name: "click",
    label: "POST /api/track/click",
    build() {
      const partner = pick(ctx.partners);
      const visitorId = ctx.ids.visitorId();
      const referrer = pick(REFERRERS);
      return {
        method: "POST",
        path: "/api/track/click",
        headers: browserHeaders({ "content-type": "application/json", origin: STORE_ORIGIN }),
        body: JSON.stringify({ ref: partner.referralCode, url: `${STORE_ORIGIN}${pick(LANDING_PATHS)}?ref=${partner.referralCode}`, ...(referrer ? { referrer } : {}), visitorId }),
        expect: { visitorId, partnerId: partner.id },
      };
    },
    check(status, _headers, body, expect, deep) {
      if (status !== 200) return `HTTP ${status}`;
      pool.add(expect.visitorId as string, expect.partnerId as string);
      if (deep) {
        const answer = json(body);
        if (!answer) return "200 without a JSON body";
        if (answer.visitorId !== expect.visitorId) return "200 with another visitorId than sent";
        if (answer.partnerId !== expect.partnerId) return "200 for another partner";
        if (typeof answer.cookieDays !== "number") return "200 without cookieDays";
      }
      return null;
    },
  };
}

export function redirectRoute(ctx: RouteContext): RouteSpec {
  return {
    name: "redirect",
    label: "GET /r/<code>",
    build() {
      const partner = pick(ctx.partners);
      const to = Math.random() < 0.5 ? `?to=${encodeURIComponent(pick(LANDING_PATHS))}` : "";
      const referrer = pick(REFERRERS);
      return {
        method: "GET",
        path: `/r/${partner.referralCode}${to}`,
        headers: browserHeaders({ accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", ...(referrer ? { referer: referrer } : {}) }),
        expect: {},
      };
    },
    check(status, headers, _body, _expect, deep) {
      if (status !== 307) return `HTTP ${status}`;
      const location = header(headers, "location") ?? "";
      // A 307 without aff_vid is the "never strand a shopper" fallback: the click was not recorded.
      if (!location.includes("aff_vid=")) return "307 without aff_vid (click not recorded)";
      if (deep) {
        if (!location.startsWith(ctx.terms.storeUrl.replace(/\/+$/, ""))) return "307 to somewhere other than the store";
        if (!(header(headers, "set-cookie") ?? "").includes("aff_vid=")) return "307 without the aff_vid cookie";
      }
      return null;
    },
  };
}

export function saleRoute(ctx: RouteContext, pool: VisitorPool): RouteSpec {
  const expectedCommission = (amount: number) => (ctx.terms.commissionType === "percentage" ? percentOf(amount, ctx.terms.commissionRate) : ctx.terms.commissionRate);
  return {
    name: "sale",
    label: "POST /api/track/sale",
    build() {
      const orderId = ctx.ids.orderId();
      const amount = 500 + Math.floor(Math.random() * 49_500);
      // 70 % through a visitor the click route recorded, 20 % by coupon, 10 % not referred.
      const roll = Math.random();
      const visitor = roll < 0.7 ? pool.take() : undefined;
      const couponPartner = !visitor && roll < 0.9 ? pick(ctx.partners) : undefined;
      const body = { orderId, amount, currency: "USD", ...(visitor ? { visitorId: visitor.visitorId } : {}), ...(couponPartner ? { couponCode: couponPartner.couponCode } : {}) };
      return {
        method: "POST",
        path: "/api/track/sale",
        headers: { authorization: `Bearer ${ctx.apiKey}`, "content-type": "application/json", "user-agent": "bench-store-backend/1.0" },
        body: JSON.stringify(body),
        expect: { orderId, amount, partnerId: visitor?.partnerId ?? couponPartner?.id ?? null, attribution: visitor ? "cookie" : couponPartner ? "coupon" : "none" },
      };
    },
    check(status, _headers, body, expect, deep) {
      if (status !== 201) return `HTTP ${status}`;
      if (deep) {
        const answer = json(body);
        if (!answer) return "201 without a JSON body";
        if (answer.orderId !== expect.orderId) return "201 for another orderId";
        if ((answer.partnerId ?? null) !== expect.partnerId) return `201 attributed to ${String(answer.partnerId)} instead of ${String(expect.partnerId)} (${String(expect.attribution)})`;
        const commission = answer.commission as { amount?: unknown; status?: unknown } | null;
        if (expect.partnerId) {
          if (!commission) return "201 attributed but without a commission";
          if (commission.amount !== expectedCommission(expect.amount as number)) return `201 with commission ${String(commission.amount)}, expected ${expectedCommission(expect.amount as number)}`;
        } else if (commission) {
          return "201 with a commission on an unreferred order";
        }
      }
      return null;
    },
  };
}
