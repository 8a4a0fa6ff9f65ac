"use client";

import { X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "./button";
import { MenuItem } from "./menu-item";
import { Modal } from "./modal";

/**
 * A button that opens a form in a native modal dialog (focus kept inside, Escape closes).
 * The content is mounted only while open, so each opening starts from fresh values.
 */
export function DialogButton({
  label,
  title,
  description,
  icon,
  variant = "primary",
  size = "md",
  triggerLabel,
  wide = false,
  asMenuItem = false,
  children,
}: {
  label: React.ReactNode;
  title: string;
  description?: React.ReactNode;
  icon?: React.ReactNode;
  variant?: "primary" | "secondary" | "ghost";
  size?: "sm" | "md";
  /** Accessible name of the trigger when `label` is not enough (e.g. "Edit spring-sale"). */
  triggerLabel?: string;
  wide?: boolean;
  /** Render the trigger as an item of a row's "More" menu (components/data-table/row-actions.tsx). */
  asMenuItem?: boolean;
  children: (close: () => void) => React.ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  // `open` is the truth; the native dialog follows it (and reports Escape back via onClose).
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  const close = () => setOpen(false);

  return (
    <>
      {asMenuItem ? (
        <MenuItem aria-label={triggerLabel} aria-haspopup="dialog" onClick={() => setOpen(true)}>
          {icon}
          {label}
        </MenuItem>
      ) : (
        <Button variant={variant} size={size} aria-label={triggerLabel} aria-haspopup="dialog" onClick={() => setOpen(true)}>
          {icon}
          {label}
        </Button>
      )}
      <Modal ref={dialog} labelledBy={titleId} onClose={() => setOpen(false)} width={wide ? "lg" : "md"}>
        {open && (
          <div className="p-5 sm:p-6">
            <div className="mb-4 flex items-start justify-between gap-4">
              <div className="min-w-0">
                <h2 id={titleId} className="text-base font-semibold text-zinc-900">
                  {title}
                </h2>
                {description && <p className="mt-1 text-sm text-zinc-500">{description}</p>}
              </div>
              <button type="button" onClick={close} className="shrink-0 rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700" aria-label="Close">
                <X className="h-4 w-4" aria-hidden />
              </button>
            </div>
            {children(close)}
          </div>
        )}
      </Modal>
    </>
  );
}
