"use client";

import { useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { cn } from "./cn";

const WIDTHS = { sm: "max-w-md", md: "max-w-lg", lg: "max-w-2xl" } as const;

const subscribe = () => () => {};

/**
 * The native modal dialog every console dialog uses (focus kept inside, Escape closes), open it
 * with `ref.current.showModal()`. It is rendered into <body>, not where its trigger sits: a
 * trigger in a table cell would hand it the cell's nowrap and right alignment (the Pay dialog
 * opened scrolled sideways), and a trigger in a row's "More" menu is hidden when the menu
 * closes. Long unbreakable text (IBANs, emails, URLs) wraps anywhere, so nothing in a dialog
 * is wider than the dialog, which is never wider than the window.
 */
export function Modal({
  ref,
  labelledBy,
  width = "md",
  onClose,
  className,
  children,
}: {
  ref: React.Ref<HTMLDialogElement>;
  labelledBy: string;
  width?: keyof typeof WIDTHS;
  onClose?: () => void;
  className?: string;
  children: React.ReactNode;
}) {
  // document.body exists only in the browser; the dialog is closed on the server's render anyway.
  const inBrowser = useSyncExternalStore(subscribe, () => true, () => false);
  if (!inBrowser) return null;
  return createPortal(
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      onClose={onClose}
      className={cn(
        "m-auto max-h-[calc(100dvh-1.5rem)] w-[calc(100%-1.5rem)] rounded-xl p-0 text-left whitespace-normal shadow-xl wrap-anywhere backdrop:bg-zinc-900/40",
        WIDTHS[width],
        className,
      )}
    >
      {children}
    </dialog>,
    document.body,
  );
}
