"use server";

import { getDb } from "@/db/client";
import { formStateFromError } from "@/lib/auth/admin-action";
import { requestClient } from "@/lib/http/request-client";
import type { FormState } from "@/lib/schemas/form-state";
import { createFirstAdmin } from "@/lib/services/admin-users";

/**
 * Creates the first admin from the sign-in page. Public by necessity (nobody can sign in
 * yet), so the service refuses once any admin exists (before hashing anything) and limits
 * attempts per address.
 */
export async function createFirstAdminAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get("email") ?? ""), name: String(formData.get("name") ?? "") };
  try {
    const created = await createFirstAdmin(
      await getDb(),
      { type: "system", label: "first-run setup" },
      { ...values, password: formData.get("password") },
      await requestClient(),
    );
    if (!created) return { ok: false, message: "An admin already exists. Sign in instead.", values };
    return { ok: true, message: "Your admin account is ready. Signing you in…", values };
  } catch (error) {
    return { ...formStateFromError(error), values };
  }
}
