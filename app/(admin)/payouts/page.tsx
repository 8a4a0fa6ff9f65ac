import type { Metadata } from "next";
import { redirect } from "next/navigation";
import type { FilterDef } from "@/components/data-table/types";
import { KpiCard } from "@/components/ui/kpi-card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatMoney } from "@/lib/domain/money";
import { parseListParams, type SearchParams } from "@/lib/schemas/list-params";
import { dueListSpec, PAYOUT_METHOD_LABELS } from "@/lib/schemas/payout-lists";
import { inOpenBatchesTotal, listDuePartners, pendingTotal } from "@/lib/services/payout-due";
import { getSettings } from "@/lib/services/settings";
import { dueRowView } from "./due-row";
import { DueTable } from "./due-table";
import { PayoutTabs } from "./payout-tabs";

// GET /payouts: the Due tab. Partners whose balance (approved commissions minus clawbacks,
// not yet paid, not in an open PayPal batch) is at least the minimum payout, paged, sorted and
// searched in SQL; pay one, the selected, or all of them; export the list, or make a PayPal
// batch (its mass-payout file) of the selected.

export const metadata: Metadata = { title: "Payouts" };

export default async function PayoutsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdminPage();
  const raw = await searchParams;
  // The partner page's "View all payouts" links here with ?partner=<id>: that is the history.
  if (typeof raw.partner === "string") redirect(`/payouts/history?partner=${encodeURIComponent(raw.partner)}`);
  const params = parseListParams(raw, dueListSpec);
  const db = await getDb();
  const settings = await getSettings(db);
  const { rows, summary } = await listDuePartners(db, params, { minPayout: settings.minPayout });
  const [inHold, inBatches] = await Promise.all([pendingTotal(db), inOpenBatchesTotal(db)]);
  const money = (minor: number) => formatMoney(minor, settings.currency);

  const filters: FilterDef[] = [
    {
      name: "method",
      label: "Payout method",
      allLabel: "All methods",
      options: [...Object.entries(PAYOUT_METHOD_LABELS).map(([value, label]) => ({ value, label })), { value: "none", label: "Not set" }],
    },
  ];

  return (
    <>
      <PageHeader title="Payouts" description="What you owe your partners, and every payment you recorded." />
      <PayoutTabs />
      <dl className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <KpiCard label="Due now" value={money(summary.amount)} testId="due-total" hint={`${summary.partners.toLocaleString("en-US")} partner${summary.partners === 1 ? "" : "s"}${params.q || params.filters.method ? " listed" : ""}`} />
        <KpiCard label="In open PayPal batches" value={money(inBatches)} testId="in-batches-total" hint="Exported, waiting to be marked paid (PayPal batches tab)" />
        <KpiCard label="In hold period" value={money(inHold)} testId="in-hold-total" hint="Pending commissions; due once their hold period ends" />
        <KpiCard
          label="Minimum payout"
          value={settings.minPayout ? money(settings.minPayout) : "None"}
          testId="min-payout"
          hint="Balances below it carry over (Settings)"
        />
      </dl>
      <DueTable
        rows={rows.map((r) => dueRowView(r, settings.currency, settings.timezone))}
        total={summary.partners}
        state={{ q: params.q, sort: params.sort, dir: params.dir, page: params.page, size: params.size }}
        filters={filters}
        method={params.filters.method}
      />
    </>
  );
}
