import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import { timestamptz } from "@/db/sql-helpers";
import type { Db } from "@/db/types";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { approveDueCommissions } from "./commissions-hold";

// A new hold period applies to commissions recorded from then on. When the merchant asks
// (Settings: "apply to pending commissions"), it is applied to the commissions still pending
// as well: each one's payable date becomes its sale date (the commission's created_at, which
// is the order's date) + the new period, shorter or longer. Only `pending` rows move:
// approved, paid and void ones are settled and never go back into hold. Those whose new date
// has passed are approved at once by the usual sweep (approveDueCommissions, with its history
// line), in the same transaction, and the activity log says how many moved and how many
// became payable.

/** Pending commissions now: what a change of the hold period leaves on their old date. */
export async function pendingCommissionCount(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(db, sql`select count(*) as n from commissions where status = 'pending'`);
  return Number(row?.n ?? 0);
}

export interface HoldReapplied {
  /** Pending commissions whose payable date was set to sale date + holdDays. */
  moved: number;
  /** Of those, the ones already past it: approved now. */
  approved: number;
}

/** Call inside the transaction that saves the hold period (lib/services/settings.ts). */
export async function reapplyHoldPeriod(tx: Db, actor: Actor, holdDays: number, now = new Date()): Promise<HoldReapplied> {
  const [row] = await queryRows<{ n: string | number }>(
    tx,
    sql`with moved as (
          update commissions set hold_until = created_at + make_interval(days => ${holdDays}), updated_at = ${timestamptz(now)}
           where status = 'pending' and hold_until <> created_at + make_interval(days => ${holdDays})
          returning id
        )
        select count(*) as n from moved`,
  );
  const moved = Number(row?.n ?? 0);
  const approved = moved ? await approveDueCommissions(tx, now) : 0;
  await recordAudit(tx, actor, "commissions.hold_reapplied", { type: "program_settings", id: "1" }, { holdDays, count: moved, approved });
  return { moved, approved };
}
