"use client";

import { MoreHorizontal } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";

/**
 * What can be done to one row of a list: at most one primary action as a button, the rest in a
 * "More" menu (as Stripe and Dub do), so a row's actions take the same small width however many
 * there are and never push or cover the row's money and status.
 *
 * The menu's items are `MenuItem`/`MenuLink` (components/ui/menu-item.tsx) or dialog triggers
 * rendered as menu items. They stay mounted while the menu is closed (hidden), so a dialog an
 * item opened (rendered into <body>) outlives the menu. Escape and a click outside close the
 * menu; arrow keys, Home and End move between items.
 */
export function RowActions({ label, primary, children }: { label: string; primary?: React.ReactNode; children?: React.ReactNode }) {
  return (
    <div className="flex items-center justify-end gap-1.5">
      {primary}
      {children && <MoreMenu label={label}>{children}</MoreMenu>}
    </div>
  );
}

function MoreMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const [place, setPlace] = useState<{ top: number; right: number } | null>(null);
  const open = place !== null;
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])];
  const close = (refocus: boolean) => {
    setPlace(null);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus({ preventScroll: true });
    // Fixed to the window, not inside the table's scroll box (which would clip it): so it
    // closes when anything scrolls or resizes under it, and on a click anywhere else.
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    const away = () => close(false);
    document.addEventListener("pointerdown", outside);
    window.addEventListener("scroll", away, true);
    window.addEventListener("resize", away);
    return () => {
      document.removeEventListener("pointerdown", outside);
      window.removeEventListener("scroll", away, true);
      window.removeEventListener("resize", away);
    };
  }, [open]);

  function toggle() {
    if (open) return close(false);
    const r = button.current!.getBoundingClientRect();
    setPlace({ top: r.bottom + 4, right: Math.max(8, window.innerWidth - r.right) });
  }

  function onKeyDown(event: React.KeyboardEvent) {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[event.key];
    if (event.key === "Escape" || event.key === "Tab") {
      if (event.key === "Escape") event.preventDefault();
      close(event.key === "Escape");
    } else if (move !== undefined && list.length) {
      event.preventDefault();
      list[(move + list.length) % list.length]?.focus({ preventScroll: true });
    }
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-label={`More actions for ${label}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={toggle}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && !open) {
            e.preventDefault();
            toggle();
          }
        }}
        className={cn("rounded-md p-1.5 text-zinc-500 ring-1 ring-zinc-200 hover:bg-zinc-100 hover:text-zinc-800", open && "bg-zinc-100 text-zinc-800")}
      >
        <MoreHorizontal className="h-4 w-4" aria-hidden />
      </button>
      <div
        ref={menu}
        id={menuId}
        role="menu"
        aria-label={`Actions for ${label}`}
        hidden={!open}
        onKeyDown={onKeyDown}
        // An item was chosen: the menu closes (a dialog it opened stays, it lives in <body>).
        onClick={(e) => {
          if ((e.target as HTMLElement).closest('[role="menuitem"]')) close(false);
        }}
        style={place ? { top: place.top, right: place.right } : undefined}
        className="fixed z-40 min-w-44 space-y-0.5 rounded-lg bg-white p-1 text-left shadow-lg ring-1 ring-zinc-200"
      >
        {children}
      </div>
    </>
  );
}
