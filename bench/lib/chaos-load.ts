import type { BenchPartner } from "./routes";
import { browserHeaders, IdSource, pick } from "./traffic";

// The load of bench:chaos: workers send clicks and sales as fast as they are answered, and
// a ledger keeps what the app acknowledged (a click's 200, a sale's 201), what it refused, and
// what was still unanswered when the server died. Only acknowledged requests must be stored.

export interface SaleBody {
  orderId: string;
  amount: number;
  currency: string;
  visitorId?: string;
  couponCode?: string;
}

export interface SaleAnswer {
  orderId: string;
  attributed: boolean;
  attribution: string;
  partnerId: string | null;
  commission: { id: string; amount: number; currency: string; status: string } | null;
}

export class Ledger {
  /** visitorId → partnerId of every click answered 200. */
  readonly clicks = new Map<string, string>();
  /** Every sale answered 201, with the body sent and the answer. */
  readonly sales = new Map<string, { body: SaleBody; answer: SaleAnswer }>();
  /** Sent, and no answer came (the server died under them). */
  readonly unansweredClicks = new Map<string, string>();
  readonly unansweredSales = new Map<string, SaleBody>();
  /** Answers other than 200/201, by "route HTTP status". */
  readonly refused = new Map<string, number>();
  private readonly visitors: string[] = [];

  /** A visitor whose click was acknowledged, for a sale to be attributed through. */
  someVisitor(): string | undefined {
    return this.visitors.length ? pick(this.visitors) : undefined;
  }
  ackClick(visitorId: string, partnerId: string) {
    this.clicks.set(visitorId, partnerId);
    this.visitors.push(visitorId);
  }
  refuse(what: string) {
    this.refused.set(what, (this.refused.get(what) ?? 0) + 1);
  }
}

interface LoadContext {
  baseUrl: string;
  apiKey: string;
  partners: BenchPartner[];
  ids: IdSource;
  ledger: Ledger;
}

async function oneClick(ctx: LoadContext): Promise<boolean> {
  const partner = pick(ctx.partners);
  const visitorId = ctx.ids.visitorId();
  try {
    const response = await fetch(`${ctx.baseUrl}/api/track/click`, {
      method: "POST",
      headers: browserHeaders({ "content-type": "application/json" }),
      body: JSON.stringify({ ref: partner.referralCode, visitorId }),
      signal: AbortSignal.timeout(15_000),
    });
    const answer = (await response.json()) as { visitorId?: string };
    if (response.status === 200 && answer.visitorId === visitorId) ctx.ledger.ackClick(visitorId, partner.id);
    else ctx.ledger.refuse(`click HTTP ${response.status}`);
    return true;
  } catch {
    ctx.ledger.unansweredClicks.set(visitorId, partner.id);
    return false;
  }
}

async function oneSale(ctx: LoadContext): Promise<boolean> {
  const roll = Math.random();
  const visitorId = roll < 0.7 ? ctx.ledger.someVisitor() : undefined;
  const couponCode = !visitorId && roll < 0.9 ? pick(ctx.partners).couponCode : undefined;
  const body: SaleBody = { orderId: ctx.ids.orderId(), amount: 500 + Math.floor(Math.random() * 49_500), currency: "USD", ...(visitorId ? { visitorId } : {}), ...(couponCode ? { couponCode } : {}) };
  try {
    const response = await fetch(`${ctx.baseUrl}/api/track/sale`, {
      method: "POST",
      headers: { authorization: `Bearer ${ctx.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const answer = (await response.json()) as SaleAnswer;
    if (response.status === 201) ctx.ledger.sales.set(body.orderId, { body, answer });
    else ctx.ledger.refuse(`sale HTTP ${response.status}`);
    return true;
  } catch {
    ctx.ledger.unansweredSales.set(body.orderId, body);
    return false;
  }
}

/**
 * Runs `connections` workers, 60 % clicks and 40 % sales, until `stopped()`; a worker whose
 * request gets no answer (the server is gone) stops. Resolves when all have stopped.
 */
export async function chaosLoad(ctx: LoadContext, connections: number, stopped: () => boolean): Promise<void> {
  const worker = async () => {
    while (!stopped()) {
      const answered = Math.random() < 0.6 ? await oneClick(ctx) : await oneSale(ctx);
      if (!answered) return;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
}
