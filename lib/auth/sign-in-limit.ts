import "server-only";
import { getDb } from "@/db/client";
import { waitInWords } from "@/lib/domain/address-limits";
import { appUrl } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { errorBody } from "@/lib/http/respond";
import { takeAddressAttempt } from "@/lib/services/address-limits";

/**
 * The per-address limit of admin sign-in, in front of next-auth's credentials callback:
 * null when the attempt may go on, otherwise the 429 answer (with Retry-After). Its body is
 * next-auth's own `{url}` with the message as `error`, which the sign-in form shows, plus
 * the usual error object for any other client.
 */
export async function adminSignInRefusal(request: Request): Promise<Response | null> {
  const gate = await takeAddressAttempt(await getDb(), "admin_sign_in", { address: clientIp(request.headers) });
  if (gate.allowed) return null;
  const message = `Too many sign-in attempts from your network. Try again in ${waitInWords(gate.retryAfterSeconds)}.`;
  return Response.json(
    { url: `${appUrl()}/login?error=${encodeURIComponent(message)}`, ...errorBody("rate_limited", message) },
    { status: 429, headers: { "Retry-After": String(gate.retryAfterSeconds) } },
  );
}
