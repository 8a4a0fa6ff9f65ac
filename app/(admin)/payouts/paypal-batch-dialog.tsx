"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { Button } from "@/components/ui/button";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormState } from "@/lib/schemas/form-state";
import { createPaypalBatchAction } from "./batches/actions";
import type { DueRowView } from "./due-row";

/**
 * "PayPal batch…" on a selection of the Due list: makes the batch (the file's lines and the
 * money they pay are fixed from then on) and opens its page, where the file is downloaded,
 * later marked paid with PayPal's batch id, or cancelled.
 */
function PaypalBatchForm({ rows, close }: { rows: DueRowView[]; close: () => void }) {
  const router = useRouter();
  // Straight to the batch's page once made: the refreshed Due list no longer has these rows.
  const make = useCallback(
    async (previous: FormState, formData: FormData) => {
      const result = await createPaypalBatchAction(previous, formData);
      if (result.ok && result.values?.batchId) router.push(`/payouts/batches/${result.values.batchId}`);
      return result;
    },
    [router],
  );
  const { state, pending, onSubmit, errors } = useFormAction(make);
  const inFile = rows.filter((r) => r.paypalEmail);
  const left = rows.filter((r) => !r.paypalEmail);

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {rows.map((r) => (
        <input key={r.id} type="hidden" name="partnerIds" value={r.id} />
      ))}
      <div className="space-y-2 text-sm text-zinc-600">
        <p>
          One line per partner paid by PayPal, for their whole balance now. Their money is held by the batch until you mark it paid (with PayPal&apos;s batch id) or cancel it: nothing else can pay it meanwhile, and what becomes due later is left for the next payout.
        </p>
        {inFile.length > 0 && (
          <ul className="max-h-32 overflow-y-auto rounded-md bg-zinc-50 px-3 py-2 text-xs text-zinc-700" aria-label="Partners in the file">
            {inFile.map((r) => (
              <li key={r.id}>
                {r.name} ({r.balance}) → {r.paypalEmail}
              </li>
            ))}
          </ul>
        )}
        {left.length > 0 && (
          <p className="text-xs text-zinc-600" data-testid="paypal-skipped">
            Left out of the PayPal file (no PayPal email): {left.map((r) => r.name).join(", ")}
          </p>
        )}
      </div>
      <Field id="batchNote" label="Note to recipients" error={errors.note} hint="Optional. PayPal shows it with the payment; the program name is used when empty.">
        {(props) => <Textarea {...props} name="note" rows={2} maxLength={1000} />}
      </Field>
      <FormMessage state={state} testId="paypal-batch-error" />
      <div className="flex flex-wrap justify-end gap-2 pt-1">
        <Button variant="secondary" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending || inFile.length === 0}>
          {pending ? "Making the batch…" : "Make PayPal batch"}
        </Button>
      </div>
    </form>
  );
}

export function PaypalBatchButton({ rows }: { rows: DueRowView[] }) {
  return (
    <DialogButton label="PayPal batch…" size="sm" variant="secondary" title={`PayPal batch for ${rows.length} selected partner${rows.length === 1 ? "" : "s"}`}>
      {(close) => <PaypalBatchForm rows={rows} close={close} />}
    </DialogButton>
  );
}
