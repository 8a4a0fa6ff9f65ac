"use client";

import { useEffect, useId, useRef } from "react";
import type { FormState } from "@/lib/schemas/form-state";
import { Button } from "./button";
import { FormMessage } from "./form-message";
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
      <Button variant={variant === "danger" ? "secondary" : variant} size={size} onClick={() => dialog.current?.showModal()}>
        {trigger}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-md rounded-xl p-0 shadow-xl backdrop:bg-zinc-900/40"
      >
        <form onSubmit={onSubmit} className="space-y-4 p-6">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <h2 id={titleId} className="text-base font-semibold text-zinc-900">
            {title}
          </h2>
          <div className="text-sm text-zinc-600">{description}</div>
          {children}
          {!state.ok && <FormMessage state={state} />}
          <div className="flex justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant={variant} disabled={pending}>
              {pending ? "Working…" : confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
