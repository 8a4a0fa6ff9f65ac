// POST /api/integrations/stripe: Stripe's webhook deliveries (SPEC.md §7). The signature is
// checked over the body's bytes as received, before anything is parsed or written.
import { getDb } from "@/db/client";
import type { Db } from "@/db/types";
import { verifyStripeSignature } from "@/lib/domain/stripe-signature";
import { AppError, ConnectorOffError, InvalidSignatureError, TrackingDisabledError } from "@/lib/errors";
import { afterResponse } from "@/lib/http/after-response";
import { MAX_BODY_BYTES, parseJsonText } from "@/lib/http/parse-body";
import { readBodyBytes } from "@/lib/http/read-body";
import { errorResponse } from "@/lib/http/respond";
import { stripeEventSchema } from "@/lib/schemas/stripe";
import { stripeSigningSecrets } from "@/lib/services/connectors/secrets";
import { handleStripeEvent } from "@/lib/services/connectors/stripe";
import { logTrackingEvent } from "@/lib/services/tracking-events";
import { getTrackingSettings } from "@/lib/services/tracking-settings";

const decoder = new TextDecoder();

export async function POST(request: Request): Promise<Response> {
  let db: Db | undefined;
  try {
    db = await getDb();
    const { accepted } = await stripeSigningSecrets(db);
    if (!accepted.length) throw new ConnectorOffError("Stripe");
    const raw = await readBodyBytes(request, MAX_BODY_BYTES);
    if (!verifyStripeSignature(request.headers.get("stripe-signature"), raw, accepted)) throw new InvalidSignatureError();
    const event = parseJsonText(decoder.decode(raw), stripeEventSchema);
    const settings = await getTrackingSettings(db);
    if (!settings.trackingEnabled) throw new TrackingDisabledError();
    const result = await handleStripeEvent(db, event, { settings });
    const logged = db;
    await afterResponse(() => logTrackingEvent(logged, { kind: "stripe", status: result.status, outcome: result.outcome, reference: result.reference }));
    return Response.json(result.body, { status: result.status });
  } catch (error) {
    // Logged by code and message only: never the header (a signature) or the secret.
    if (db && error instanceof AppError) {
      const detail = error.details?.map((d) => `${d.field}: ${d.message}`).join("; ");
      const logged = db;
      await afterResponse(() => logTrackingEvent(logged, { kind: "stripe", status: error.status, outcome: error.code, message: detail ? `${error.message} ${detail}` : error.message }));
    }
    return errorResponse(error);
  }
}
