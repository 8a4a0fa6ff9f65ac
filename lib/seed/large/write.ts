import "server-only";
import type { Db } from "@/db/types";
import { insertRows, type BulkColumn } from "./bulk";
import type { Ledger } from "./ledger";
import type { LargeCustomer, PlannedOrder } from "./orders";

// Writes the planned customers, orders and the ledger in bulk, parents before children.

const iso = (ms: number) => new Date(ms).toISOString();
const cols = (spec: string): BulkColumn[] =>
  spec.split(",").map((pair) => {
    const [name, type] = pair.trim().split(" ");
    return { name: name!, type: type! };
  });

export async function writeOrders(db: Db, customers: LargeCustomer[], orders: PlannedOrder[], ledger: Ledger, currency: string): Promise<void> {
  await insertRows(
    db,
    {
      table: "customers",
      columns: cols("id uuid, external_id text, email text, name text, partner_id uuid, referred_at timestamptz, created_at timestamptz"),
      values: (c: LargeCustomer) => [c.id, c.externalId, c.email, c.name, c.partner?.id ?? null, c.partner ? iso(c.createdAt) : null, iso(c.createdAt)],
    },
    customers,
  );
  await insertRows(
    db,
    {
      table: "orders",
      columns: cols(
        "id uuid, external_id text, amount bigint, currency text, refunded_amount bigint, customer_id uuid, partner_id uuid, link_id uuid, click_id bigint, " +
          "attribution text, coupon_code text, self_referral boolean, ip_hash text, user_agent text, request_hash text, response json, created_at timestamptz",
      ),
      values: (o: PlannedOrder) => [
        o.id, o.externalId, o.amount, currency, o.refundedAmount, o.customer?.id ?? null, o.partner?.id ?? null, o.link?.id ?? null, o.clickId,
        o.attribution, o.couponCode, o.selfReferral, o.ipHash, o.userAgent, o.requestHash, o.response, iso(o.at),
      ],
    },
    orders,
  );
  await insertRows(
    db,
    {
      table: "order_items",
      columns: cols("order_id uuid, product_id text, quantity integer, amount bigint"),
      values: (i: { orderId: string; productId: string; quantity: number; amount: number }) => [i.orderId, i.productId, i.quantity, i.amount],
    },
    orders.flatMap((o) => o.items.map((i) => ({ orderId: o.id, ...i }))),
    10_000,
  );
  await insertRows(
    db,
    {
      table: "payouts",
      columns: cols("id uuid, partner_id uuid, amount bigint, currency text, method text, transaction_id text, status text, created_at timestamptz"),
      values: (p: Ledger["payouts"][number]) => [p.id, p.partner.id, p.amount, currency, p.method, p.transactionId, "completed", iso(p.at)],
    },
    ledger.payouts,
  );
  const commissions = orders.filter((o) => o.commission);
  await insertRows(
    db,
    {
      table: "commissions",
      columns: cols(
        "id uuid, partner_id uuid, kind text, order_id uuid, amount bigint, original_amount bigint, currency text, status text, rate_source text, rate_type text, rate integer, " +
          "hold_until timestamptz, void_reason text, payout_id uuid, created_at timestamptz, updated_at timestamptz",
      ),
      values: (o: PlannedOrder) => {
        const c = o.commission!;
        return [
          c.id, c.partner.id, "sale", o.id, c.amount, c.originalAmount, currency, c.status, c.rateSource, c.rateType, c.rate,
          iso(c.holdUntil), c.voidReason, c.payoutId, iso(c.createdAt), iso(c.updatedAt),
        ];
      },
    },
    commissions,
  );
  await insertRows(
    db,
    {
      table: "commission_events",
      columns: cols("commission_id uuid, from_status text, to_status text, from_amount bigint, to_amount bigint, reason text, actor_type text, created_at timestamptz"),
      values: (e: Ledger["events"][number]) => [e.commissionId, e.fromStatus, e.toStatus, e.fromAmount, e.toAmount, e.reason, e.actorType, iso(e.at)],
    },
    ledger.events,
    10_000,
  );
  await insertRows(
    db,
    {
      table: "refunds",
      columns: cols("id uuid, order_id uuid, external_id text, amount bigint, commission_reduction bigint, request_hash text, response json, created_at timestamptz"),
      values: (r: Ledger["refunds"][number]) => [r.id, r.order.id, r.externalId, r.amount, r.commissionReduction, r.requestHash, r.response, iso(r.at)],
    },
    ledger.refunds,
  );
  await insertRows(
    db,
    {
      table: "adjustments",
      columns: cols("id uuid, partner_id uuid, commission_id uuid, refund_id uuid, amount bigint, currency text, reason text, payout_id uuid, created_at timestamptz"),
      values: (a: Ledger["adjustments"][number]) => [a.id, a.partner.id, a.commissionId, a.refundId, a.amount, currency, a.reason, a.payoutId, iso(a.at)],
    },
    ledger.adjustments,
  );
}
