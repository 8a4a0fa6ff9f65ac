import "server-only";
import { sql } from "drizzle-orm";
import { trackingEvents } from "@/db/schema";
import { queryRows } from "@/db/open";
import type { Db } from "@/db/types";
import type { TrackingEventKind } from "@/lib/schemas/enums";

// What the tracking API received lately and how it answered, for Settings → Integration.
// Counted clicks are not logged twice: the click log itself is merged in when reading.

export interface TrackingEventInput {
  kind: TrackingEventKind;
  status: number;
  outcome: string;
  reference?: string | null;
  message?: string | null;
}

/** Best effort: a failure to log never fails the request it describes. */
export async function logTrackingEvent(db: Db, event: TrackingEventInput): Promise<void> {
  try {
    await db.insert(trackingEvents).values({
      kind: event.kind,
      status: event.status,
      outcome: event.outcome.slice(0, 200),
      reference: event.reference?.slice(0, 200) ?? null,
      message: event.message?.slice(0, 500) ?? null,
    });
  } catch (error) {
    console.error("Could not log a tracking event:", error instanceof Error ? error.message : error);
  }
}

export interface RecentEvent {
  id: string;
  kind: TrackingEventKind;
  status: number;
  outcome: string;
  reference: string | null;
  message: string | null;
  createdAt: Date;
}

export async function listRecentEvents(db: Db, limit = 50): Promise<RecentEvent[]> {
  const rows = await queryRows<{ id: string; kind: TrackingEventKind; status: number; outcome: string; reference: string | null; message: string | null; created_at: string | Date }>(
    db,
    sql`(select 'e' || id as id, kind, status, outcome, reference, message, created_at from tracking_events order by created_at desc limit ${limit})
        union all
        (select 'c' || c.id, 'click', 200, coalesce('declined: ' || replace(c.declined_reason, '_', ' '), 'counted'),
                coalesce(l.slug, p.referral_code), c.landing_url, c.created_at
           from clicks c join partners p on p.id = c.partner_id left join links l on l.id = c.link_id
          order by c.created_at desc limit ${limit})
        order by created_at desc limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, status: Number(r.status), createdAt: new Date(r.created_at) }));
}

/** Keeps the log short: the Integration page shows the latest events only. */
export async function pruneTrackingEvents(db: Db, keepDays = 14): Promise<void> {
  await db.execute(sql`delete from tracking_events where created_at < now() - make_interval(days => ${keepDays})`);
  await db.execute(sql`delete from click_dedupe where last_seen_at < now() - interval '2 hours'`);
}
