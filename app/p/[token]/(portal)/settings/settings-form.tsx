"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { PayoutMethod } from "@/lib/schemas/enums";
import type { FormState } from "@/lib/schemas/form-state";

const METHOD_LABELS: Record<PayoutMethod, string> = { paypal: "PayPal", bank_transfer: "Bank transfer", stripe: "Stripe", other: "Other" };

interface Profile {
  name: string;
  email: string;
  payoutMethod: PayoutMethod | null;
  payoutDetails: Record<string, string>;
}

export function PortalSettingsForm({ action, profile }: { action: (previous: FormState, formData: FormData) => Promise<FormState>; profile: Profile }) {
  const { state, pending, onSubmit, errors } = useFormAction(action);
  const [method, setMethod] = useState<PayoutMethod | "">(profile.payoutMethod ?? "");
  // Saved details show only under the method they belong to.
  const detail = (key: string) => (profile.payoutMethod === method ? (profile.payoutDetails[key] ?? "") : "");

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
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
        <div className="mt-4 grid gap-5 sm:grid-cols-2">
          <Field id="payoutMethod" label="Payout method" error={errors.payoutMethod}>
            {(p) => (
              <Select {...p} value={method} onChange={(e) => setMethod(e.target.value as PayoutMethod | "")}>
                <option value="">Not set</option>
                {(Object.keys(METHOD_LABELS) as PayoutMethod[]).map((m) => (
                  <option key={m} value={m}>
                    {METHOD_LABELS[m]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {method === "paypal" && (
            <Field id="paypalEmail" label="PayPal email" error={errors.paypalEmail}>
              {(p) => <Input {...p} type="email" defaultValue={detail("email")} autoComplete="email" />}
            </Field>
          )}
          {method === "stripe" && (
            <Field id="stripeAccountId" label="Stripe account ID" error={errors.stripeAccountId} hint="Starts with acct_">
              {(p) => <Input {...p} defaultValue={detail("accountId")} placeholder="acct_…" autoComplete="off" spellCheck={false} />}
            </Field>
          )}
          {method === "bank_transfer" && (
            <>
              <Field id="accountHolder" label="Account holder" error={errors.accountHolder}>
                {(p) => <Input {...p} defaultValue={detail("accountHolder")} autoComplete="name" />}
              </Field>
              <Field id="iban" label="IBAN" error={errors.iban}>
                {(p) => <Input {...p} defaultValue={detail("iban")} autoComplete="off" spellCheck={false} />}
              </Field>
              <Field id="bic" label="BIC/SWIFT" error={errors.bic} hint="Optional within SEPA.">
                {(p) => <Input {...p} defaultValue={detail("bic")} autoComplete="off" spellCheck={false} />}
              </Field>
            </>
          )}
          {method === "other" && (
            <Field id="payoutInstructions" label="Payout instructions" error={errors.payoutInstructions} className="sm:col-span-2">
              {(p) => <Textarea {...p} rows={3} defaultValue={detail("instructions")} />}
            </Field>
          )}
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
