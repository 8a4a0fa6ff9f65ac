import "server-only";
import { getDb } from "@/db/client";
import type { Db } from "@/db/types";
import { AppError, TrackingDisabledError } from "@/lib/errors";
import type { TrackingEventKind } from "@/lib/schemas/enums";
import type { ProgramSettings } from "@/lib/schemas/settings";
import type { Actor } from "@/lib/services/actor";
import { logTrackingEvent } from "@/lib/services/tracking-events";
import { getTrackingSettings } from "@/lib/services/tracking-settings";
import { afterResponse } from "./after-response";
import { errorResponse } from "./respond";
import { requireApiKey, type ApiKeyRoute } from "./with-api-key";

export interface TrackingResult {
  status: number;
  body: unknown;
  /** For the Integration page's log. */
  outcome: string;
  reference?: string | null;
}

/**
 * The server-to-server tracking endpoints (sale, lead, refund, ping): a key whose scope
 * covers the route's (401, 403), then the master switch (503), then the handler. Every
 * answer, good or bad, is logged for Settings → Integration.
 */
export function trackingApi(
  route: ApiKeyRoute & { kind: TrackingEventKind },
  handler: (ctx: { request: Request; db: Db; actor: Actor; settings: ProgramSettings }) => Promise<TrackingResult>,
) {
  const { kind } = route;
  return async (request: Request): Promise<Response> => {
    let db: Db | undefined;
    try {
      db = await getDb();
      const actor = await requireApiKey(request, db, route);
      const settings = await getTrackingSettings(db);
      if (!settings.trackingEnabled) throw new TrackingDisabledError();
      const result = await handler({ request, db, actor, settings });
      const logged = db;
      await afterResponse(() => logTrackingEvent(logged, { kind, status: result.status, outcome: result.outcome, reference: result.reference }));
      return Response.json(result.body, { status: result.status });
    } catch (error) {
      if (db && error instanceof AppError) {
        const detail = error.details?.map((d) => `${d.field}: ${d.message}`).join("; ");
        const logged = db;
        await afterResponse(() => logTrackingEvent(logged, { kind, status: error.status, outcome: error.code, message: detail ? `${error.message} ${detail}` : error.message }));
      }
      return errorResponse(error);
    }
  };
}
