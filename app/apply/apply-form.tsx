"use client";

import { Button, buttonClasses } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { applyAction, type ApplyState } from "./actions";

export function ApplyForm() {
  const { state, pending, onSubmit, errors } = useFormAction(applyAction);
  const done = state as ApplyState;

  if (done.ok && done.dashboardUrl) {
    return (
      <div className="space-y-4" data-testid="application-sent">
        <h2 className="text-base font-semibold text-zinc-900">Application sent</h2>
        <p className="text-sm text-zinc-600">
          Your application is pending review. This is your own dashboard address: bookmark it, and sign in there with the password you just chose to see
          when you are approved. Keep it private.
        </p>
        <p className="rounded-md bg-zinc-50 px-3 py-2 font-mono text-xs break-all text-zinc-800" data-testid="dashboard-url">
          {done.dashboardUrl}
        </p>
        <div className="flex flex-wrap gap-2">
          <CopyButton value={done.dashboardUrl} label="Copy address" />
          <a href={done.dashboardUrl} className={buttonClasses("primary", "sm")}>
            Open your dashboard
          </a>
        </div>
      </div>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field id="name" label="Name" error={errors.name}>
        {(p) => <Input {...p} autoComplete="name" required />}
      </Field>
      <Field id="email" label="Email" error={errors.email}>
        {(p) => <Input {...p} type="email" autoComplete="email" required />}
      </Field>
      <Field id="website" label="Website (optional)" error={errors.website} hint="Where you will promote us.">
        {(p) => <Input {...p} type="url" placeholder="https://" autoComplete="url" />}
      </Field>
      <Field id="notes" label="Anything else? (optional)" error={errors.notes}>
        {(p) => <Textarea {...p} rows={3} />}
      </Field>
      <Field id="password" label="Password" error={errors.password} hint="For your partner dashboard. At least 10 characters.">
        {(p) => <Input {...p} type="password" autoComplete="new-password" required />}
      </Field>
      <Field id="confirm" label="Confirm password" error={errors.confirm}>
        {(p) => <Input {...p} type="password" autoComplete="new-password" required />}
      </Field>
      <FormMessage state={state} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Apply"}
      </Button>
    </form>
  );
}
