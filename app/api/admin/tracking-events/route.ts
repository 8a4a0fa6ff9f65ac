// GET /api/admin/tracking-events: the latest tracking events for Settings → Integration's
// live list (admin session required; never cached, the list is polled every few seconds).
import { NextResponse } from "next/server";
import { RECENT_EVENTS_LIMIT, toEventRow } from "@/app/(admin)/settings/integration/event-row";
import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/http/with-admin";
import { listRecentEvents } from "@/lib/services/tracking-events";

export const GET = withAdmin(async () => {
  const events = await listRecentEvents(await getDb(), RECENT_EVENTS_LIMIT);
  return NextResponse.json({ events: events.map(toEventRow) }, { headers: { "Cache-Control": "no-store" } });
});
