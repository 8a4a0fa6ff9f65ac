"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { formStateFromError } from "@/lib/auth/admin-action";
import { portalPartnerOrNull } from "@/lib/portal/session";
import type { FormState } from "@/lib/schemas/form-state";
import { portalLinkFormValues } from "@/lib/schemas/portal-links";
import { createPortalLink } from "@/lib/services/portal/promote";

// The Promote page's link generator. Server actions are public endpoints: the partner is
// read again from the session of this token, and the service checks the status and the
// destination; a bad input comes back as field errors, never a 500.

export async function createPortalLinkAction(token: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const partner = await portalPartnerOrNull(String(token));
  if (!partner) return { ok: false, message: "Your session has ended. Sign in again." };
  const values = portalLinkFormValues(formData);
  try {
    const link = await createPortalLink(await getDb(), partner.id, values);
    revalidatePath(`/p/${partner.token}/promote`);
    return { ok: true, message: `Link created: ${link.url}`, values: { url: link.url } };
  } catch (error) {
    const state = formStateFromError(error);
    return { ...state, values };
  }
}
