"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { voidPayoutAction } from "../actions";

function VoidForm({ id, amount, close }: { id: string; amount: string; close: () => void }) {
  const { state, pending, onSubmit, errors } = useFormAction(voidPayoutAction);
  useEffect(() => {
    if (state.ok) close();
  }, [state, close]);
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-zinc-600">
        Only for a payout recorded by mistake, or a payment that did not go through. The payout stays in the history marked void; its commissions return to
        approved and its clawbacks to the balance, so {amount} is due again. Money already sent is not recalled.
      </p>
      <Field id="reason" label="Reason" error={errors.reason}>
        {(props) => <Textarea {...props} rows={3} maxLength={500} />}
      </Field>
      {!state.ok && <FormMessage state={state} testId="void-error" />}
      <div className="flex flex-wrap justify-end gap-2 pt-1">
        <Button variant="secondary" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Voiding…" : "Void payout"}
        </Button>
      </div>
    </form>
  );
}

/** Void this payout: asks for the reason, says what happens, then calls the service. */
export function VoidPayout({ id, amount }: { id: string; amount: string }) {
  return (
    <DialogButton label="Void payout…" variant="secondary" title="Void this payout?">
      {(close) => <VoidForm id={id} amount={amount} close={close} />}
    </DialogButton>
  );
}
