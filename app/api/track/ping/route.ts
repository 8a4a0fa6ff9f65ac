// GET /api/track/ping: "test connection" for a store's server: is the key good and tracking on?
import { trackingApi } from "@/lib/http/tracking-api";

export const GET = trackingApi({ kind: "ping", scope: "tracking" }, async ({ actor, settings }) => ({
  status: 200,
  body: { ok: true, program: { name: settings.name, currency: settings.currency, cookieDays: settings.cookieDays } },
  outcome: `connected with ${actor.label ?? "a key"}`,
}));
