import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatMoney } from "@/lib/domain/money";
import { formatDate } from "@/lib/format/dates";
import { formatRateOrDefault } from "@/lib/format/rates";
import { offsetOf, parseListParams, type SearchParams } from "@/lib/schemas/list-params";
import { partnerListSpec } from "@/lib/schemas/partners";
import { approveDueCommissions } from "@/lib/services/commissions-hold";
import { listPartners, type PartnerListRow } from "@/lib/services/partner-list";
import { getSettings } from "@/lib/services/settings";
import { PartnersTable, type PartnerTableRow } from "./partners-table";

export const metadata: Metadata = { title: "Partners" };

function tableRow(r: PartnerListRow, currency: string, timezone: string): PartnerTableRow {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    status: r.status,
    rate: formatRateOrDefault(r.commissionType, r.commissionRate, currency, "Default"),
    customRate: r.commissionType !== null,
    couponCodes: r.couponCodes,
    clicks: r.clicks,
    conversions: r.conversions,
    revenue: formatMoney(r.revenue, currency),
    commissions: formatMoney(r.commissions, currency),
    balance: formatMoney(r.balance, currency),
    negativeBalance: r.balance < 0,
    pending: formatMoney(r.pending, currency),
    joined: formatDate(r.createdAt, timezone),
    joinedIso: r.createdAt.toISOString(),
  };
}

export default async function PartnersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdminPage();
  const params = parseListParams(await searchParams, partnerListSpec);
  const db = await getDb();
  await approveDueCommissions(db);
  const [settings, { rows, total }] = await Promise.all([
    getSettings(db),
    listPartners(db, { q: params.q, status: params.filters.status, sort: params.sort, dir: params.dir, limit: params.size, offset: offsetOf(params) }),
  ]);

  return (
    <>
      <PageHeader
        title="Partners"
        description="Everyone promoting your store: their codes, rates, results and what you owe them."
        actions={
          <Link href="/partners/new" className={buttonClasses("primary")}>
            <Plus className="h-4 w-4" aria-hidden /> Add partner
          </Link>
        }
      />
      <PartnersTable
        rows={rows.map((r) => tableRow(r, settings.currency, settings.timezone))}
        total={total}
        state={{ q: params.q, sort: params.sort, dir: params.dir, page: params.page, size: params.size }}
        status={params.filters.status}
      />
    </>
  );
}
