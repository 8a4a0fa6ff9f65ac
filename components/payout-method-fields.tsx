"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { PayoutMethod } from "@/lib/schemas/enums";

export const PAYOUT_METHOD_LABELS: Record<PayoutMethod, string> = { paypal: "PayPal", bank_transfer: "Bank transfer", stripe: "Stripe", other: "Other" };

/**
 * The payout method and the details it needs (field names as lib/schemas parses them), for
 * the merchant's partner form and the partner's own settings. Saved details show only under
 * the method they belong to. `own`: the partner fills in their own data, so the browser may
 * offer their email and name.
 */
export function PayoutMethodFields({
  saved,
  errors,
  own = false,
}: {
  saved: { method: PayoutMethod | "" | null; details: Record<string, string> };
  errors: Record<string, string | undefined>;
  own?: boolean;
}) {
  const [method, setMethod] = useState<PayoutMethod | "">(saved.method ?? "");
  const detail = (key: string) => (saved.method === method ? (saved.details[key] ?? "") : "");
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field id="payoutMethod" label="Payout method" error={errors.payoutMethod}>
        {(p) => (
          <Select {...p} value={method} onChange={(e) => setMethod(e.target.value as PayoutMethod | "")}>
            <option value="">Not set</option>
            {(Object.keys(PAYOUT_METHOD_LABELS) as PayoutMethod[]).map((m) => (
              <option key={m} value={m}>
                {PAYOUT_METHOD_LABELS[m]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {method === "paypal" && (
        <Field id="paypalEmail" label="PayPal email" error={errors.paypalEmail}>
          {(p) => <Input {...p} type="email" defaultValue={detail("email")} autoComplete={own ? "email" : "off"} />}
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
            {(p) => <Input {...p} defaultValue={detail("accountHolder")} autoComplete={own ? "name" : "off"} />}
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
  );
}
