"use client";

import { Plus, Sparkles, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRef, useState } from "react";
import { PayoutMethodFields } from "@/components/payout-method-fields";
import { Button, buttonClasses } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { PARTNER_STATUSES, type PartnerStatus, type PayoutMethod } from "@/lib/schemas/enums";
import type { FormState } from "@/lib/schemas/form-state";
import { generateCouponCode } from "./coupon-code";

/** The form's starting values, as text (rates already in what people type: "12.5", "5.00"). */
export interface PartnerFormValues {
  id?: string;
  name: string;
  email: string;
  status: PartnerStatus;
  referralCode: string;
  rateType: "default" | "percentage" | "fixed";
  rate: string;
  couponCodes: string[];
  payoutMethod: PayoutMethod | "";
  payoutDetails: Record<string, string>;
  notes: string;
}

const STATUS_LABELS: Record<PartnerStatus, string> = { approved: "Approved", pending: "Pending", rejected: "Rejected", suspended: "Suspended" };

interface CouponRow {
  key: number;
  code: string;
}

export function PartnerForm({
  action,
  values,
  currency,
  defaultRate,
  brandedCoupons,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  values: PartnerFormValues;
  currency: string;
  /** The program default, e.g. "10 %", shown on the "Program default" choice. */
  defaultRate: string;
  brandedCoupons: boolean;
}) {
  const editing = !!values.id;
  const { state, pending, onSubmit, errors } = useFormAction(action);
  const form = useRef<HTMLFormElement>(null);
  const [status, setStatus] = useState<PartnerStatus>(values.status);
  const [rateType, setRateType] = useState(values.rateType);
  const [coupons, setCoupons] = useState<CouponRow[]>(() => values.couponCodes.map((code, key) => ({ key, code })));
  const nextKey = useRef(values.couponCodes.length);

  function addCoupon(code: string) {
    setCoupons((rows) => [...rows, { key: nextKey.current++, code }]);
  }
  function generate() {
    const name = (form.current?.elements.namedItem("name") as HTMLInputElement | null)?.value ?? "";
    addCoupon(generateCouponCode(name));
  }

  return (
    <form method="post" ref={form} onSubmit={onSubmit} className="space-y-6" noValidate aria-label={editing ? "Edit partner" : "Add a partner"}>
      {values.id && <input type="hidden" name="id" value={values.id} />}
      <Section title="Partner" description="Who they are, and the code in their referral link.">
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="name" label="Name" error={errors.name}>
            {(p) => <Input {...p} defaultValue={values.name} autoComplete="off" required />}
          </Field>
          <Field id="email" label="Email" error={errors.email} hint="They sign in to their dashboard with it.">
            {(p) => <Input {...p} type="email" defaultValue={values.email} autoComplete="off" required />}
          </Field>
          <Field id="status" label="Status" error={errors.status} hint="Only approved partners earn commissions.">
            {(p) => (
              <Select {...p} value={status} onChange={(e) => setStatus(e.target.value as PartnerStatus)}>
                {PARTNER_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field
            id="referralCode"
            label="Referral code"
            error={errors.referralCode}
            hint={editing ? "Links already shared with the old code stop working when you change it." : "Leave blank to make one from the name."}
          >
            {(p) => <Input {...p} defaultValue={values.referralCode} autoComplete="off" spellCheck={false} placeholder={editing ? undefined : "jane-doe"} />}
          </Field>
        </div>
      </Section>

      <Section title="Commission" description="What they earn per referred sale, unless a custom link or product rate says otherwise.">
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="rateType" label="Commission" error={errors.rateType}>
            {(p) => (
              <Select {...p} value={rateType} onChange={(e) => setRateType(e.target.value as typeof rateType)}>
                <option value="default">Program default ({defaultRate})</option>
                <option value="percentage">Percentage of each sale</option>
                <option value="fixed">Fixed amount per sale</option>
              </Select>
            )}
          </Field>
          {rateType !== "default" && (
            <Field
              key={rateType}
              id="rate"
              label={rateType === "percentage" ? "Rate (%)" : `Amount (${currency})`}
              error={errors.rate}
              hint={rateType === "percentage" ? "For example 12.5" : "For example 5.00"}
            >
              {(p) => <Input {...p} inputMode="decimal" defaultValue={values.rateType === rateType ? values.rate : ""} autoComplete="off" />}
            </Field>
          )}
        </div>
      </Section>

      <Section
        title="Coupon codes"
        description={
          brandedCoupons
            ? "Codes customers type at checkout, e.g. JANE20. Every sale with one is credited to this partner."
            : "Codes customers type at checkout. Generate one from the partner's name; you can still edit it."
        }
      >
        <fieldset className="space-y-2">
          <legend className="sr-only">Coupon codes</legend>
          {coupons.length === 0 && <p className="text-sm text-zinc-500">No coupon codes.</p>}
          {coupons.map((row, i) => (
            <div key={row.key} className="space-y-1">
              <label htmlFor={`couponCode-${row.key}`} className="block text-xs font-medium text-zinc-600">
                Coupon code {i + 1}
              </label>
              <div className="flex items-center gap-2">
              <Input
                id={`couponCode-${row.key}`}
                name="couponCodes"
                defaultValue={row.code}
                autoComplete="off"
                spellCheck={false}
                className="max-w-64 font-mono"
                aria-invalid={errors.couponCodes ? true : undefined}
                aria-describedby={errors.couponCodes ? "couponCodes-error" : undefined}
              />
              <Button variant="ghost" size="sm" aria-label={`Remove coupon ${i + 1}`} onClick={() => setCoupons(coupons.filter((r) => r.key !== row.key))}>
                <Trash2 className="h-4 w-4" aria-hidden />
              </Button>
              </div>
            </div>
          ))}
          {errors.couponCodes && (
            <p id="couponCodes-error" className="text-xs font-medium text-red-600" data-testid="error-couponCodes">
              {errors.couponCodes}
            </p>
          )}
          {status !== "approved" && (
            <p className="text-xs text-amber-700">Only approved partners can be given coupon codes.</p>
          )}
          <div className="pt-1">
            {brandedCoupons ? (
              <Button variant="secondary" size="sm" onClick={() => addCoupon("")}>
                <Plus className="h-4 w-4" aria-hidden /> Add coupon
              </Button>
            ) : (
              <Button variant="secondary" size="sm" onClick={generate}>
                <Sparkles className="h-4 w-4" aria-hidden /> Generate coupon
              </Button>
            )}
          </div>
        </fieldset>
      </Section>

      <Section title="Payout" description="How you pay this partner. Only your team sees these details.">
        <PayoutMethodFields saved={{ method: values.payoutMethod, details: values.payoutDetails }} errors={errors} />
      </Section>

      <Section title="Notes" description="Private to your team.">
        <Field id="notes" label="Notes" error={errors.notes}>
          {(p) => <Textarea {...p} rows={4} defaultValue={values.notes} />}
        </Field>
      </Section>

      <div className="sticky bottom-0 -mx-4 flex flex-wrap items-center justify-end gap-3 border-t border-zinc-200 bg-zinc-50/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border sm:bg-white">
        <div className="min-w-0 flex-1">
          <FormMessage state={state} />
        </div>
        <Link href={values.id ? `/partners/${values.id}` : "/partners"} className={buttonClasses("secondary")}>
          Cancel
        </Link>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : editing ? "Save changes" : "Add partner"}
        </Button>
      </div>
    </form>
  );
}
