import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/db/open";
import type { Db } from "@/db/types";
import type { CommissionType, PartnerStatus } from "@/lib/schemas/enums";
import type { PartnerSort } from "@/lib/schemas/partners";

// The Partners list: one page of partners with their totals, sorted and filtered in SQL, in
// two steps. First the page is chosen: for a partner column or clicks (read from the counter
// table, never by counting a million clicks) from the partners alone; for a total, by
// grouping only the rows of that one total for every partner. Then the page's 25-odd
// partners get all their totals through the partner indexes (orders_partner_idx,
// commissions_partner_status_idx, adjustments_partner_idx).

export interface PartnerListRow {
  id: string;
  name: string;
  email: string;
  status: PartnerStatus;
  referralCode: string;
  commissionType: CommissionType | null;
  commissionRate: number | null;
  couponCodes: string[];
  clicks: number;
  /** Orders attributed to the partner. */
  conversions: number;
  /** Order amounts minus what was refunded, minor units. */
  revenue: number;
  /** Commission amounts that are not void (pending, approved and paid), net of clawbacks after payout. */
  commissions: number;
  /** Approved commissions and adjustments not yet paid out (see balances.ts). */
  balance: number;
  pending: number;
  createdAt: Date;
}

export interface PartnerListQuery {
  q?: string;
  status?: PartnerStatus;
  sort: PartnerSort;
  dir: "asc" | "desc";
  limit: number;
  offset: number;
}

/**
 * How to rank partners for each sort: the key, and what must be joined to compute it. The
 * totals are grouped over the whole table only for the one total being sorted on, reading
 * just the rows that make it up (a hash aggregate in one pass).
 */
const RANKING: Record<PartnerSort, { key: SQL; join?: SQL }> = {
  name: { key: sql`lower(p.name)` },
  status: { key: sql`p.status` },
  joined: { key: sql`p.created_at` },
  clicks: { key: sql`coalesce(t.clicks, 0)`, join: sql`left join partner_click_totals t on t.partner_id = p.id` },
  conversions: {
    key: sql`coalesce(r.n, 0)`,
    join: sql`left join (select partner_id, count(*) as n from orders where partner_id is not null group by partner_id) r on r.partner_id = p.id`,
  },
  revenue: {
    key: sql`coalesce(r.n, 0)`,
    join: sql`left join (select partner_id, sum(amount - refunded_amount) as n from orders where partner_id is not null group by partner_id) r on r.partner_id = p.id`,
  },
  // Net of clawbacks (adjustments a refund after payment left against a commission); a void
  // commission counts nothing, its clawbacks included.
  commissions: {
    key: sql`coalesce(r.n, 0) + coalesce(ra.n, 0)`,
    join: sql`left join (select partner_id, sum(amount) as n from commissions where status <> 'void' group by partner_id) r on r.partner_id = p.id
              left join (select a.partner_id, sum(a.amount) as n from adjustments a join commissions c on c.id = a.commission_id
                          where c.status <> 'void' group by a.partner_id) ra on ra.partner_id = p.id`,
  },
  balance: {
    key: sql`coalesce(r.n, 0) + coalesce(ra.n, 0)`,
    join: sql`left join (select partner_id, sum(amount) as n from commissions where status = 'approved' and payout_id is null group by partner_id) r on r.partner_id = p.id
              left join (select partner_id, sum(amount) as n from adjustments where payout_id is null group by partner_id) ra on ra.partner_id = p.id`,
  },
};

