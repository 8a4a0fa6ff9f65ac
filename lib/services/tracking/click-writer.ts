import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import type { Db } from "@/db/types";
import { planBatch, type PlannedClick } from "@/lib/domain/click-batch";
import type { ClickDeclineReason } from "@/lib/schemas/enums";

// Group commit for clicks. Each click waits until it is committed (a 200 means it is
// stored), but concurrent clicks share one multi-row statement: while one batch is being
// written the next ones queue, so under load the database sees a few statements a second
// instead of one per click, and at low load a click is written at once, alone. The
// statement's text never changes (rows travel as one JSON parameter), so it is prepared
// once. Repeats are decided by click_dedupe in the same statement, as before.

const MAX_BATCH = 500;

export interface ClickRow {
  visitorId: string;
  partnerId: string;
  linkId: string | null;
  ipHash: string | null;
  userAgent: string | null;
  landingUrl: string | null;
  referrer: string | null;
  declinedReason: ClickDeclineReason | null;
  at: Date;
  /** Repeat keys (visitor and IP on this link); empty for already declined clicks. */
  keys: string[];
}

export interface WrittenClick {
  id: number;
  declinedReason: ClickDeclineReason | null;
}

interface Job extends ClickRow {
  resolve(result: WrittenClick): void;
  reject(error: unknown): void;
}

const INSERT_BATCH = (rows: string, claims: string) => sql`
  with input as (
    select * from json_to_recordset(${rows}::json) as t(
      ord int, visitor_id text, partner_id uuid, link_id uuid, ip_hash text, user_agent text,
      landing_url text, referrer text, declined_reason text, created_at timestamptz)
  ), claim as (
    select * from json_to_recordset(${claims}::json) as c(key text, ord int)
  ), fresh as (
    insert into click_dedupe (key, last_seen_at)
    select c.key, i.created_at from claim c join input i on i.ord = c.ord
    on conflict (key) do update set last_seen_at = excluded.last_seen_at
      where click_dedupe.last_seen_at <= excluded.last_seen_at - interval '1 hour'
    returning key
  ), repeated as (
    select distinct c.ord from claim c where c.key not in (select key from fresh)
  )
  insert into clicks (visitor_id, partner_id, link_id, ip_hash, user_agent, landing_url, referrer, declined_reason, created_at)
  select visitor_id, partner_id, link_id, ip_hash, user_agent, landing_url, referrer,
         coalesce(declined_reason, case when ord in (select ord from repeated) then 'duplicate' end), created_at
    from input order by ord
  returning id, declined_reason`;

async function insertBatch(db: Db, batch: ClickRow[], plan: PlannedClick[]): Promise<WrittenClick[]> {
  const rows = batch.map((c, ord) => ({
    ord,
    visitor_id: c.visitorId,
    partner_id: c.partnerId,
    link_id: c.linkId,
    ip_hash: c.ipHash,
    user_agent: c.userAgent,
    landing_url: c.landingUrl,
    referrer: c.referrer,
    declined_reason: c.declinedReason ?? (plan[ord]!.duplicateInBatch ? "duplicate" : null),
    created_at: c.at.toISOString(),
  }));
  const claims = plan.flatMap((p, ord) => p.claims.map((key) => ({ key, ord })));
  // RETURNING gives the rows in insertion order, which follows `order by ord`.
  const written = await queryRows<{ id: number | string; declined_reason: ClickDeclineReason | null }>(db, INSERT_BATCH(JSON.stringify(rows), JSON.stringify(claims)));
  return written.map((r) => ({ id: Number(r.id), declinedReason: r.declined_reason }));
}

class ClickWriter {
  private queue: Job[] = [];
  private draining = false;

  constructor(private readonly db: Db) {}

  write(click: ClickRow): Promise<WrittenClick> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...click, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length) {
        const { size, plan } = planBatch(this.queue, MAX_BATCH);
        const batch = this.queue.splice(0, size);
        try {
          const written = await insertBatch(this.db, batch, plan);
          batch.forEach((job, i) => job.resolve(written[i]!));
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          // One bad row (say, a partner deleted a moment ago) must not fail its neighbours:
          // write them one by one so only that click fails.
          else for (const job of batch) await insertBatch(this.db, [job], [{ claims: job.keys, duplicateInBatch: false }]).then(([w]) => job.resolve(w!), job.reject);
        }
      }
    } finally {
      this.draining = false;
    }
  }
}

const writers = new WeakMap<object, ClickWriter>();

/** Stores a click, sharing a statement with the clicks arriving at the same moment. */
export function writeClick(db: Db, click: ClickRow): Promise<WrittenClick> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new ClickWriter(db)));
  return writer.write(click);
}
