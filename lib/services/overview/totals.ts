import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import { timestamptz } from "@/db/sql-helpers";
import type { Db } from "@/db/types";
import type { Period } from "@/lib/domain/date-range";

export interface Compared {
  current: number;
  previous: number;
}

/** Completed payouts made in the period and in the previous one. */
export async function payoutTotals(db: Db, p: Pick<Period, "start" | "end" | "previousStart">): Promise<Compared> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select coalesce(sum(amount) filter (where created_at >= ${timestamptz(p.start)}), 0)::bigint as current,
               coalesce(sum(amount) filter (where created_at < ${timestamptz(p.start)}), 0)::bigint as previous
          from payouts
         where status = 'completed' and created_at >= ${timestamptz(p.previousStart)} and created_at < ${timestamptz(p.end)}`,
  );
  return { current: Number(row?.current ?? 0), previous: Number(row?.previous ?? 0) };
}

/** Whether anything was ever referred or clicked: a brand-new program gets a welcome instead. */
export async function hasActivity(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ any: boolean }>(
    db,
    sql`select exists (select 1 from orders where partner_id is not null) or exists (select 1 from click_quarter_hours where clicks > 0) as any`,
  );
  return !!row?.any;
}