/** `%text%` for LIKE, with the pattern characters in the text taken literally. */
function contains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`;
}

function filters(query: Pick<PartnerListQuery, "q" | "status">): SQL {
  const parts: SQL[] = [sql`true`];
  if (query.status) parts.push(sql`p.status = ${query.status}`);
  const q = query.q?.trim();
  if (q) {
    const like = contains(q);
    parts.push(sql`(lower(p.name) like ${like} or lower(p.email) like ${like} or lower(p.referral_code) like ${like}
      or exists (select 1 from coupon_codes cc where cc.partner_id = p.id and lower(cc.code) like ${like}))`);
  }
  return sql.join(parts, sql` and `);
}

/** The page's totals, each table read through its partner index for the page's partners only. */
const TOTALS = sql`
  o as (
    select partner_id, count(*) as conversions, sum(amount - refunded_amount) as revenue
      from orders where partner_id in (select id from page) group by partner_id
  ),
  c as (
    select partner_id,
           sum(amount) filter (where status <> 'void') as total,
           sum(amount) filter (where status = 'approved' and payout_id is null) as approved_unpaid,
           sum(amount) filter (where status = 'pending') as pending
      from commissions where partner_id in (select id from page) group by partner_id
  ),
  a as (
    select a.partner_id,
           sum(a.amount) filter (where a.payout_id is null) as unpaid,
           sum(a.amount) filter (where ac.status <> 'void') as clawbacks
      from adjustments a left join commissions ac on ac.id = a.commission_id
     where a.partner_id in (select id from page) group by a.partner_id
  )`;

const COLUMNS = sql`
  p.id, p.name, p.email, p.status, p.referral_code, p.commission_type, p.commission_rate, p.created_at,
  coalesce((select string_agg(cc.code, ',' order by cc.created_at, cc.code) from coupon_codes cc where cc.partner_id = p.id), '') as coupon_codes,
  coalesce(t.clicks, 0) as clicks,
  coalesce(o.conversions, 0) as conversions,
  coalesce(o.revenue, 0) as revenue,
  coalesce(c.total, 0) + coalesce(a.clawbacks, 0) as commissions,
  coalesce(c.approved_unpaid, 0) + coalesce(a.unpaid, 0) as balance,
  coalesce(c.pending, 0) as pending`;

interface RawRow {
  id: string;
  name: string;
  email: string;
  status: PartnerStatus;
  referral_code: string;
  commission_type: CommissionType | null;
  commission_rate: number | string | null;
  created_at: Date | string;
  coupon_codes: string;
  clicks: number | string;
  conversions: number | string;
  revenue: number | string;
  commissions: number | string;
  balance: number | string;
  pending: number | string;
}

function toRow(r: RawRow): PartnerListRow {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    status: r.status,
    referralCode: r.referral_code,
    commissionType: r.commission_type,
    commissionRate: r.commission_rate === null ? null : Number(r.commission_rate),
    couponCodes: r.coupon_codes ? r.coupon_codes.split(",") : [],
    clicks: Number(r.clicks),
    conversions: Number(r.conversions),
    revenue: Number(r.revenue),
    commissions: Number(r.commissions),
    balance: Number(r.balance),
    pending: Number(r.pending),
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at),
  };
}

/** The rows of one page, in order: rank and cut the page first, then add up its totals. */
export async function partnerRows(db: Db, query: PartnerListQuery): Promise<PartnerListRow[]> {
  const dir = query.dir === "asc" ? sql`asc` : sql`desc`;
  const ranking = RANKING[query.sort];
  const rows = await queryRows<RawRow>(
    db,
    sql`with page as materialized (
          select p.id, ${ranking.key} as sort_key from partners p ${ranking.join ?? sql``}
           where ${filters(query)}
           order by sort_key ${dir}, p.id ${dir}
           limit ${query.limit} offset ${query.offset}
        ), ${TOTALS}
        select ${COLUMNS}
          from page join partners p on p.id = page.id
          left join partner_click_totals t on t.partner_id = p.id
          left join o on o.partner_id = p.id
          left join c on c.partner_id = p.id
          left join a on a.partner_id = p.id
         order by page.sort_key ${dir}, p.id ${dir}`,
  );
  return rows.map(toRow);
}

export async function countPartners(db: Db, query: Pick<PartnerListQuery, "q" | "status">): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(db, sql`select count(*)::int as n from partners p where ${filters(query)}`);
  return Number(row?.n ?? 0);
}

/** One page and the number of partners that match. */
export async function listPartners(db: Db, query: PartnerListQuery): Promise<{ rows: PartnerListRow[]; total: number }> {
  const [rows, total] = await Promise.all([partnerRows(db, query), countPartners(db, query)]);
  return { rows, total };
}
