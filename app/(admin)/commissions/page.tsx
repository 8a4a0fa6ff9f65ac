import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import type { FilterDef } from "@/components/data-table/types";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatMoney } from "@/lib/domain/money";
import { commissionListSpec } from "@/lib/schemas/commissions";
import { parseListParams, type SearchParams } from "@/lib/schemas/list-params";
import { listCommissions, type StatusTotal } from "@/lib/services/commission-list";
import { partnerOption } from "@/lib/services/partner-options";
import { getSettings } from "@/lib/services/settings";
import { commissionRowView } from "./commission-row";
import { CommissionsTable } from "./commissions-table";

// GET /commissions: every commission, filtered by status, partner (?partner=<id>, which the
// partner page links to) and days in the program's time zone; searched by order id; sorted by
// date, amount or status; paged in SQL. Totals per status cover every page.

export const metadata: Metadata = { title: "Commissions" };

const STATUS_LABELS = { pending: "Pending", approved: "Approved", paid: "Paid", void: "Void" } as const;

function statusHref(raw: SearchParams, status: string | undefined): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v !== undefined && key !== "page" && key !== "status") query.set(key, v);
  }
  if (status) query.set("status", status);
  return query.size ? `/commissions?${query}` : "/commissions";
}

function StatusTotals({ totals, active, raw, currency }: { totals: StatusTotal[]; active?: string; raw: SearchParams; currency: string }) {
  return (
    <nav aria-label="Totals by status" className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-4">
      {totals.map((t) => {
        const selected = active === t.status;
        return (
          <Link
            key={t.status}
            href={statusHref(raw, selected ? undefined : t.status)}
            aria-current={selected ? "true" : undefined}
            data-testid={`total-${t.status}`}
            className={cn(
              "rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-zinc-200 transition-colors hover:ring-brand-300",
              selected && "ring-2 ring-brand-500 hover:ring-brand-500",
            )}
          >
            <span className="block text-xs font-medium tracking-wide text-zinc-500 uppercase">{STATUS_LABELS[t.status]}</span>
            <span className="mt-1 block text-lg font-semibold text-zinc-900" data-numeric>
              {formatMoney(t.amount, currency)}
            </span>
            <span className="block text-xs text-zinc-500" data-numeric>
              {t.count.toLocaleString("en-US")} commission{t.count === 1 ? "" : "s"}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}

export default async function CommissionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdminPage();
  const raw = await searchParams;
  const params = parseListParams(raw, commissionListSpec);
  const db = await getDb();
  const settings = await getSettings(db);
  const page = await listCommissions(db, params, { timezone: settings.timezone });
  const partner = await partnerOption(db, params.filters.partner);

  const filters: FilterDef[] = [
    { name: "status", label: "Status", options: Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })) },
  ];

  return (
    <>
      <PageHeader
        title="Commissions"
        description="What partners earned for each sale and lead: approve, void, or mark as paid by hand. Pending commissions are approved automatically when their hold period ends."
        actions={
          <Link href="/commissions/new" className={buttonClasses("primary")}>
            <Plus className="h-4 w-4" aria-hidden /> Record a sale
          </Link>
        }
      />
      <StatusTotals totals={page.byStatus} active={params.filters.status} raw={raw} currency={settings.currency} />
      <CommissionsTable
        rows={page.rows.map((r) => commissionRowView(r, settings.timezone))}
        total={page.total}
        state={{ q: params.q, sort: params.sort, dir: params.dir, page: params.page, size: params.size }}
        filters={filters}
        partner={partner ? { value: partner.id, label: partner.name, detail: partner.email } : undefined}
        from={params.filters.from}
        to={params.filters.to}
        timezone={settings.timezone}
      />
    </>
  );
}
