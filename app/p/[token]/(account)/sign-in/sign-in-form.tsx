"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormState } from "@/lib/schemas/form-state";

export function PortalSignInForm({ action }: { action: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  const { state, pending, onSubmit } = useFormAction(action);
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field id="password" label="Password">
        {(p) => <Input {...p} type="password" autoComplete="current-password" required autoFocus />}
      </Field>
      <FormMessage state={state} testId="sign-in-error" />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
