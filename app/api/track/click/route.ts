// POST /api/track/click: a visitor arrived through a referral code or custom link (from
// /track.js on the store, any origin). Answers the visitor id the store keeps in aff_vid.
import { NotFoundError } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { corsPreflight, publicTracking } from "@/lib/http/public-tracking";
import { clickSchema } from "@/lib/schemas/tracking";
import { recordClick } from "@/lib/services/tracking/clicks";
import { cachedRef } from "@/lib/services/tracking/ref-cache";

export const OPTIONS = corsPreflight;

/** A click is a ref, two URLs of at most 2,048 characters and a visitor id: 32 KB is ample. */
const MAX_CLICK_BYTES = 32 * 1024;

export const POST = publicTracking(
  async ({ request, db, settings, ipHash }) => {
    const body = await parseJsonBody(request, clickSchema, { maxBytes: MAX_CLICK_BYTES });
    const target = await cachedRef(db, body.ref);
    if (!target) throw new NotFoundError(`No partner or link with the ref "${body.ref}".`, "unknown_ref");
    const click = await recordClick(db, {
      target,
      visitorId: body.visitorId,
      ipHash,
      userAgent: request.headers.get("user-agent"),
      landingUrl: body.url,
      referrer: body.referrer,
    });
    return { status: 200, body: { visitorId: click.visitorId, partnerId: click.partnerId, linkId: click.linkId, cookieDays: settings.cookieDays } };
  },
  { rateLimit: true },
);
