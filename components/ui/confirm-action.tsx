"use client";

import { useEffect, useId, useRef } from "react";
import type { FormState } from "@/lib/schemas/form-state";
import { Button } from "./button";
import { FormMessage } from "./form-message";
import { MenuItem } from "./menu-item";
import { Modal } from "./modal";
import { useFormAction } from "./use-form-action";

/**
 * A button that asks before doing something destructive: a native modal dialog (focus
 * trapped, Escape closes) with the consequence spelled out, then the server action.
 */
export function ConfirmAction({
  action,
  fields = {},
  trigger,
  title,
  description,
  confirmLabel,
  variant = "danger",
  size = "sm",
  asMenuItem = false,
  children,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  fields?: Record<string, string>;
  trigger: string;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  variant?: "danger" | "primary" | "secondary";
  size?: "sm" | "md";
  /** Render the trigger as an item of a row's "More" menu (components/data-table/row-actions.tsx). */
  asMenuItem?: boolean;
  children?: React.ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  // One id per instance: a list renders many of these with the same confirmLabel, and a
  // label with spaces is not a valid id reference.
  const titleId = useId();
  const { state, pending, onSubmit } = useFormAction(action);
  useEffect(() => {
    if (state.ok) dialog.current?.close();
  }, [state]);

  return (
    <>
      {asMenuItem ? (
        <MenuItem tone={variant === "danger" ? "danger" : "default"} aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
          {trigger}
        </MenuItem>
      ) : (
        <Button variant={variant === "danger" ? "secondary" : variant} size={size} aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
          {trigger}
        </Button>
      )}
      <Modal ref={dialog} labelledBy={titleId} width="sm">
        <form method="post" onSubmit={onSubmit} className="space-y-4 p-6">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <h2 id={titleId} className="text-base font-semibold text-zinc-900">
            {title}
          </h2>
          <div className="text-sm text-zinc-600">{description}</div>
          {children}
          {!state.ok && <FormMessage state={state} />}
          <div className="flex flex-wrap justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant={variant} disabled={pending}>
              {pending ? "Working…" : confirmLabel}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
