"use client";

import { PasswordChangeFields } from "@/components/password-change-fields";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormState } from "@/lib/schemas/form-state";

/** Portal settings → Password: the current password, then the new one twice. */
export function PortalPasswordForm({ action }: { action: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  const { state, pending, onSubmit, errors } = useFormAction(action);
  return (
    <form
      method="post"
      onSubmit={(e) => {
        onSubmit(e);
        e.currentTarget.reset();
      }}
      className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200 sm:p-6"
      noValidate
      aria-label="Change your password"
    >
      <h2 className="text-base font-semibold text-zinc-900">Password</h2>
      <p className="mt-1 text-sm text-zinc-500">Changing it signs you out everywhere else.</p>
      <PasswordChangeFields errors={errors} className="mt-4 grid gap-5 sm:grid-cols-3" />
      <div className="mt-4 flex flex-wrap items-center justify-end gap-3">
        <div className="min-w-0 flex-1">
          <FormMessage state={state} testId="password-message" />
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
