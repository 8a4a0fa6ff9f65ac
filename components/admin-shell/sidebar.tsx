"use client";

import { LogOut, Menu, X } from "lucide-react";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { NAV_ITEMS } from "./nav-items";
import { ProgramMark } from "@/components/ui/program-mark";

function NavList({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-0.5">
      {NAV_ITEMS.map(({ href, label, icon: Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href}>
            <Link
              href={href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
                active ? "bg-brand-50 text-brand-700" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
              )}
            >
              <Icon aria-hidden className={cn("h-4 w-4", active ? "text-brand-600" : "text-zinc-400")} />
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function Account({ email, programName }: { email: string; programName: string }) {
  return (
    <div className="border-t border-zinc-200 p-3">
      <p className="truncate px-3 text-xs text-zinc-500" title={email}>
        {email}
      </p>
      <button
        type="button"
        onClick={() => signOut({ callbackUrl: "/login" })}
        className="mt-1 flex w-full items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
        aria-label={`Sign out of ${programName}`}
      >
        <LogOut aria-hidden className="h-4 w-4 text-zinc-400" />
        Sign out
      </button>
    </div>
  );
}

function Brand({ programName }: { programName: string }) {
  return (
    <Link href="/overview" className="flex items-center gap-2.5 px-3">
      <ProgramMark name={programName} />
      <span className="truncate text-sm font-semibold text-zinc-900">{programName}</span>
    </Link>
  );
}

/** The admin console's navigation: a fixed sidebar on wide screens, a drawer on phones. */
export function Sidebar({ email, programName }: { email: string; programName: string }) {
  const [open, setOpen] = useState(false);

  return (
    <>
      <aside className="fixed inset-y-0 left-0 z-30 hidden w-60 flex-col border-r border-zinc-200 bg-white lg:flex">
        <div className="flex h-16 items-center">
          <Brand programName={programName} />
        </div>
        <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-2">
          <NavList />
        </nav>
        <Account email={email} programName={programName} />
      </aside>

      <header className="sticky top-0 z-20 flex h-14 items-center justify-between border-b border-zinc-200 bg-white px-4 lg:hidden">
        <Brand programName={programName} />
        <button
          type="button"
          onClick={() => setOpen(true)}
          className="rounded-md p-2 text-zinc-600 hover:bg-zinc-100"
          aria-label="Open menu"
          aria-expanded={open}
        >
          <Menu className="h-5 w-5" aria-hidden />
        </button>
      </header>

      {open && (
        <div className="fixed inset-0 z-40 lg:hidden" role="dialog" aria-modal="true" aria-label="Menu">
          <div className="absolute inset-0 bg-zinc-900/40" onClick={() => setOpen(false)} />
          <div className="absolute inset-y-0 left-0 flex w-72 flex-col bg-white shadow-xl">
            <div className="flex h-14 items-center justify-between pr-2">
              <Brand programName={programName} />
              <button type="button" onClick={() => setOpen(false)} className="rounded-md p-2 text-zinc-600 hover:bg-zinc-100" aria-label="Close menu">
                <X className="h-5 w-5" aria-hidden />
              </button>
            </div>
            <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-2">
              <NavList onNavigate={() => setOpen(false)} />
            </nav>
            <Account email={email} programName={programName} />
          </div>
        </div>
      )}
    </>
  );
}
