"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormState } from "@/lib/schemas/form-state";

export function SetPasswordForm({ action }: { action: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  const { state, pending, onSubmit, errors } = useFormAction(action);
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field id="password" label="New password" error={errors.password} hint="At least 10 characters; a phrase of a few words is easy to remember.">
        {(p) => <Input {...p} type="password" autoComplete="new-password" required autoFocus />}
      </Field>
      <Field id="confirm" label="Confirm password" error={errors.confirm}>
        {(p) => <Input {...p} type="password" autoComplete="new-password" required />}
      </Field>
      <FormMessage state={state} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
