import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import type { Db } from "@/db/types";
import type { TrackingEventKind } from "@/lib/schemas/enums";
import type { RecentEventView } from "@/lib/schemas/tracking-events";

// What the tracking API received lately and how it answered, for Settings → Integration.
// Counted clicks are not logged twice: the click log itself is merged in when reading.

export interface TrackingEventInput {
  kind: TrackingEventKind;
  status: number;
  outcome: string;
  reference?: string | null;
  message?: string | null;
}

// Every tracking request adds a row, after its answer was sent. Rows arriving while a batch
// is being written are queued and written together as one multi-row statement (its text
// never changes: the rows travel as one JSON parameter), so under load the log costs a
// statement every few requests instead of one each. Each row still gets its own time.
const MAX_BATCH = 200;

interface Queued {
  event: TrackingEventInput;
  done(): void;
}

const INSERT_EVENTS = (rows: string) => sql`
  insert into tracking_events (kind, status, outcome, reference, message, created_at)
  select kind, status, outcome, reference, message, clock_timestamp()
    from rows from (json_to_recordset(${rows}::json) as (kind text, status int, outcome text, reference text, message text)) with ordinality as e(kind, status, outcome, reference, message, n)
   order by n`;

async function insertEvents(db: Db, events: TrackingEventInput[]): Promise<void> {
  const rows = events.map((e) => ({
    kind: e.kind,
    status: e.status,
    outcome: e.outcome.slice(0, 200),
    reference: e.reference?.slice(0, 200) ?? null,
    message: e.message?.slice(0, 500) ?? null,
  }));
  await db.execute(INSERT_EVENTS(JSON.stringify(rows)));
}

class EventWriter {
  private queue: Queued[] = [];
  private draining = false;

  constructor(private readonly db: Db) {}

  write(event: TrackingEventInput): Promise<void> {
    return new Promise((done) => {
      this.queue.push({ event, done });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await insertEvents(this.db, batch.map((q) => q.event));
        } catch (error) {
          if (batch.length === 1) reportFailure(error);
          // One row that cannot be stored must not lose its neighbours.
          else for (const q of batch) await insertEvents(this.db, [q.event]).catch(reportFailure);
        }
        for (const q of batch) q.done();
      }
    } finally {
      this.draining = false;
    }
  }
}

function reportFailure(error: unknown): void {
  console.error("Could not log a tracking event:", error instanceof Error ? error.message : error);
}

const writers = new WeakMap<object, EventWriter>();

/** Best effort: a failure to log never fails the request it describes. Resolves once the row is written (or given up). */
export function logTrackingEvent(db: Db, event: TrackingEventInput): Promise<void> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new EventWriter(db)));
  return writer.write(event);
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

/**
 * The latest events, newest first. Answered clicks come from the clicks table itself; the
 * log holds the API calls and the refused clicks. `server` leaves out browser clicks,
 * `errors` keeps only refused requests (tracking_events_errors_idx).
 */
export async function listRecentEvents(db: Db, limit = 50, view: RecentEventView = "all"): Promise<RecentEvent[]> {
  const where = view === "server" ? sql`where kind <> 'click'` : view === "errors" ? sql`where status >= 400` : sql``;
  const logged = sql`(select 'e' || id as id, kind, status, outcome, reference, message, created_at from tracking_events ${where} order by created_at desc limit ${limit})`;
  const rows = await queryRows<{ id: string; kind: TrackingEventKind; status: number; outcome: string; reference: string | null; message: string | null; created_at: string | Date }>(
    db,
    view !== "all"
      ? logged
      : sql`${logged}
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
  // Stripe redelivers for up to 3 days: a month of connector event ids covers any retry.
  await db.execute(sql`delete from connector_events where created_at < now() - interval '30 days'`);
}
