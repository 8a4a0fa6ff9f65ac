import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import type { Db } from "@/db/types";
import type { AttributionRule } from "@/lib/schemas/enums";
import type { Actor } from "../actor";
import { COMMISSION_INPUT_COLUMNS, commissionInput, commissionSteps, type NewCommission } from "./commission-rows";

// A sale's writes as one statement: the order, its items, its commission and the
// commission's first history line. One statement is atomic on its own, so a sale without a
// customer needs no transaction, and one round trip replaces three to six. The order goes
// first with `on conflict do nothing`; every later step reads the order it returned, so when
// the orderId was taken (by a concurrent post too: the insert waits for it) nothing at all is
// written and the statement returns no row.
//
// Everything travels as one JSON parameter (json_to_recordset): the statement's text never
// changes, so postgres.js prepares it once, and there is one value to serialise, not forty.
// It takes several sales at once: under load, the API's sales group-commit (SaleWriter
// below), as clicks do. Within one statement a repeated orderId is skipped like any other
// conflict (the first row wins), so each sale is still written at most once.

export interface NewOrder {
  id: string;
  externalId: string;
  amount: number;
  currency: string;
  customerId: string | null;
  partnerId: string | null;
  linkId: string | null;
  clickId: number | null;
  attribution: AttributionRule;
  couponCode: string | null;
  isUpgrade: boolean;
  selfReferral: boolean;
  ipHash: string | null;
  userAgent: string | null;
  metadata: Record<string, unknown> | null;
  requestHash: string;
  /** Stored verbatim (a json column keeps the key order) and replayed to identical retries. */
  response: unknown;
  createdBy: string | null;
  createdAt: Date;
}

export interface NewOrderItem {
  productId: string;
  quantity: number;
  amount: number;
}

const INSERT_SALES = (input: string) => sql`
  with input as (
    select * from json_to_recordset(${input}::json) as t(
      ord int, id uuid, external_id text, amount bigint, currency text, customer_id uuid, partner_id uuid, link_id uuid, click_id bigint,
      attribution text, coupon_code text, is_upgrade boolean, self_referral boolean, ip_hash text, user_agent text, metadata jsonb,
      request_hash text, response json, created_by uuid, created_at timestamptz, items json, ${COMMISSION_INPUT_COLUMNS})
  ), new_order as (
    insert into orders (id, external_id, amount, currency, customer_id, partner_id, link_id, click_id, attribution, coupon_code,
                        is_upgrade, self_referral, ip_hash, user_agent, metadata, request_hash, response, created_by, created_at)
    select id, external_id, amount, currency, customer_id, partner_id, link_id, click_id, attribution, coupon_code,
           is_upgrade, self_referral, ip_hash, user_agent, metadata, request_hash, response, created_by, created_at
      from input order by ord
    on conflict (external_id) do nothing
    returning id
  ), written as (
    select input.* from new_order join input on input.id = new_order.id
  ), new_items as (
    insert into order_items (order_id, product_id, quantity, amount)
    select w.id, i.product_id, i.quantity, i.amount
      from written w,
           rows from (json_to_recordset(w.items) as (product_id text, quantity int, amount bigint)) with ordinality as i(product_id, quantity, amount, n)
     order by w.ord, i.n
  ), commission_input as (
    select id as order_id, * from written
  ), ${commissionSteps(sql`commission_input`)}
  select id from new_order`;

export interface NewSale {
  actor: Actor;
  order: NewOrder;
  items: NewOrderItem[];
  commission: NewCommission | null;
}

function inputOf(s: NewSale, ord: number) {
  const o = s.order;
  return {
    ord,
    id: o.id,
    external_id: o.externalId,
    amount: o.amount,
    currency: o.currency,
    customer_id: o.customerId,
    partner_id: o.partnerId,
    link_id: o.linkId,
    click_id: o.clickId,
    attribution: o.attribution,
    coupon_code: o.couponCode,
    is_upgrade: o.isUpgrade,
    self_referral: o.selfReferral,
    ip_hash: o.ipHash,
    user_agent: o.userAgent,
    metadata: o.metadata,
    request_hash: o.requestHash,
    response: o.response,
    created_by: o.createdBy,
    created_at: o.createdAt.toISOString(),
    items: s.items.map((i) => ({ product_id: i.productId, quantity: i.quantity, amount: i.amount })),
    ...commissionInput(s.actor, s.commission),
  };
}

/** Writes the sales; for each, false when its orderId was already taken (then nothing of it was written). */
async function insertSales(db: Db, sales: NewSale[]): Promise<boolean[]> {
  const written = await queryRows<{ id: string }>(db, INSERT_SALES(JSON.stringify(sales.map(inputOf))));
  const ids = new Set(written.map((r) => r.id));
  return sales.map((s) => ids.has(s.order.id));
}

/** Writes one sale, in `db` (which may be an open transaction); false when its orderId was already taken. */
export async function insertSale(db: Db, sale: NewSale): Promise<boolean> {
  return (await insertSales(db, [sale]))[0]!;
}

const MAX_BATCH = 200;

interface Job {
  sale: NewSale;
  resolve(written: boolean): void;
  reject(error: unknown): void;
}

/**
 * Group commit for the API's sales: each sale waits until its statement has committed, but
 * sales arriving while one is being written share the next statement. At low load a sale is
 * written at once, alone.
 */
class SaleWriter {
  private queue: Job[] = [];
  private draining = false;

  constructor(private readonly db: Db) {}

  write(sale: NewSale): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ sale, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const written = await insertSales(
            this.db,
            batch.map((j) => j.sale),
          );
          batch.forEach((job, i) => job.resolve(written[i]!));
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          // The failed statement wrote nothing. One bad sale (say, of a partner deleted a moment
          // ago) must not fail its neighbours: write them one by one so only that sale fails.
          else for (const job of batch) await insertSale(this.db, job.sale).then(job.resolve, job.reject);
        }
      }
    } finally {
      this.draining = false;
    }
  }
}

const writers = new WeakMap<object, SaleWriter>();

/** Writes a sale sharing a statement with the sales arriving at the same moment. `db` must be the database, not a transaction. */
export function insertSaleShared(db: Db, sale: NewSale): Promise<boolean> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new SaleWriter(db)));
  return writer.write(sale);
}
