"use client";

import Link from "next/link";
import { cn } from "./cn";

// The rows of a RowActions "More" menu. A menu item that opens a dialog says so with
// aria-haspopup="dialog"; the dialog itself lives outside the menu (components/ui/modal.tsx).

export const menuItemClasses = (tone: "default" | "danger" = "default") =>
  cn(
    "flex w-full items-center gap-2 rounded px-3 py-1.5 text-left text-sm whitespace-nowrap outline-none hover:bg-zinc-100 focus-visible:bg-zinc-100 disabled:opacity-50",
    tone === "danger" ? "text-red-700" : "text-zinc-700",
  );

export function MenuItem({ tone = "default", className, ...props }: React.ComponentProps<"button"> & { tone?: "default" | "danger" }) {
  return <button type="button" role="menuitem" tabIndex={-1} className={cn(menuItemClasses(tone), className)} {...props} />;
}

export function MenuLink({ className, ...props }: React.ComponentProps<typeof Link>) {
  return <Link role="menuitem" tabIndex={-1} className={cn(menuItemClasses(), className)} {...props} />;
}
