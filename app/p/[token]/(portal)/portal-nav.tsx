"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** Dashboard, Promote, Settings: a full-width row of tabs on phones, inline on wider screens. */
export function PortalNav({ base }: { base: string }) {
  const pathname = usePathname();
  const items = [
    { href: base, label: "Dashboard" },
    { href: `${base}/promote`, label: "Promote" },
    { href: `${base}/settings`, label: "Settings" },
  ];
  return (
    <nav aria-label="Portal" className="order-last w-full sm:order-none sm:w-auto">
      <ul className="flex gap-1 overflow-x-auto">
        {items.map(({ href, label }) => {
          const active = href === base ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "block rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap transition-colors",
                  active ? "bg-brand-50 text-brand-700" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
                )}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
