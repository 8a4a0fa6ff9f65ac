// GET /api/track/config: what /track.js needs to keep a visitor id it received from a
// /r or /a redirect (the cookie duration), or 503 when tracking is off.
import { corsPreflight, publicTracking } from "@/lib/http/public-tracking";

export const OPTIONS = corsPreflight;

export const GET = publicTracking(async ({ settings }) => ({
  status: 200,
  body: { trackingEnabled: settings.trackingEnabled, cookieDays: settings.cookieDays },
}));
