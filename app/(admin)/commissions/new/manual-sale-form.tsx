"use client";

import { Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { TypeAhead, type TypeAheadOption } from "@/components/ui/type-ahead";
import { useFormAction } from "@/components/ui/use-form-action";
import { manualSaleAction } from "../actions";

let nextKey = 1;

/** Approved partners only, searched as you type: a program may have thousands. */
function PartnerPicker({ initial, error }: { initial?: TypeAheadOption; error?: string }) {
  const [selected, setSelected] = useState<TypeAheadOption[]>(initial ? [initial] : []);
  return (
    <TypeAhead
      id="partnerId"
      name="partnerId"
      label="Partner"
      searchUrl="/api/admin/partners/search?approved=1"
      placeholder="Search by name, email or referral code"
      hint="Only approved partners earn commissions."
      error={error}
      selected={selected}
      onChange={setSelected}
      className="sm:col-span-2"
    />
  );
}

export function ManualSaleForm({ currency, today, timeZone, preselected }: { currency: string; today: string; timeZone: string; preselected?: TypeAheadOption }) {
  const { state, pending, onSubmit, errors } = useFormAction(manualSaleAction);
  const [items, setItems] = useState<number[]>([]);
  const [formKey, setFormKey] = useState(0);
  // A new sale was recorded: empty the form for the next one (a repeat keeps what was typed).
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state.ok && state.values?.created === "true") {
      setFormKey((k) => k + 1);
      setItems([]);
    }
  }
  const commissionId = state.ok ? state.values?.commissionId : undefined;

  return (
    <div className="space-y-4">
      {state.ok && (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-emerald-50 px-4 py-3 ring-1 ring-emerald-200" data-testid="manual-sale-result">
          <p className="text-sm text-emerald-900" role="status">
            {state.message}
          </p>
          {commissionId && (
            <Link href={`/commissions/${commissionId}`} className="text-sm font-medium text-emerald-800 underline hover:text-emerald-950">
              View commission
            </Link>
          )}
        </div>
      )}
      <form method="post" key={formKey} onSubmit={onSubmit} noValidate aria-label="Record a sale" className="space-y-6">
        <input type="hidden" name="itemRows" value={items.length} />
        <Section title="Sale">
          <div className="grid gap-5 sm:grid-cols-2">
            <PartnerPicker initial={preselected} error={errors.partnerId} />
            <Field id="orderId" label="Order id" error={errors.orderId} hint="The store's order number. Each order id is recorded once.">
              {(p) => <Input {...p} autoComplete="off" placeholder="e.g. 1001" />}
            </Field>
            <Field id="amount" label={`Amount (${currency})`} error={errors.amount} hint="The order total the commission is computed on, e.g. 49.99.">
              {(p) => <Input {...p} inputMode="decimal" autoComplete="off" placeholder="49.99" />}
            </Field>
            <Field id="saleDate" label="Sale date" error={errors.saleDate} hint={`The day the customer bought (${timeZone}): reports count the sale on it and the hold period starts from it.`}>
              {(p) => <Input {...p} type="date" defaultValue={today} max={today} />}
            </Field>
            <Field id="customerEmail" label="Customer email (optional)" error={errors.customerEmail} hint="Links the customer to the partner for later orders.">
              {(p) => <Input {...p} type="email" autoComplete="off" placeholder="customer@example.com" />}
            </Field>
          </div>
        </Section>

        <Section
          title="Items (optional)"
          description="Products with custom rates earn their own rate per line; everything else earns the partner's or the program's rate."
          actions={
            <Button variant="secondary" size="sm" onClick={() => setItems((rows) => [...rows, nextKey++])}>
              <Plus className="h-4 w-4" aria-hidden /> Add item
            </Button>
          }
        >
          {items.length === 0 ? (
            <p className="text-sm text-zinc-500">No items: the whole amount earns the partner&apos;s or the program&apos;s rate.</p>
          ) : (
            <ul className="space-y-4">
              {items.map((key, i) => (
                <li key={key} className="grid items-start gap-3 sm:grid-cols-[1fr_7rem_9rem_auto]" data-testid="sale-item">
                  <Field id={`items.${i}.productId`} label={`Product id (item ${i + 1})`} error={errors[`items.${i}.productId`]}>
                    {(p) => <Input {...p} autoComplete="off" placeholder="sku-123" />}
                  </Field>
                  <Field id={`items.${i}.quantity`} label="Quantity" error={errors[`items.${i}.quantity`]}>
                    {(p) => <Input {...p} inputMode="numeric" defaultValue="1" />}
                  </Field>
                  <Field id={`items.${i}.amount`} label={`Line amount (${currency})`} error={errors[`items.${i}.amount`]}>
                    {(p) => <Input {...p} inputMode="decimal" placeholder="19.99" />}
                  </Field>
                  <Button variant="ghost" size="sm" className="mt-7" aria-label={`Remove item ${i + 1}`} onClick={() => setItems((rows) => rows.filter((k) => k !== key))}>
                    <Trash2 className="h-4 w-4" aria-hidden />
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </Section>

        {!state.ok && <FormMessage state={state} />}
        <div className="flex justify-end gap-3">
          <Link href="/commissions" className="inline-flex h-10 items-center px-3 text-sm font-medium text-zinc-600 hover:text-zinc-900">
            Cancel
          </Link>
          <Button type="submit" disabled={pending}>
            {pending ? "Recording…" : "Record sale"}
          </Button>
        </div>
      </form>
    </div>
  );
}
