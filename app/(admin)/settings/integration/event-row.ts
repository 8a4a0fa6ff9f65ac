import type { TrackingEventKind } from "@/lib/schemas/enums";
import type { RecentEvent } from "@/lib/services/tracking-events";

/** How many events the list shows, on the server render and on every refresh. */
export const RECENT_EVENTS_LIMIT = 50;

/**
 * One row of the Recent events list, as the page hands it to the browser and as
 * GET /api/admin/tracking-events returns it: the same shape both ways, dates as ISO strings.
 */
export interface TrackingEventRow {
  id: string;
  kind: TrackingEventKind;
  status: number;
  outcome: string;
  reference: string | null;
  message: string | null;
  createdAt: string;
}

export function toEventRow(event: RecentEvent): TrackingEventRow {
  return {
    id: event.id,
    kind: event.kind,
    status: event.status,
    outcome: event.outcome,
    reference: event.reference,
    message: event.message,
    createdAt: event.createdAt.toISOString(),
  };
}
