"use client";

import { useCallback, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormState } from "@/lib/schemas/form-state";
import { payAllDueAction } from "./actions";

/**
 * "Pay all due" for the selected partners or for every partner due: one payout per partner,
 * each by the partner's own method, each in its own transaction. The batch reference is
 * required and recorded as the transaction id of every payout of the run.
 */
function PayAllForm({
  scope,
  partnerIds,
  listFilters,
  onDone,
  close,
}: {
  scope: "selected" | "all";
  partnerIds: string[];
  listFilters: Record<string, string>;
  onDone: (state: FormState) => void;
  close: () => void;
}) {
  // Done when the run happened (even if everyone was skipped): the result goes above the
  // table as soon as the action answers, since the same answer refreshes the list and the
  // selection (and this dialog with it) is gone.
  const run = useCallback(
    async (previous: FormState, formData: FormData) => {
      const result = await payAllDueAction(previous, formData);
      if (result.values?.paid !== undefined) onDone(result);
      return result;
    },
    [onDone],
  );
  const { state, pending, onSubmit, errors } = useFormAction(run);
  const ran = state.values?.paid !== undefined;
  useEffect(() => {
    if (ran) close();
  }, [ran, close]);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="scope" value={scope} />
      {Object.entries(listFilters).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {partnerIds.map((id) => (
        <input key={id} type="hidden" name="partnerIds" value={id} />
      ))}
      <div className="space-y-2 text-sm text-zinc-600">
        <p>Each partner is paid their whole balance by their own payout method, one payout each. Partners without a payout method, or whose balance is no longer due, are skipped and listed.</p>
        <p>Send the money first (e.g. upload the PayPal CSV to PayPal Payouts, or run the bank batch), then record it here with that run&apos;s reference.</p>
      </div>
      <Field id="reference" label="Batch reference" error={errors.reference} hint="Required. Recorded as the transaction id of every payout in this run, e.g. the PayPal payout batch id.">
        {(props) => <Input {...props} maxLength={200} autoComplete="off" />}
      </Field>
      <Field id="bulkNote" label="Note" error={errors.note}>
        {(props) => <Textarea {...props} name="note" rows={2} maxLength={1000} />}
      </Field>
      {!ran && <FormMessage state={state} testId="pay-all-error" />}
      <div className="flex justify-end gap-2 pt-1">
        <Button variant="secondary" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Paying…" : "Record payouts"}
        </Button>
      </div>
    </form>
  );
}

export function PayAllButton({
  scope,
  partnerIds = [],
  listFilters = {},
  label,
  title,
  onDone,
  size = "md",
}: {
  scope: "selected" | "all";
  partnerIds?: string[];
  /** With scope "all": the Due list's search and method filter (only those partners are paid). */
  listFilters?: Record<string, string>;
  label: string;
  title: string;
  onDone: (state: FormState) => void;
  size?: "sm" | "md";
}) {
  return (
    <DialogButton label={label} title={title} size={size} variant="primary">
      {(close) => <PayAllForm scope={scope} partnerIds={partnerIds} listFilters={listFilters} onDone={onDone} close={close} />}
    </DialogButton>
  );
}
