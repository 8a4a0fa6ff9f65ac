"use server";

import { cookies, headers } from "next/headers";
import { getDb } from "@/db/client";
import { formStateFromError } from "@/lib/auth/admin-action";
import { clientIp } from "@/lib/http/client-ip";
import { PORTAL_COOKIE, portalCookieOptions } from "@/lib/portal/cookie";
import type { FormState } from "@/lib/schemas/form-state";
import { applyLimiter } from "@/lib/http/public-limits";
import { hashIp } from "@/lib/server/ip-hash";
import { applyAsPartner } from "@/lib/services/partner-applications";

export type ApplyState = FormState & { dashboardUrl?: string };

/** POST from /apply: creates a pending partner and signs them in to their dashboard. */
export async function applyAction(_previous: ApplyState, formData: FormData): Promise<ApplyState> {
  // A handful per address, then one a minute: enough for a person retyping, not for a script
  // filling the partner list. Keyed by the hashed address: raw addresses are never stored.
  if (!applyLimiter.take(hashIp(clientIp(await headers())) ?? "unknown")) {
    return { ok: false, message: "Too many applications from your network. Try again in a minute." };
  }
  const field = (name: string) => String(formData.get(name) ?? "");
  try {
    const application = await applyAsPartner(await getDb(), {
      name: field("name"),
      email: field("email"),
      website: field("website").trim(),
      notes: field("notes"),
      password: field("password"),
      confirm: field("confirm"),
    });
    (await cookies()).set(PORTAL_COOKIE, application.sessionId, portalCookieOptions(application.expiresAt));
    return { ok: true, message: "Thanks! Your application was sent.", dashboardUrl: application.dashboardUrl };
  } catch (error) {
    return formStateFromError(error);
  }
}
