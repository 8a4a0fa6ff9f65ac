import "server-only";
import { getDb } from "@/db/client";
import type { Db } from "@/db/types";
import { RateLimitedError, TrackingDisabledError } from "@/lib/errors";
import type { ProgramSettings } from "@/lib/schemas/settings";
import { hashIp } from "@/lib/server/ip-hash";
import { getTrackingSettings } from "@/lib/services/tracking-settings";
import { clientIp } from "./client-ip";
import { clickLimiter } from "./public-limits";
import { errorResponse } from "./respond";

// The public endpoints storefront pages call from the browser (click, config): open to any
// origin, the click limited per address (shared by app processes, lib/http/public-limits.ts),
// and off when tracking is off. No session or key lookups here: these are the hot paths.

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "86400",
};

export function corsPreflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

export interface PublicContext {
  request: Request;
  db: Db;
  settings: ProgramSettings;
  ipHash: string | null;
}

export function publicTracking(handler: (ctx: PublicContext) => Promise<{ status: number; body: unknown }>, options: { rateLimit?: boolean } = {}) {
  return async (request: Request): Promise<Response> => {
    try {
      const ipHash = hashIp(clientIp(request.headers));
      const limitKey = ipHash ?? "unknown";
      if (options.rateLimit && !clickLimiter.take(limitKey)) throw new RateLimitedError("Too many clicks from this address. Slow down and try again.", clickLimiter.retryAfterSeconds(limitKey));
      const db = await getDb();
      const settings = await getTrackingSettings(db);
      if (!settings.trackingEnabled) throw new TrackingDisabledError();
      const { status, body } = await handler({ request, db, settings, ipHash });
      return Response.json(body, { status, headers: CORS_HEADERS });
    } catch (error) {
      return errorResponse(error, CORS_HEADERS);
    }
  };
}
