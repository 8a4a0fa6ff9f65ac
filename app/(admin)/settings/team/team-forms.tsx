"use client";

import { PasswordChangeFields } from "@/components/password-change-fields";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { addAdminAction, changePasswordAction } from "./actions";

export function AddAdminForm() {
  const { state, pending, onSubmit, errors } = useFormAction(addAdminAction);
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Add an admin">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="new-admin-name" label="Name" error={errors.name}>
          {(p) => <Input {...p} name="name" autoComplete="off" />}
        </Field>
        <Field id="new-admin-email" label="Email" error={errors.email}>
          {(p) => <Input {...p} name="email" type="email" autoComplete="off" />}
        </Field>
        <Field id="new-admin-password" label="Password" error={errors.password} hint="At least 10 characters.">
          {(p) => <Input {...p} name="password" type="password" autoComplete="new-password" />}
        </Field>
      </div>
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add admin"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function ChangePasswordForm() {
  const { state, pending, onSubmit, errors } = useFormAction(changePasswordAction);
  return (
    <form
      method="post"
      onSubmit={(e) => {
        onSubmit(e);
        e.currentTarget.reset();
      }}
      className="space-y-4"
      noValidate
      aria-label="Change your password"
    >
      <PasswordChangeFields errors={errors} className="grid gap-4 sm:grid-cols-3" />
      <div className="flex items-center gap-4">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
        <FormMessage state={state} testId="password-message" />
      </div>
    </form>
  );
}
