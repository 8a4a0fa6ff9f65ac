"use server";

import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { formStateFromError } from "@/lib/auth/admin-action";
import { requestClient } from "@/lib/http/request-client";
import { PORTAL_COOKIE, portalCookieOptions } from "@/lib/portal/cookie";
import type { FormState } from "@/lib/schemas/form-state";
import { applyAsPartner } from "@/lib/services/partner-applications";

export type ApplyState = FormState & { dashboardUrl?: string };

/**
 * POST from /apply: creates a pending partner and signs them in to their dashboard. The
 * service limits applications per address (a few an hour), in the database.
 */
export async function applyAction(_previous: ApplyState, formData: FormData): Promise<ApplyState> {
  const field = (name: string) => String(formData.get(name) ?? "");
  try {
    const application = await applyAsPartner(
      await getDb(),
      {
        name: field("name"),
        email: field("email"),
        website: field("website").trim(),
        notes: field("notes"),
        password: field("password"),
        confirm: field("confirm"),
      },
      await requestClient(),
    );
    (await cookies()).set(PORTAL_COOKIE, application.sessionId, portalCookieOptions(application.expiresAt));
    return { ok: true, message: "Thanks! Your application was sent.", dashboardUrl: application.dashboardUrl };
  } catch (error) {
    return formStateFromError(error);
  }
}
