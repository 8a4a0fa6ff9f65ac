"use client";

import { PayoutMethodFields } from "@/components/payout-method-fields";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { PayoutMethod } from "@/lib/schemas/enums";
import type { FormState } from "@/lib/schemas/form-state";


interface Profile {
  name: string;
  email: string;
  payoutMethod: PayoutMethod | null;
  payoutDetails: Record<string, string>;
}

export function PortalSettingsForm({ action, profile }: { action: (previous: FormState, formData: FormData) => Promise<FormState>; profile: Profile }) {
  const { state, pending, onSubmit, errors } = useFormAction(action);

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-6" noValidate>
      <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200 sm:p-6">
        <h2 className="text-base font-semibold text-zinc-900">Profile</h2>
        <div className="mt-4 grid gap-5 sm:grid-cols-2">
          <Field id="name" label="Name" error={errors.name}>
            {(p) => <Input {...p} defaultValue={profile.name} autoComplete="name" required />}
          </Field>
          <Field id="email" label="Email" hint="Ask the program to change it.">
            {(p) => <Input {...p} name={undefined} value={profile.email} readOnly disabled />}
          </Field>
        </div>
      </section>

      <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200 sm:p-6">
        <h2 className="text-base font-semibold text-zinc-900">Payout</h2>
        <p className="mt-1 text-sm text-zinc-500">Where the program sends your earnings.</p>
        <div className="mt-4">
          <PayoutMethodFields saved={{ method: profile.payoutMethod, details: profile.payoutDetails }} errors={errors} own />
        </div>
      </section>

      <div className="flex flex-wrap items-center justify-end gap-3">
        <div className="min-w-0 flex-1">
          <FormMessage state={state} />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </Button>
      </div>
    </form>
  );
}
