import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import { timestamptz } from "@/db/sql-helpers";
import type { Db } from "@/db/types";

/**
 * Approves every pending commission whose hold period has ended, with a history line each,
 * in one statement. The server runs it every minute and before reading balances, so the
 * status is right whether or not anyone opens a page. It only takes rows nobody else has
 * locked (SKIP LOCKED): it never waits, so concurrent sweeps, refunds and payouts cannot
 * deadlock with it; a row busy elsewhere is approved by the next sweep.
 */
export async function approveDueCommissions(db: Db, now = new Date()): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with due as (
          update commissions set status = 'approved', updated_at = ${timestamptz(now)}
           where id in (
             select id from commissions
              where status = 'pending' and hold_until <= ${timestamptz(now)}
              for update skip locked)
          returning id, amount
        ), history as (
          insert into commission_events (commission_id, from_status, to_status, from_amount, to_amount, reason, actor_type, created_at)
          select id, 'pending', 'approved', amount, amount, 'hold period ended', 'system', ${timestamptz(now)} from due
        )
        select count(*)::int as n from due`,
  );
  return Number(rows[0]?.n ?? 0);
}
