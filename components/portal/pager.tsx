import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";

// Previous / next for a portal list whose page sits in the URL under its own name, keeping
// every other parameter (the range, the other list's page) as it is.

const fmt = new Intl.NumberFormat("en-US");

export function pageHref(base: string, current: Record<string, string | undefined>, name: string, page: number): string {
  const query = new URLSearchParams(Object.entries(current).filter((e): e is [string, string] => !!e[1]));
  if (page <= 1) query.delete(name);
  else query.set(name, String(page));
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

export function Pager({
  base,
  current,
  name,
  page,
  size,
  total,
  shown,
  label,
}: {
  base: string;
  current: Record<string, string | undefined>;
  name: string;
  page: number;
  size: number;
  total: number;
  shown: number;
  label: string;
}) {
  const pages = Math.max(1, Math.ceil(total / size));
  if (total <= size && page === 1) return null;
  const from = total === 0 ? 0 : (page - 1) * size + 1;
  const to = (page - 1) * size + shown;
  const step = (target: number, text: string, icon: React.ReactNode, disabled: boolean) =>
    disabled ? (
      <span className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-zinc-300" aria-disabled="true">
        {icon}
        {text}
      </span>
    ) : (
      <Link href={pageHref(base, current, name, target)} scroll={false} className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-zinc-700 hover:bg-zinc-100">
        {icon}
        {text}
      </Link>
    );
  return (
    <nav aria-label={`${label} pages`} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-zinc-600">
      <p data-testid={`${name}-pages`}>{total === 0 ? "Nothing on this page" : `${fmt.format(from)}–${fmt.format(to)} of ${fmt.format(total)}`}</p>
      <div className="flex items-center gap-1">
        {step(page - 1, "Previous", <ChevronLeft className="h-4 w-4" aria-hidden />, page <= 1)}
        {step(page + 1, "Next", <ChevronRight className="h-4 w-4" aria-hidden />, page >= pages)}
      </div>
    </nav>
  );
}
