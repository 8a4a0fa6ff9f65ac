"use client";

import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormState } from "@/lib/schemas/form-state";
import { payAllDueAction, previewPayAllAction, type PayAllPreview } from "./actions";

/** Whom a run pays: `partnerId:amount` per partner (what the merchant sees), and how it reads. */
interface Run {
  payments: string[];
  names: string[];
  total: string;
}

/**
 * "Pay all due" for the selected partners or for every partner due: one payout per partner,
 * each by the partner's own method, each in its own transaction, each for exactly the amount
 * listed here. A partner whose balance moved since is skipped and named. The batch reference
 * is required and recorded as the transaction id of every payout of the run.
 */
function PayAllForm({ run, note, onDone, close }: { run: Run; note?: string; onDone: (state: FormState) => void; close: () => void }) {
  // Done when the run happened (even if everyone was skipped): the result goes above the
  // table as soon as the action answers, since the same answer refreshes the list and the
  // selection (and this dialog with it) is gone.
  const submit = useCallback(
    async (previous: FormState, formData: FormData) => {
      const result = await payAllDueAction(previous, formData);
      if (result.values?.paid !== undefined) onDone(result);
      return result;
    },
    [onDone],
  );
  const { state, pending, onSubmit, errors } = useFormAction(submit);
  const ran = state.values?.paid !== undefined;
  useEffect(() => {
    if (ran) close();
  }, [ran, close]);
  const n = run.payments.length;

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {run.payments.map((p) => (
        <input key={p} type="hidden" name="payment" value={p} />
      ))}
      <div className="space-y-2 text-sm text-zinc-600">
        <p data-testid="pay-all-summary">
          {n} payout{n === 1 ? "" : "s"}, <span className="font-semibold text-zinc-900">{run.total}</span> in all{note ? ` ${note}` : ""}:
        </p>
        <ul className="max-h-32 overflow-y-auto rounded-md bg-zinc-50 px-3 py-2 text-xs text-zinc-700" aria-label="Partners paid">
          {run.names.map((name, i) => (
            <li key={run.payments[i]}>{name}</li>
          ))}
        </ul>
        <p>
          Each partner is paid exactly the amount listed, by their own payout method. Partners without a payout method, or whose balance changed since you looked, are
          skipped and named. Send the money first (e.g. run the bank batch), then record it here with that run&apos;s reference; for PayPal, make a PayPal batch instead.
        </p>
      </div>
      <Field id="reference" label="Batch reference" error={errors.reference} hint="Required. Recorded as the transaction id of every payout in this run, e.g. the bank batch number.">
        {(props) => <Input {...props} maxLength={200} autoComplete="off" />}
      </Field>
      <Field id="bulkNote" label="Note" error={errors.note}>
        {(props) => <Textarea {...props} name="note" rows={2} maxLength={1000} />}
      </Field>
      {!ran && <FormMessage state={state} testId="pay-all-error" />}
      <div className="flex flex-wrap justify-end gap-2 pt-1">
        <Button variant="secondary" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending || n === 0}>
          {pending ? "Paying…" : "Record payouts"}
        </Button>
      </div>
    </form>
  );
}

/** Every partner due with the list's filters, as the server has them now, then the form. */
function PayAllDueForm({ listFilters, onDone, close }: { listFilters: Record<string, string>; onDone: (state: FormState) => void; close: () => void }) {
  const [preview, setPreview] = useState<PayAllPreview | null>(null);
  const [error, setError] = useState<FormState>({});
  // Read once per opening (and per filter set): the list shown is the list paid.
  const filters = JSON.stringify(listFilters);
  useEffect(() => {
    const data = new FormData();
    for (const [name, value] of Object.entries(JSON.parse(filters) as Record<string, string>)) data.set(name, value);
    let live = true;
    previewPayAllAction({}, data).then((result) => {
      if (!live) return;
      if ("preview" in result && result.preview) setPreview(result.preview);
      else setError(result);
    });
    return () => {
      live = false;
    };
  }, [filters]);
  if (error.message) return <FormMessage state={error} testId="pay-all-error" />;
  if (!preview) return <p className="text-sm text-zinc-500">Reading what is due…</p>;
  if (!preview.payments.length) return <p className="text-sm text-zinc-600">No one is due a payout now.</p>;
  const more = preview.due - preview.payments.length;
  return <PayAllForm run={preview} note={more > 0 ? `(the ${preview.payments.length.toLocaleString("en-US")} largest balances; run again for the other ${more.toLocaleString("en-US")})` : undefined} onDone={onDone} close={close} />;
}

export function PayAllButton({
  scope,
  selected = [],
  selectedTotal = "",
  listFilters = {},
  label,
  title,
  onDone,
  size = "md",
}: {
  scope: "selected" | "all";
  /** With scope "selected": the selected rows as the table shows them, and their total. */
  selected?: { payment: string; name: string; balance: string }[];
  selectedTotal?: string;
  /** With scope "all": the Due list's search and method filter (only those partners are paid). */
  listFilters?: Record<string, string>;
  label: string;
  title: string;
  onDone: (state: FormState) => void;
  size?: "sm" | "md";
}) {
  return (
    <DialogButton label={label} title={title} size={size} variant="primary">
      {(close) =>
        scope === "all" ? (
          <PayAllDueForm listFilters={listFilters} onDone={onDone} close={close} />
        ) : (
          <PayAllForm run={{ payments: selected.map((s) => s.payment), names: selected.map((s) => `${s.name} (${s.balance})`), total: selectedTotal }} onDone={onDone} close={close} />
        )
      }
    </DialogButton>
  );
}
