"use client";

import { Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Field, SwitchField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { bpsToPercentString, toDecimalString } from "@/lib/domain/money";
import type { ProgramSettings } from "@/lib/schemas/settings";
import { saveSettingsAction } from "./actions";
import { HoldPeriodField } from "./hold-period-field";

interface ActionRow {
  key: number;
  event: string;
  amount: string;
}

export function SettingsForm({
  settings,
  currencies,
  timeZones,
  pendingCount,
}: {
  settings: ProgramSettings;
  currencies: string[];
  timeZones: string[];
  /** Pending commissions now: what a change of the hold period would leave on their date. */
  pendingCount: number;
}) {
  const { state, pending, onSubmit, errors } = useFormAction(saveSettingsAction);
  const [commissionType, setCommissionType] = useState(settings.defaultCommissionType);
  const [currency, setCurrency] = useState(settings.currency);
  const [rows, setRows] = useState<ActionRow[]>(() => {
    const entries = Object.entries(settings.actionCommissions).map(([event, amount], key) => ({
      key,
      event,
      amount: toDecimalString(amount, settings.currency),
    }));
    return entries.length ? entries : [{ key: 0, event: "", amount: "" }];
  });

  const rate =
    settings.defaultCommissionType === "percentage"
      ? bpsToPercentString(settings.defaultCommissionRate)
      : toDecimalString(settings.defaultCommissionRate, settings.currency);

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-6" noValidate aria-label="Program settings">
      <Section title="Program" description="What partners see, and the money and clock everything is counted in.">
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="name" label="Program name" error={errors.name}>
            {(p) => <Input {...p} defaultValue={settings.name} required />}
          </Field>
          <Field id="storeUrl" label="Store URL" error={errors.storeUrl} hint="Where /r/<code> links land unless they say otherwise.">
            {(p) => <Input {...p} type="url" defaultValue={settings.storeUrl} required />}
          </Field>
          <Field id="currency" label="Currency" error={errors.currency} hint="Amounts below are in this currency.">
            {(p) => (
              <Select {...p} value={currency} onChange={(e) => setCurrency(e.target.value)}>
                {currencies.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="timezone" label="Time zone" error={errors.timezone} hint="Reports group days in this zone.">
            {(p) => (
              <Select {...p} defaultValue={settings.timezone}>
                {timeZones.map((z) => (
                  <option key={z}>{z}</option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <div className="mt-5 border-t border-zinc-100 pt-4">
          <SwitchField
            id="applicationsOpen"
            label="Accept applications at /apply"
            description="Anyone can apply on the public /apply page; applicants join as pending partners for you to approve."
            defaultChecked={settings.applicationsOpen}
          />
        </div>
      </Section>

      <Section title="Tracking" description="How clicks turn into referred sales.">
        <div className="space-y-4">
          <SwitchField
            id="trackingEnabled"
            label="Tracking enabled"
            description="The master switch. When off, the tracking API answers 503 and records nothing."
            defaultChecked={settings.trackingEnabled}
          />
          <div className="grid gap-5 sm:grid-cols-2">
            <Field id="cookieDays" label="Cookie duration (days)" error={errors.cookieDays} hint="How long after a click a sale still counts.">
              {(p) => <Input {...p} inputMode="numeric" defaultValue={settings.cookieDays} />}
            </Field>
            <Field id="attributionModel" label="Attribution model" error={errors.attributionModel}>
              {(p) => (
                <Select {...p} defaultValue={settings.attributionModel}>
                  <option value="last_click">Last click: the most recent partner wins</option>
                  <option value="first_click">First click: the first partner wins</option>
                </Select>
              )}
            </Field>
          </div>
          <SwitchField
            id="lifetimeAttribution"
            label="Lifetime customer attribution"
            description="A referred customer stays with their partner for every later order."
            defaultChecked={settings.lifetimeAttribution}
          />
        </div>
      </Section>

      <Section title="Commissions" description="What partners earn, and when it becomes payable.">
        <div className="space-y-4">
          <div className="grid gap-5 sm:grid-cols-3">
            <Field id="defaultCommissionType" label="Default commission type" error={errors.defaultCommissionType}>
              {(p) => (
                <Select {...p} value={commissionType} onChange={(e) => setCommissionType(e.target.value as typeof commissionType)}>
                  <option value="percentage">Percentage of the sale</option>
                  <option value="fixed">Fixed amount per sale</option>
                </Select>
              )}
            </Field>
            <Field
              id="defaultCommissionRate"
              label={commissionType === "percentage" ? "Default rate (%)" : `Default amount (${currency})`}
              error={errors.defaultCommissionRate}
              hint="Partners, products and links can override it."
            >
              {(p) => <Input {...p} inputMode="decimal" defaultValue={rate} />}
            </Field>
            <HoldPeriodField saved={settings.holdDays} pendingCount={pendingCount} error={errors.holdDays} />
          </div>
          <SwitchField
            id="disableUpgradeReferrals"
            label="No commission on upgrades"
            description="Orders the store marks as upgrades are recorded but earn nothing."
            defaultChecked={settings.disableUpgradeReferrals}
          />
          <SwitchField
            id="blockSelfReferrals"
            label="Block self-referrals"
            description="A sale where the customer's email is the partner's own earns nothing and is flagged."
            defaultChecked={settings.blockSelfReferrals}
          />
          <SwitchField
            id="brandedCoupons"
            label="Branded coupon codes"
            description="Let coupon codes carry the partner's own name (e.g. JANE20) instead of generated codes."
            defaultChecked={settings.brandedCoupons}
          />
          <fieldset className="space-y-2 pt-2">
            <legend className="text-sm font-medium text-zinc-800">Action commissions</legend>
            <p className="text-xs text-zinc-500">A fixed amount for lead events the store reports, such as a sign-up.</p>
            {rows.map((row, i) => (
              <div key={row.key} className="flex items-end gap-2">
                <div className="space-y-1">
                  <label htmlFor={`actionEvent-${row.key}`} className="block text-xs font-medium text-zinc-600">
                    Event name {i + 1}
                  </label>
                  <Input id={`actionEvent-${row.key}`} name="actionEvent" placeholder="signup" defaultValue={row.event} className="max-w-52" />
                </div>
                <div className="space-y-1">
                  <label htmlFor={`actionAmount-${row.key}`} className="block text-xs font-medium text-zinc-600">
                    Amount for event {i + 1}
                  </label>
                  <Input id={`actionAmount-${row.key}`} name="actionAmount" placeholder="2.00" inputMode="decimal" defaultValue={row.amount} className="max-w-36" />
                </div>
                <span className="pb-2 text-sm text-zinc-500">{currency}</span>
                <Button variant="ghost" size="sm" aria-label={`Remove event ${i + 1}`} onClick={() => setRows(rows.filter((r) => r.key !== row.key))}>
                  <Trash2 className="h-4 w-4" aria-hidden />
                </Button>
              </div>
            ))}
            {errors.actionCommissions && (
              <p className="text-xs font-medium text-red-600" data-testid="error-actionCommissions">
                {errors.actionCommissions}
              </p>
            )}
            <Button variant="secondary" size="sm" onClick={() => setRows([...rows, { key: Date.now(), event: "", amount: "" }])}>
              <Plus className="h-4 w-4" aria-hidden /> Add event
            </Button>
          </fieldset>
        </div>
      </Section>

      <Section title="Payouts" description="When a partner's balance is worth paying out.">
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="minPayout" label={`Minimum payout (${currency})`} error={errors.minPayout} hint="Partners below this wait for the next payout.">
            {(p) => <Input {...p} inputMode="decimal" defaultValue={toDecimalString(settings.minPayout, settings.currency)} />}
          </Field>
        </div>
      </Section>

      <div className="sticky bottom-0 -mx-4 flex items-center justify-end gap-4 border-t border-zinc-200 bg-zinc-50/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border sm:bg-white">
        <div className="flex-1">
          <FormMessage state={state} />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </Button>
      </div>
    </form>
  );
}
