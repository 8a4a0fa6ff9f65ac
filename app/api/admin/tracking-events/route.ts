// GET /api/admin/tracking-events?show=all|server|errors: the latest tracking events for
// Settings → Integration's live list (admin session required; never cached, the list is
// polled every few seconds).
import { NextResponse } from "next/server";
import { RECENT_EVENTS_LIMIT, toEventRow } from "@/app/(admin)/settings/integration/event-row";
import { getDb } from "@/db/client";
import { parseValues } from "@/lib/http/parse-body";
import { withAdmin } from "@/lib/http/with-admin";
import { recentEventsQuerySchema } from "@/lib/schemas/tracking-events";
import { listRecentEvents } from "@/lib/services/tracking-events";

export const GET = withAdmin(async (request) => {
  const { show } = parseValues(Object.fromEntries(request.nextUrl.searchParams), recentEventsQuerySchema);
  const events = await listRecentEvents(await getDb(), RECENT_EVENTS_LIMIT, show);
  return NextResponse.json({ events: events.map(toEventRow) }, { headers: { "Cache-Control": "no-store" } });
});
