"use client";

import { useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { Modal } from "@/components/ui/modal";
import type { CommissionAction } from "@/lib/domain/commission-status";
import type { FormState } from "@/lib/schemas/form-state";
import { bulkCommissionAction } from "./actions";

/**
 * Approve, mark paid or void the selected commissions at once. Those the action does not
 * apply to are skipped; the result says how many changed and why the others did not.
 */
export function BulkCommissionActions({ ids, onDone }: { ids: string[]; onDone: (result: FormState) => void }) {
  const [pending, startTransition] = useTransition();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const reasonId = useId();
  const [reasonError, setReasonError] = useState<string>();

  function run(action: CommissionAction, reason?: string) {
    const data = new FormData();
    for (const id of ids) data.append("ids", id);
    data.set("action", action);
    if (reason) data.set("reason", reason);
    startTransition(async () => {
      const result = await bulkCommissionAction({}, data);
      dialog.current?.close();
      onDone(result);
    });
  }

  const n = ids.length;
  return (
    <>
      <Button size="sm" disabled={pending} onClick={() => run("approve")}>
        Approve selected
      </Button>
      <Button size="sm" variant="secondary" disabled={pending} onClick={() => run("mark_paid")}>
        Mark selected as paid
      </Button>
      <Button size="sm" variant="secondary" disabled={pending} aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        Void selected…
      </Button>
      <Modal ref={dialog} labelledBy={titleId} width="sm">
        <form
          method="post"
          className="space-y-4 p-6"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const reason = String(new FormData(e.currentTarget).get("reason") ?? "").trim();
            if (!reason) return setReasonError("Say why these commissions are void.");
            setReasonError(undefined);
            run("void", reason);
          }}
        >
          <h2 id={titleId} className="text-base font-semibold text-zinc-900">
            Void {n} selected commission{n === 1 ? "" : "s"}?
          </h2>
          <p className="text-sm text-zinc-600">Pending and approved ones become void with this reason; paid and void ones are skipped. This cannot be undone.</p>
          <div className="space-y-1.5">
            <label htmlFor={reasonId} className="block text-sm font-medium text-zinc-800">
              Reason
            </label>
            <Textarea id={reasonId} name="reason" rows={3} maxLength={500} aria-invalid={reasonError ? true : undefined} />
            {reasonError && (
              <p className="text-xs font-medium text-red-600" data-testid="error-bulk-reason">
                {reasonError}
              </p>
            )}
          </div>
          <div className="flex flex-wrap justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? "Voiding…" : `Void ${n}`}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
