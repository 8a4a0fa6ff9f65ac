"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/input";
import { PAGE_SIZES } from "@/lib/schemas/list-params";
import { useUrlParams } from "./use-url-params";

const fmt = new Intl.NumberFormat("en-US");

export function Pagination({ page, size, total, shown, capped = false }: { page: number; size: number; total: number; shown: number; capped?: boolean }) {
  const { hrefWith, setParams } = useUrlParams();
  const pages = Math.max(1, Math.ceil(total / size));
  // A capped total is a lower bound: there may be more pages while this one is full.
  const more = capped ? "+" : "";
  const lastPage = capped ? shown < size : page >= pages;
  const from = total === 0 ? 0 : (page - 1) * size + 1;
  const to = (page - 1) * size + shown;
  const link = (p: number, label: React.ReactNode, ariaLabel: string, disabled: boolean) =>
    disabled ? (
      <span className="rounded-md p-1.5 text-zinc-300" aria-disabled="true" aria-label={ariaLabel}>
        {label}
      </span>
    ) : (
      <Link href={hrefWith({ page: p }, { keepPage: true })} scroll={false} replace className="rounded-md p-1.5 text-zinc-600 hover:bg-zinc-100" aria-label={ariaLabel}>
        {label}
      </Link>
    );

  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 px-3 py-2.5 text-sm text-zinc-600 sm:px-4">
      <p data-testid="pagination-summary" data-numeric>
        {total === 0 ? "No results" : `${fmt.format(from)}–${fmt.format(to)} of ${fmt.format(total)}${more}`}
      </p>
      <div className="flex items-center gap-3">
        <label className="flex items-center gap-2 text-xs whitespace-nowrap">
          Rows per page
          {/* "!": the primitive's own w-full and h-10 would otherwise win (cn does not merge) */}
          <Select aria-label="Rows per page" value={size} onChange={(e) => setParams({ size: e.target.value })} className="h-8! w-20! py-1">
            {PAGE_SIZES.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </Select>
        </label>
        <nav aria-label="Pages" className="flex items-center gap-1">
          {link(page - 1, <ChevronLeft className="h-4 w-4" aria-hidden />, "Previous page", page <= 1)}
          <span className={cn("px-1 text-xs")} data-numeric>
            Page {fmt.format(page)} of {fmt.format(capped ? Math.max(pages, page) : pages)}
            {more}
          </span>
          {link(page + 1, <ChevronRight className="h-4 w-4" aria-hidden />, "Next page", lastPage)}
        </nav>
      </div>
    </div>
  );
}
