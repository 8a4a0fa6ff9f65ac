import type { Metadata } from "next";
import type { FilterDef } from "@/components/data-table/types";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { parseListParams, type SearchParams } from "@/lib/schemas/list-params";
import { PAYOUT_METHOD_LABELS, payoutHistorySpec } from "@/lib/schemas/payout-lists";
import { partnerOption } from "@/lib/services/partner-options";
import { listPayouts } from "@/lib/services/payout-history";
import { getSettings } from "@/lib/services/settings";
import { PayoutTabs } from "../payout-tabs";
import { payoutRowView } from "../payout-row";
import { HistoryTable } from "./history-table";

// GET /payouts/history: every payout (voided ones too), filtered by partner, method, status
// and days in the program's time zone, searched by partner or transaction id, paged in SQL.

export const metadata: Metadata = { title: "Payout history" };

export default async function PayoutHistoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdminPage();
  const params = parseListParams(await searchParams, payoutHistorySpec);
  const db = await getDb();
  const settings = await getSettings(db);
  const [{ rows, total }, partner] = await Promise.all([listPayouts(db, params, { timezone: settings.timezone }), partnerOption(db, params.filters.partner)]);

  const filters: FilterDef[] = [
    { name: "method", label: "Method", allLabel: "All methods", options: Object.entries(PAYOUT_METHOD_LABELS).map(([value, label]) => ({ value, label })) },
    { name: "status", label: "Status", options: [{ value: "completed", label: "Completed" }, { value: "void", label: "Void" }] },
  ];

  return (
    <>
      <PageHeader title="Payouts" description="What you owe your partners, and every payment you recorded." />
      <PayoutTabs />
      <HistoryTable
        rows={rows.map((r) => payoutRowView(r, settings.timezone))}
        total={total}
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
