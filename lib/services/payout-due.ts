import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/db/open";
import type { Db } from "@/db/types";
import type { PartnerStatus, PayoutMethod } from "@/lib/schemas/enums";
import { offsetOf, type ListParams } from "@/lib/schemas/list-params";
import { MAX_BULK_PAYMENTS } from "@/lib/schemas/payout-bulk";
import type { DueListParams } from "@/lib/schemas/payout-lists";
import { approveDueCommissions } from "./commissions-hold";

// The Due list of the Payouts page: partners whose balance (approved commissions and
// adjustments not in a payout, SPEC.md §2 "Payouts") is positive and at least the minimum
// payout. Money in an open PayPal batch is left out: that batch pays it, and "Pay" would not. The balances are summed in one pass over the unpaid rows only (approved
// commissions through commissions_status_created_idx, unpaid adjustments), never over the
// whole ledger, then filtered, sorted and cut to one page in SQL. Pending commissions (in
// their hold period) are added for the page's partners alone, through the partner index.

export interface DueRow {
  partnerId: string;
  name: string;
  email: string;
  status: PartnerStatus;
  referralCode: string;
  payoutMethod: PayoutMethod | null;
  payoutDetails: Record<string, string>;
  /** What the next payout takes, minor units: approved unpaid commissions + unpaid adjustments, outside open PayPal batches. */
  balance: number;
  /** Approved commissions in the balance. */
  commissionCount: number;
  /** Created date of the oldest approved commission in the balance (null: adjustments only). */
  oldestCommissionAt: Date | null;
  /** Pending commissions (inside the hold period): not in the balance, shown apart. */
  pending: number;
}

export interface DueSummary {
  partners: number;
  /** Sum of the listed balances, minor units. */
  amount: number;
}

type DueQuery = Pick<ListParams<string, unknown>, "q"> & { method?: DueListParams["filters"]["method"]; partnerIds?: string[] };

const SORT_KEYS: Record<DueListParams["sort"], SQL> = {
  balance: sql`balance`,
  partner: sql`lower(name)`,
  commissions: sql`commission_count`,
  oldest: sql`oldest_commission_at`,
};

