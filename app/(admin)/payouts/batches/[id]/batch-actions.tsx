"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { cancelBatchAction, markBatchPaidAction } from "../actions";

function MarkPaidForm({ id, amount, lines, close }: { id: string; amount: string; lines: number; close: () => void }) {
  const { state, pending, onSubmit, errors } = useFormAction(markBatchPaidAction);
  useEffect(() => {
    if (state.ok) close();
  }, [state, close]);
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-zinc-600">
        Records {lines} PayPal payout{lines === 1 ? "" : "s"}, {amount} in all: exactly the lines of this file, whatever became due since. If a commission in it was refunded or
        voided after the export, the payout still records what PayPal sent and the excess is clawed back from the partner&apos;s next payout.
      </p>
      <Field id="reference" label="PayPal batch id" error={errors.reference} hint="PayPal shows the payout batch id once the upload is sent.">
        {(props) => <Input {...props} maxLength={200} autoComplete="off" />}
      </Field>
      {!state.ok && <FormMessage state={state} testId="mark-paid-error" />}
      <div className="flex justify-end gap-2 pt-1">
        <Button variant="secondary" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Recording…" : "Mark paid"}
        </Button>
      </div>
    </form>
  );
}

function CancelForm({ id, close }: { id: string; close: () => void }) {
  const { state, pending, onSubmit, errors } = useFormAction(cancelBatchAction);
  useEffect(() => {
    if (state.ok) close();
  }, [state, close]);
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-zinc-600">Only for a file you did not send to PayPal. Its partners become due again; the batch stays in the list, marked cancelled.</p>
      <Field id="cancelReason" label="Reason" error={errors.reason}>
        {(props) => <Textarea {...props} name="reason" rows={2} maxLength={500} />}
      </Field>
      {!state.ok && <FormMessage state={state} testId="cancel-batch-error" />}
      <div className="flex justify-end gap-2 pt-1">
        <Button variant="secondary" onClick={close}>
          Keep it
        </Button>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Cancelling…" : "Cancel batch"}
        </Button>
      </div>
    </form>
  );
}

/** "Mark paid…" (with PayPal's batch id) and "Cancel batch…" for an open batch. */
export function BatchActions({ id, amount, lines }: { id: string; amount: string; lines: number }) {
  return (
    <>
      <DialogButton label="Mark paid…" title="Mark this batch paid">
        {(close) => <MarkPaidForm id={id} amount={amount} lines={lines} close={close} />}
      </DialogButton>
      <DialogButton label="Cancel batch…" variant="secondary" title="Cancel this batch?">
        {(close) => <CancelForm id={id} close={close} />}
      </DialogButton>
    </>
  );
}
