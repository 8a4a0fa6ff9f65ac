import { isDeepStrictEqual } from "node:util";
import postgres from "postgres";
import type { Ledger, SaleAnswer, SaleBody } from "./chaos-load";

// What bench:chaos checks once the server is back: in the database, every acknowledged click
// and sale is there once, the sale with the commission it was answered with; over HTTP, every
// acknowledged sale retried answers 200 with its first answer, and a sale that was in flight at
// a kill, retried, is recorded (201) or replayed (200), never refused.

export interface StoredCounts {
  clicksOnce: number;
  clicksMissing: string[];
  clicksTwiceOrMore: string[];
  clicksWrongPartner: string[];
  salesOnce: number;
  salesMissing: string[];
  salesWrong: string[];
  unansweredClicksStored: number;
  unansweredSalesStored: number;
  /** Answered sales whose Integration log line was written (it is written after the answer). */
  salesLogged: number;
}

export async function checkStored(url: string, ledger: Ledger): Promise<StoredCounts> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const visitorIds = [...ledger.clicks.keys(), ...ledger.unansweredClicks.keys()];
    const clickRows = await sql<{ visitor_id: string; n: number; partner_id: string }[]>`
      select visitor_id, count(*)::int as n, min(partner_id::text) as partner_id from clicks where visitor_id = any(${visitorIds}) group by visitor_id`;
    const clicks = new Map(clickRows.map((r) => [r.visitor_id, r]));
    const orderIds = [...ledger.sales.keys(), ...ledger.unansweredSales.keys()];
    const orderRows = await sql<{ external_id: string; amount: string; partner_id: string | null; commissions: number; commission_id: string | null; commission_amount: string | null }[]>`
      select o.external_id, o.amount, o.partner_id::text as partner_id, count(c.id)::int as commissions,
             min(c.id::text) as commission_id, min(c.amount) as commission_amount
        from orders o left join commissions c on c.order_id = o.id
       where o.external_id = any(${orderIds}) group by o.id`;
    const orders = new Map(orderRows.map((r) => [r.external_id, r]));
    const [logged] = await sql<{ n: number }[]>`select count(distinct reference)::int as n from tracking_events where kind = 'sale' and reference = any(${[...ledger.sales.keys()]})`;

    const counts: StoredCounts = {
      clicksOnce: 0,
      clicksMissing: [],
      clicksTwiceOrMore: [],
      clicksWrongPartner: [],
      salesOnce: 0,
      salesMissing: [],
      salesWrong: [],
      unansweredClicksStored: [...ledger.unansweredClicks.keys()].filter((v) => clicks.has(v)).length,
      unansweredSalesStored: [...ledger.unansweredSales.keys()].filter((o) => orders.has(o)).length,
      salesLogged: logged?.n ?? 0,
    };
    for (const [visitorId, partnerId] of ledger.clicks) {
      const row = clicks.get(visitorId);
      if (!row) counts.clicksMissing.push(visitorId);
      else if (row.n > 1) counts.clicksTwiceOrMore.push(visitorId);
      else if (row.partner_id !== partnerId) counts.clicksWrongPartner.push(visitorId);
      else counts.clicksOnce++;
    }
    for (const [orderId, { body, answer }] of ledger.sales) {
      const row = orders.get(orderId);
      if (!row) {
        counts.salesMissing.push(orderId);
        continue;
      }
      const commissionMatches = answer.commission
        ? row.commissions === 1 && row.commission_id === answer.commission.id && Number(row.commission_amount) === answer.commission.amount
        : row.commissions === 0;
      if (Number(row.amount) === body.amount && row.partner_id === answer.partnerId && commissionMatches) counts.salesOnce++;
      else counts.salesWrong.push(orderId);
    }
    return counts;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export interface RetryCounts {
  sameAnswer: number;
  otherAnswer: string[];
  /** In-flight sales retried: recorded now (201), or stored before the kill (200). */
  inFlightCreated: number;
  inFlightReplayed: number;
  inFlightOther: string[];
}

async function post(baseUrl: string, apiKey: string, body: SaleBody): Promise<{ status: number; answer: SaleAnswer | null }> {
  const response = await fetch(`${baseUrl}/api/track/sale`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, answer: (await response.json().catch(() => null)) as SaleAnswer | null };
}

async function eachConcurrently<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

export async function retryEverySale(baseUrl: string, apiKey: string, ledger: Ledger): Promise<RetryCounts> {
  const counts: RetryCounts = { sameAnswer: 0, otherAnswer: [], inFlightCreated: 0, inFlightReplayed: 0, inFlightOther: [] };
  await eachConcurrently([...ledger.sales.values()], 8, async ({ body, answer }) => {
    const again = await post(baseUrl, apiKey, body);
    if (again.status === 200 && isDeepStrictEqual(again.answer, answer)) counts.sameAnswer++;
    else counts.otherAnswer.push(`${body.orderId}: HTTP ${again.status}`);
  });
  await eachConcurrently([...ledger.unansweredSales.values()], 8, async (body) => {
    const again = await post(baseUrl, apiKey, body);
    if (again.status === 201) counts.inFlightCreated++;
    else if (again.status === 200) counts.inFlightReplayed++;
    else counts.inFlightOther.push(`${body.orderId}: HTTP ${again.status}`);
  });
  return counts;
}