/** `%text%` for LIKE, with the pattern characters in the text taken literally. */
function contains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`;
}

/** Every partner due, as a subquery named `due`: the balance sums, then the partner filters. */
function dueSet(query: DueQuery, minPayout: number): SQL {
  const where: SQL[] = [sql`coalesce(c.amount, 0) + coalesce(a.amount, 0) >= ${Math.max(minPayout, 1)}`];
  if (query.method === "none") where.push(sql`p.payout_method is null`);
  else if (query.method) where.push(sql`p.payout_method = ${query.method}`);
  const q = query.q?.trim();
  if (q) {
    const like = contains(q);
    where.push(sql`(lower(p.name) like ${like} or lower(p.email) like ${like} or lower(p.referral_code) like ${like})`);
  }
  if (query.partnerIds) where.push(query.partnerIds.length ? sql`p.id in (${sql.join(query.partnerIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`);
  return sql`(
    select p.id, p.name, p.email, p.status, p.referral_code, p.payout_method, p.payout_details,
           coalesce(c.amount, 0) + coalesce(a.amount, 0) as balance,
           coalesce(c.n, 0) as commission_count,
           c.oldest as oldest_commission_at
      from (select partner_id, sum(amount) as amount, count(*) as n, min(created_at) as oldest
              from commissions where status = 'approved' and payout_id is null and batch_id is null group by partner_id) c
      full join (select partner_id, sum(amount) as amount from adjustments where payout_id is null and batch_id is null group by partner_id) a
        on a.partner_id = c.partner_id
      join partners p on p.id = coalesce(c.partner_id, a.partner_id)
     where ${sql.join(where, sql` and `)}
  ) due`;
}

interface RawRow {
  id: string;
  name: string;
  email: string;
  status: PartnerStatus;
  referral_code: string;
  payout_method: PayoutMethod | null;
  payout_details: Record<string, string> | string | null;
  balance: string | number;
  commission_count: string | number;
  oldest_commission_at: Date | string | null;
}

function toRow(r: RawRow, pending: Map<string, number>): DueRow {
  const details = typeof r.payout_details === "string" ? (JSON.parse(r.payout_details) as Record<string, string>) : (r.payout_details ?? {});
  return {
    partnerId: r.id,
    name: r.name,
    email: r.email,
    status: r.status,
    referralCode: r.referral_code,
    payoutMethod: r.payout_method,
    payoutDetails: details,
    balance: Number(r.balance),
    commissionCount: Number(r.commission_count),
    oldestCommissionAt: r.oldest_commission_at === null ? null : new Date(r.oldest_commission_at),
    pending: pending.get(r.id) ?? 0,
  };
}

/** Pending commission totals of the given partners, through the partner index. */
async function pendingOf(db: Db, partnerIds: string[]): Promise<Map<string, number>> {
  if (!partnerIds.length) return new Map();
  const rows = await queryRows<{ partner_id: string; amount: string | number }>(
    db,
    sql`select partner_id, sum(amount) as amount from commissions
         where status = 'pending' and partner_id in (${sql.join(partnerIds.map((id) => sql`${id}::uuid`), sql`, `)})
         group by partner_id`,
  );
  return new Map(rows.map((r) => [r.partner_id, Number(r.amount)]));
}

async function dueRows(db: Db, query: DueQuery & Pick<DueListParams, "sort" | "dir">, minPayout: number, limit: number, offset: number) {
  const dir = query.dir === "asc" ? sql`asc` : sql`desc`;
  return queryRows<RawRow & { total: string | number; total_amount: string | number }>(
    db,
    sql`select due.*, count(*) over () as total, sum(balance) over () as total_amount
          from ${dueSet(query, minPayout)}
         order by ${SORT_KEYS[query.sort]} ${dir} nulls last, id ${dir}
         limit ${limit} offset ${offset}`,
  );
}

/** One page of the Due list, and how many partners are due in all (with the filters) and for how much. */
export async function listDuePartners(db: Db, params: DueListParams, options: { minPayout: number; now?: Date }): Promise<{ rows: DueRow[]; summary: DueSummary }> {
  await approveDueCommissions(db, options.now);
  const query = { q: params.q, method: params.filters.method, sort: params.sort, dir: params.dir };
  const raw = await dueRows(db, query, options.minPayout, params.size, offsetOf(params));
  let summary: DueSummary = { partners: Number(raw[0]?.total ?? 0), amount: Number(raw[0]?.total_amount ?? 0) };
  if (!raw.length && params.page > 1) {
    // Past the last page (a stale link): the window sums saw no rows, count them apart.
    const [row] = await queryRows<{ n: string | number; amount: string | number | null }>(
      db,
      sql`select count(*) as n, sum(balance) as amount from ${dueSet(query, options.minPayout)}`,
    );
    summary = { partners: Number(row?.n ?? 0), amount: Number(row?.amount ?? 0) };
  }
  const pending = await pendingOf(db, raw.map((r) => r.id));
  return { rows: raw.map((r) => toRow(r, pending)), summary };
}

/**
 * What is owed now, all partners, no filters: the Payouts page's "Due now" with an empty
 * search, through the same due set. The Overview's "Owed now" reads this, so the two pages
 * cannot disagree.
 */
export async function dueTotal(db: Db, options: { minPayout: number; now?: Date }): Promise<DueSummary> {
  await approveDueCommissions(db, options.now);
  const [row] = await queryRows<{ n: string | number; amount: string | number | null }>(
    db,
    sql`select count(*) as n, sum(balance) as amount from ${dueSet({ q: "" }, options.minPayout)}`,
  );
  return { partners: Number(row?.n ?? 0), amount: Number(row?.amount ?? 0) };
}

export const MAX_DUE_EXPORT_ROWS = 100_000;

/**
 * Every partner due with the list's filters and sort (the CSV export), or only the given
 * partners among them (`partnerIds`).
 */
export async function allDuePartners(
  db: Db,
  query: DueQuery & Partial<Pick<DueListParams, "sort" | "dir">>,
  options: { minPayout: number; now?: Date },
): Promise<DueRow[]> {
  await approveDueCommissions(db, options.now);
  const raw = await dueRows(db, { ...query, sort: query.sort ?? "balance", dir: query.dir ?? "desc" }, options.minPayout, MAX_DUE_EXPORT_ROWS, 0);
  const pending = new Map<string, number>();
  // The pending sums in slices, so a long export stays on the partner index.
  for (let i = 0; i < raw.length; i += 1000) {
    for (const [id, amount] of await pendingOf(db, raw.slice(i, i + 1000).map((r) => r.id))) pending.set(id, amount);
  }
  return raw.map((r) => toRow(r, pending));
}

export interface DuePayment {
  partnerId: string;
  name: string;
  amount: number;
}

/**
 * What "Pay all due" would pay now with the list's search and method filter, largest
 * balance first (at most MAX_BULK_PAYMENTS partners; `summary` counts them all): each partner and amount, so the run pays exactly what the dialog showed.
 */
export async function duePayments(db: Db, query: DueQuery, options: { minPayout: number; now?: Date }): Promise<{ payments: DuePayment[]; summary: DueSummary }> {
  await approveDueCommissions(db, options.now);
  const raw = await dueRows(db, { ...query, sort: "balance", dir: "desc" }, options.minPayout, MAX_BULK_PAYMENTS, 0);
  return {
    payments: raw.map((r) => ({ partnerId: r.id, name: r.name, amount: Number(r.balance) })),
    summary: { partners: Number(raw[0]?.total ?? 0), amount: Number(raw[0]?.total_amount ?? 0) },
  };
}

/** Approved commissions and adjustments held by open PayPal batches, minor units. */
export async function inOpenBatchesTotal(db: Db): Promise<number> {
  const [row] = await queryRows<{ amount: string | number | null }>(
    db,
    sql`select coalesce((select sum(amount) from commissions where batch_id is not null and status = 'approved'), 0)
             + coalesce((select sum(amount) from adjustments where batch_id is not null), 0) as amount`,
  );
  return Number(row?.amount ?? 0);
}

/** Pending commissions of every partner: what becomes due as hold periods end. */
export async function pendingTotal(db: Db): Promise<number> {
  const [row] = await queryRows<{ amount: string | number | null }>(db, sql`select sum(amount) as amount from commissions where status = 'pending'`);
  return Number(row?.amount ?? 0);
}
