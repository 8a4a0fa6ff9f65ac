"use client";

import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { PAYOUT_METHODS, type PayoutMethod } from "@/lib/schemas/enums";
import type { FormState } from "@/lib/schemas/form-state";
import { PAYOUT_METHOD_LABELS } from "@/lib/schemas/payout-lists";
import { METHODS_NEEDING_TRANSACTION_ID } from "@/lib/schemas/payouts";
import { payPartnerAction } from "./actions";
import type { DueRowView } from "./due-row";

const needsTransactionId = (method: string) => (METHODS_NEEDING_TRANSACTION_ID as readonly string[]).includes(method);

/**
 * Pay one partner: the amount due, the method prefilled from the partner's payout method,
 * the payment's transaction id and a note. The form carries the amount shown, so the payout
 * records exactly that: if the balance moved meanwhile (a commission approved, a clawback
 * added) nothing is written, the dialog shows the new figure and pays it only once the
 * merchant confirms. A second submit (double click, another tab) finds nothing due and says so.
 */
function PayForm({ row, onPaid, close }: { row: DueRowView; onPaid: (state: FormState) => void; close: () => void }) {
  // The result goes to the table as soon as the action answers: the same answer refreshes
  // the list, where this partner's row (and this dialog) is gone once paid.
  const pay = useCallback(
    async (previous: FormState, formData: FormData) => {
      const result = await payPartnerAction(previous, formData);
      if (result.ok) onPaid({ ok: true, message: `${result.message?.replace(/\.$/, "")} to ${row.name}.` });
      // Paid meanwhile elsewhere: the refreshed list drops the row and this dialog, so the
      // explanation goes above the table.
      else if (result.values?.nothingDue) onPaid({ ok: false, message: `${row.name}: ${result.message}` });
      return result;
    },
    [onPaid, row.name],
  );
  const { state, pending, onSubmit, errors } = useFormAction(pay);
  const [method, setMethod] = useState<string>(row.method ?? "");
  useEffect(() => {
    if (state.ok) close();
  }, [state, close]);
  // The amount as the dialog opened stays put even when the list refreshes underneath; after a
  // "balance changed" answer, the figure the server gave is what is shown and paid.
  const [opened] = useState({ amount: String(row.balanceMinor), label: row.balance });
  const changed = state.values?.currentAmount !== undefined;
  const amount = changed ? state.values!.currentAmount! : opened.amount;
  const shown = changed ? state.values!.currentBalance! : opened.label;

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="partnerId" value={row.id} />
      <input type="hidden" name="amount" value={amount} />
      <dl className="grid grid-cols-1 gap-x-3 gap-y-1 rounded-md bg-zinc-50 px-3 py-2.5 text-sm sm:grid-cols-3 sm:gap-y-3">
        <dt className="text-zinc-500">Amount</dt>
        <dd className="min-w-0 text-base font-semibold text-zinc-900 sm:col-span-2" data-numeric data-testid="pay-amount">
          {shown}
          {changed && <span className="ml-2 text-xs font-normal text-amber-700">(was {opened.label})</span>}
        </dd>
        {row.details.length > 0 && (
          <>
            <dt className="text-zinc-500">Pay to</dt>
            <dd className="min-w-0 break-all text-zinc-700 sm:col-span-2">{row.details.join(" · ")}</dd>
          </>
        )}
      </dl>
      <Field id="method" label="Method" error={errors.method}>
        {(props) => (
          <Select {...props} value={method} onChange={(e) => setMethod(e.target.value)}>
            <option value="">Choose…</option>
            {PAYOUT_METHODS.map((m) => (
              <option key={m} value={m}>
                {PAYOUT_METHOD_LABELS[m]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        id="transactionId"
        label="Transaction id"
        error={errors.transactionId}
        hint={needsTransactionId(method) ? `Required: the reference ${PAYOUT_METHOD_LABELS[method as PayoutMethod]} gave the payment.` : "Optional for “other” payments."}
      >
        {(props) => <Input {...props} maxLength={200} autoComplete="off" defaultValue={state.values?.transactionId} />}
      </Field>
      <Field id="note" label="Note" error={errors.note}>
        {(props) => <Textarea {...props} rows={2} maxLength={1000} defaultValue={state.values?.note} />}
      </Field>
      {!state.ok && <FormMessage state={state} testId="pay-error" />}
      <div className="flex flex-wrap justify-end gap-2 pt-1">
        <Button variant="secondary" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Paying…" : `Pay ${shown}`}
        </Button>
      </div>
    </form>
  );
}

export function PayButton({ row, onPaid }: { row: DueRowView; onPaid: (state: FormState) => void }) {
  return (
    <DialogButton label="Pay" size="sm" variant="secondary" triggerLabel={`Pay ${row.name}`} title={`Pay ${row.name}`} description="Record a payment you have sent: the partner's whole balance is marked paid.">
      {(close) => <PayForm row={row} onPaid={onPaid} close={close} />}
    </DialogButton>
  );
}
