"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { formStateFromError } from "@/lib/auth/admin-action";
import { AppError } from "@/lib/errors";
import { PORTAL_COOKIE } from "@/lib/portal/cookie";
import { portalPartnerOrNull } from "@/lib/portal/session";
import { PAYOUT_METHODS, type PayoutMethod } from "@/lib/schemas/enums";
import type { FormState } from "@/lib/schemas/form-state";
import { PAYOUT_DETAIL_INPUTS, partnerFormFieldFor } from "@/lib/schemas/partner-form";
import { PAYOUT_DETAIL_FIELDS } from "@/lib/schemas/partners";
import { updatePartnerProfile } from "@/lib/services/partner-profile";
import { changePartnerPassword } from "@/lib/services/portal-access";

const NOT_SAVED = "Nothing was saved: check the highlighted fields.";

/** The form's inputs as the service's input: the chosen method's detail inputs only. */
function readForm(formData: FormData): Record<string, unknown> {
  const text = (name: string) => String(formData.get(name) ?? "").trim();
  const method = text("payoutMethod");
  if (!(PAYOUT_METHODS as readonly string[]).includes(method)) return { name: text("name"), payoutMethod: method === "" ? null : method };
  const m = method as PayoutMethod;
  const payoutDetails = Object.fromEntries(PAYOUT_DETAIL_FIELDS[m].map((key) => [key, text(PAYOUT_DETAIL_INPUTS[m][key]!)]));
  return { name: text("name"), payoutMethod: m, payoutDetails };
}

/** POST from /p/<token>/settings: saves the signed-in partner's own name and payout details. */
export async function savePortalSettingsAction(token: string, _previous: FormState, formData: FormData): Promise<FormState> {
  // The session, not the form, says whose row this is.
  const partner = await portalPartnerOrNull(token);
  if (!partner) return { ok: false, message: "Your session has ended. Sign in again." };
  const input = readForm(formData);
  try {
    await updatePartnerProfile(await getDb(), partner.id, input);
  } catch (error) {
    if (!(error instanceof AppError)) {
      console.error("Unhandled error saving portal settings:", error);
      return { ok: false, message: "Something went wrong on our side; nothing was saved." };
    }
    const fieldErrors: Record<string, string> = {};
    for (const d of error.details ?? []) fieldErrors[partnerFormFieldFor(d.field, String(input.payoutMethod ?? ""))] ??= d.message;
    return { ok: false, message: error.details?.length ? NOT_SAVED : error.message, fieldErrors };
  }
  revalidatePath(`/p/${partner.token}`, "layout");
  return { ok: true, message: "Your settings were saved." };
}

/** POST from /p/<token>/settings (Password): asks for the current one; other sessions end. */
export async function changePortalPasswordAction(token: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const partner = await portalPartnerOrNull(token);
  if (!partner) return { ok: false, message: "Your session has ended. Sign in again." };
  const sessionId = (await cookies()).get(PORTAL_COOKIE)?.value ?? "";
  try {
    await changePartnerPassword(await getDb(), partner.id, sessionId, {
      current: String(formData.get("current") ?? ""),
      password: String(formData.get("password") ?? ""),
      confirm: String(formData.get("confirm") ?? ""),
    });
  } catch (error) {
    return formStateFromError(error);
  }
  return { ok: true, message: "Your password was changed. Your other sessions have been signed out." };
}
