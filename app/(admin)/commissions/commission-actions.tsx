"use client";

import { useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Textarea } from "@/components/ui/input";
import { RowActions } from "@/components/data-table/row-actions";
import { MenuItem, MenuLink } from "@/components/ui/menu-item";
import { Modal } from "@/components/ui/modal";
import { ACTION_LABEL, availableActions, type CommissionAction } from "@/lib/domain/commission-status";
import type { CommissionStatus } from "@/lib/schemas/enums";
import type { FormState } from "@/lib/schemas/form-state";
import { changeCommissionAction } from "./actions";

/**
 * The buttons for what can be done to one commission now: approve, void (asks why), mark as
 * paid or unpaid. The status shown is sent along, so a commission someone else changed in
 * the meantime is left alone and the merchant is told.
 */
export function CommissionActions({
  id,
  status,
  inPayout,
  label,
  compact = false,
}: {
  id: string;
  status: CommissionStatus;
  inPayout: boolean;
  /** What the commission is, for the void dialog's title ("order 1001"). */
  label: string;
  compact?: boolean;
}) {
  const [state, setState] = useState<FormState>({});
  const [pending, startTransition] = useTransition();
  const actions = availableActions({ status, inPayout });

  function run(action: CommissionAction, reason?: string): Promise<FormState> {
    const data = new FormData();
    data.set("id", id);
    data.set("action", action);
    data.set("expected", status);
    if (reason !== undefined) data.set("reason", reason);
    return new Promise((resolve) => {
      startTransition(async () => {
        const result = await changeCommissionAction({}, data);
        setState(result.ok && compact ? {} : result);
        resolve(result);
      });
    });
  }

  if (compact) {
    // In a list row: Approve as the button, everything else (and the details page) in "More".
    const rest = actions.filter((a) => a !== "approve");
    return (
      <div className="flex flex-col items-end gap-2">
        <RowActions
          label={label}
          primary={
            actions.includes("approve") && (
              <Button size="sm" disabled={pending} onClick={() => run("approve")}>
                {ACTION_LABEL.approve}
              </Button>
            )
          }
        >
          {rest.map((action) =>
            action === "void" ? (
              <VoidButton key={action} label={label} paid={status === "paid"} asMenuItem disabled={pending} onVoid={(reason) => run("void", reason)} />
            ) : (
              <MenuItem key={action} disabled={pending} onClick={() => run(action)}>
                {ACTION_LABEL[action]}
              </MenuItem>
            ),
          )}
          <MenuLink href={`/commissions/${id}`}>Details and history</MenuLink>
        </RowActions>
        {state.message && !state.ok && (
          <div className="max-w-xs text-left whitespace-normal">
            <FormMessage state={state} testId="commission-action-message" />
          </div>
        )}
      </div>
    );
  }

  if (!actions.length) {
    return (
      <p className="text-sm text-zinc-500">
        {status === "void"
          ? inPayout
            ? "Voided after it was paid: what the partner kept for it is clawed back from their next payout."
            : "Void commissions stay void."
          : "Nothing to change."}
      </p>
    );
  }

  return (
    <div className="flex flex-col items-start gap-2">
      <div className="flex flex-wrap gap-2">
        {actions.map((action) =>
          action === "void" ? (
            <VoidButton key={action} label={label} paid={status === "paid"} disabled={pending} onVoid={(reason) => run("void", reason)} />
          ) : (
            <Button key={action} variant={action === "approve" ? "primary" : "secondary"} size="sm" disabled={pending} onClick={() => run(action)}>
              {ACTION_LABEL[action]}
            </Button>
          ),
        )}
      </div>
      {state.message && <FormMessage state={state} testId="commission-action-message" />}
    </div>
  );
}

/** "Void" opens a dialog asking for the reason, which is required and kept in the history. */
function VoidButton({
  label,
  paid,
  asMenuItem = false,
  disabled,
  onVoid,
}: {
  label: string;
  paid: boolean;
  asMenuItem?: boolean;
  disabled: boolean;
  onVoid: (reason: string) => Promise<FormState>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const reasonId = useId();
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<FormState>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    if (!reason) {
      setError("Say why this commission is void (the partner sees it).");
      return;
    }
    setError(undefined);
    setBusy(true);
    const outcome = await onVoid(reason);
    setBusy(false);
    if (outcome.ok) {
      dialog.current?.close();
      setResult({});
    } else {
      setError(outcome.fieldErrors?.reason);
      setResult(outcome.fieldErrors?.reason ? {} : outcome);
    }
  }

  return (
    <>
      {asMenuItem ? (
        <MenuItem tone="danger" disabled={disabled} aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
          Void…
        </MenuItem>
      ) : (
        <Button variant="secondary" size="sm" disabled={disabled} aria-haspopup="dialog" onClick={() => dialog.current?.showModal()} className="text-red-700">
          Void
        </Button>
      )}
      <Modal ref={dialog} labelledBy={titleId} width="sm">
        <form method="post" onSubmit={submit} className="space-y-4 p-6" noValidate>
          <h2 id={titleId} className="text-base font-semibold text-zinc-900">
            Void the commission for {label}?
          </h2>
          <p className="text-sm text-zinc-600">
            {paid
              ? "It was paid in a payout: what the partner kept for it is clawed back from their next payout."
              : "The partner will not be paid for it; clawbacks made against it are reversed."}{" "}
            Voiding cannot be undone; the reason is kept in the commission&apos;s history.
          </p>
          <div className="space-y-1.5">
            <label htmlFor={reasonId} className="block text-sm font-medium text-zinc-800">
              Reason
            </label>
            <Textarea
              id={reasonId}
              name="reason"
              rows={3}
              maxLength={500}
              placeholder="e.g. Order cancelled, test order, fraud"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${reasonId}-error` : undefined}
            />
            {error && (
              <p id={`${reasonId}-error`} className="text-xs font-medium text-red-600" data-testid="error-reason">
                {error}
              </p>
            )}
          </div>
          <FormMessage state={result} testId="void-message" />
          <div className="flex flex-wrap justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={busy}>
              {busy ? "Voiding…" : "Void commission"}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
