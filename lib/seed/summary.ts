import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import type { Db } from "@/db/types";
import { formatMoney } from "@/lib/domain/money";
import { COMMISSION_STATUSES } from "@/lib/schemas/enums";

// What the seed made, read back from the database (so it shows what the rules gave, not
// what the generator intended), and its few aligned lines for the terminal.

export interface SeedSummary {
  programName: string;
  currency: string;
  partners: Record<string, number>;
  links: number;
  products: number;
  categories: number;
  rateGroups: number;
  clicks: { total: number; counted: number; declined: Record<string, number> };
  customers: number;
  leads: number;
  orders: { total: number; attributed: number; byRule: Record<string, number> };
  revenue: number;
  refunded: number;
  commissions: Record<string, { count: number; amount: number }>;
  /** Completed payouts. */
  payouts: { count: number; amount: number };
  /** Clawbacks (refunds after payment) and other balance corrections. */
  adjustments: { count: number; amount: number };
}

type Row = Record<string, string | number | null>;

const n = (v: unknown) => Number(v ?? 0);

async function counts(db: Db, query: ReturnType<typeof sql>): Promise<Record<string, number>> {
  const rows = await queryRows<{ key: string | null; n: number }>(db, query);
  return Object.fromEntries(rows.map((r) => [r.key ?? "", n(r.n)]));
}

export async function readSummary(db: Db): Promise<SeedSummary> {
  const [program] = await queryRows<Row>(db, sql`select name, currency from program_settings where id = 1`);
  const [sizes] = await queryRows<Row>(
    db,
    sql`select (select count(*) from links) as links, (select count(*) from products) as products,
               (select count(*) from categories) as categories, (select count(*) from rate_groups) as rate_groups,
               (select count(*) from customers) as customers, (select count(*) from leads) as leads`,
  );
  const declined = await counts(db, sql`select coalesce(declined_reason, '') as key, count(*)::int as n from clicks group by 1`);
  const byRule = await counts(db, sql`select attribution as key, count(*)::int as n from orders group by 1`);
  const [money] = await queryRows<Row>(db, sql`select coalesce(sum(amount), 0) as revenue, coalesce(sum(refunded_amount), 0) as refunded from orders`);
  const commissionRows = await queryRows<{ status: string; count: number; amount: number }>(
    db,
    sql`select status, count(*)::int as count, coalesce(sum(amount), 0) as amount from commissions group by 1`,
  );
  const [paid] = await queryRows<Row>(
    db,
    sql`select (select count(*) from payouts where status = 'completed') as payouts, (select coalesce(sum(amount), 0) from payouts where status = 'completed') as paid,
               (select count(*) from adjustments) as adjustments, (select coalesce(sum(amount), 0) from adjustments) as adjusted`,
  );
  const { [""]: counted = 0, ...declinedByReason } = declined;
  const totalOrders = Object.values(byRule).reduce((a, b) => a + b, 0);
  return {
    programName: String(program?.name ?? ""),
    currency: String(program?.currency ?? "USD"),
    partners: await counts(db, sql`select status as key, count(*)::int as n from partners group by 1`),
    links: n(sizes?.links),
    products: n(sizes?.products),
    categories: n(sizes?.categories),
    rateGroups: n(sizes?.rate_groups),
    clicks: { total: Object.values(declined).reduce((a, b) => a + b, 0), counted, declined: declinedByReason },
    customers: n(sizes?.customers),
    leads: n(sizes?.leads),
    orders: { total: totalOrders, attributed: totalOrders - (byRule.none ?? 0), byRule },
    revenue: n(money?.revenue),
    refunded: n(money?.refunded),
    commissions: Object.fromEntries(commissionRows.map((r) => [r.status, { count: n(r.count), amount: n(r.amount) }])),
    payouts: { count: n(paid?.payouts), amount: n(paid?.paid) },
    adjustments: { count: n(paid?.adjustments), amount: n(paid?.adjusted) },
  };
}

const int = (v: number) => v.toLocaleString("en-US");
const count = (v: number, noun: string) => `${int(v)} ${noun}${v === 1 ? "" : "s"}`;

/** The summary as aligned lines: label, a figure, then the breakdown. */
export function formatSummary(s: SeedSummary): string[] {
  const money = (v: number) => formatMoney(v, s.currency);
  const list = (entries: [string, number][], show: (v: number) => string = int) =>
    entries.filter(([, v]) => v > 0).map(([k, v]) => `${show(v)} ${k.replaceAll("_", " ")}`).join(", ");
  const commissionTotal = Object.values(s.commissions).reduce((a, c) => a + c.amount, 0);
  const rows: [string, string, string][] = [
    ["Partners", int(Object.values(s.partners).reduce((a, b) => a + b, 0)), list((["approved", "pending", "rejected", "suspended"] as const).map((st) => [st, s.partners[st] ?? 0]))],
    ["Catalog", int(s.products), `products in ${s.categories} categories, ${s.rateGroups} rate groups, ${s.links} custom links`],
    ["Clicks", int(s.clicks.total), `${int(s.clicks.counted)} counted; declined: ${list(Object.entries(s.clicks.declined).sort((a, b) => b[1] - a[1])) || "none"}`],
    ["Leads", int(s.leads), `signup events; ${int(s.customers)} customers in all`],
    ["Orders", int(s.orders.total), `${int(s.orders.attributed)} attributed (${list(Object.entries(s.orders.byRule).filter(([k]) => k !== "none").sort((a, b) => b[1] - a[1]))}), ${int(s.orders.byRule.none ?? 0)} not`],
    ["Revenue", money(s.revenue), `${money(s.refunded)} refunded`],
    [
      "Commissions",
      money(commissionTotal),
      COMMISSION_STATUSES.filter((st) => s.commissions[st])
        .map((st) => (st === "void" ? `${int(s.commissions[st]!.count)} void` : `${st} ${money(s.commissions[st]!.amount)} (${int(s.commissions[st]!.count)})`))
        .join(", "),
    ],
    ["Payouts", money(s.payouts.amount), `${count(s.payouts.count, "payment")}; ${count(s.adjustments.count, "clawback")} (${money(s.adjustments.amount)})`],
  ];
  const labelWidth = Math.max(...rows.map((r) => r[0].length));
  const figureWidth = Math.max(...rows.map((r) => r[1].length));
  return rows.map(([label, figure, detail]) => `  ${label.padEnd(labelWidth)}  ${figure.padStart(figureWidth)}  ${detail}`);
}
