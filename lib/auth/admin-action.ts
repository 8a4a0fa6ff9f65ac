import "server-only";
import { AppError } from "@/lib/errors";
import type { AdminUser } from "@/lib/services/admin-users";
import { currentAdmin } from "./admin";
import type { FormState } from "@/lib/schemas/form-state";

/**
 * Wraps a server action used with useActionState: checks the admin session on the server
 * (actions are public endpoints, whatever page renders them), and turns the typed errors
 * into a message plus field errors for the form.
 */
export function adminAction<T extends FormState>(
  handler: (admin: AdminUser, formData: FormData) => Promise<T>,
): (previous: T | FormState, formData: FormData) => Promise<T | FormState> {
  return async (_previous, formData) => {
    const admin = await currentAdmin();
    if (!admin) return { ok: false, message: "Your session has ended. Sign in again." };
    try {
      return await handler(admin, formData);
    } catch (error) {
      return formStateFromError(error);
    }
  };
}

export function formStateFromError(error: unknown): FormState {
  if (error instanceof AppError) {
    const fieldErrors: Record<string, string> = {};
    for (const d of error.details ?? []) fieldErrors[d.field] ??= d.message;
    return { ok: false, message: error.message, fieldErrors };
  }
  console.error("Unhandled error in server action:", error);
  return { ok: false, message: "Something went wrong on our side; nothing was saved." };
}
