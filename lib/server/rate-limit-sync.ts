import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import type { Db } from "@/db/types";

// The database side of the shared token buckets (lib/server/rate-limit.ts): one statement
// adds what this process used of each busy key to the key's shared bucket and answers the
// bucket as every process left it. The upsert is atomic per row, so two processes reporting
// the same key at once both count. Rows travel as one JSON parameter: the text never changes,
// so the statement is prepared once.

export interface BucketRule {
  capacity: number;
  refillPerSecond: number;
}

export interface UsedTokens {
  key: string;
  /** Tokens this process took since it last reported the key. */
  used: number;
  /** When the last of them was taken (this process's clock). */
  at: Date;
}

export interface SharedBucket {
  key: string;
  tokens: number;
  at: Date;
}

/**
 * How far below zero a shared bucket may go: processes that together overspent wait it off,
 * but never longer than two full refills.
 */
export const debtFloor = (rule: BucketRule) => -rule.capacity;

export async function reportUsage(db: Db, rule: BucketRule, usage: UsedTokens[]): Promise<SharedBucket[]> {
  if (!usage.length) return [];
  const rows = JSON.stringify(usage.map((u) => ({ key: u.key, used: u.used, at: u.at.toISOString() })));
  // A new row starts from a full bucket; an existing one refills for the time since its last
  // report, then loses what was used (excluded.tokens is capacity − used).
  const result = await queryRows<{ key: string; tokens: number | string; updated_at: Date | string }>(
    db,
    sql`insert into rate_limit_buckets as b (key, tokens, updated_at)
        select key, ${rule.capacity}::float8 - used, at
          from json_to_recordset(${rows}::json) as t(key text, used int, at timestamptz)
        on conflict (key) do update set
          tokens = greatest(${debtFloor(rule)}::float8,
                   least(${rule.capacity}::float8, b.tokens + greatest(0, extract(epoch from excluded.updated_at - b.updated_at)) * ${rule.refillPerSecond}::float8)
                   - (${rule.capacity}::float8 - excluded.tokens)),
          updated_at = greatest(b.updated_at, excluded.updated_at)
        returning key, tokens, updated_at`,
  );
  return result.map((r) => ({ key: r.key, tokens: Number(r.tokens), at: new Date(r.updated_at) }));
}

/** Deletes this limiter's rows whose bucket is full again (the same as no row). */
export async function pruneBuckets(db: Db, prefix: string, rule: BucketRule, now: Date): Promise<void> {
  const refilledAfterMs = ((rule.capacity - debtFloor(rule)) / rule.refillPerSecond) * 1000;
  await db.execute(sql`delete from rate_limit_buckets where starts_with(key, ${prefix}) and updated_at < ${new Date(now.getTime() - refilledAfterMs).toISOString()}::timestamptz`);
}
