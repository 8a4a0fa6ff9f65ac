import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatMoney } from "@/lib/domain/money";
import { formatDate } from "@/lib/format/dates";
import { customerListSpec } from "@/lib/schemas/customers";
import { parseListParams, type SearchParams } from "@/lib/schemas/list-params";
import { partnerOption } from "@/lib/services/partner-options";
import { listCustomers, type CustomerListRow } from "@/lib/services/customers";
import { getSettings } from "@/lib/services/settings";
import { CustomersTable, type CustomerRowView } from "./customers-table";

// GET /customers: customers acquired through referrals, with their partner and what they
// brought: orders, revenue net of refunds, commission. Search, partner filter (?partner=<id>),
// sort by first order, orders or revenue; paged in SQL.

export const metadata: Metadata = { title: "Customers" };

function rowView(r: CustomerListRow, currency: string, timezone: string): CustomerRowView {
  const title = r.name ?? r.email ?? r.externalId;
  const parts = [r.name && r.email ? r.email : null, !r.externalId.startsWith("email:") && r.externalId !== title ? r.externalId : null];
  const subtitle = parts.filter(Boolean).join(" · ") || null;
  return {
    id: r.id,
    title,
    subtitle,
    externalId: r.externalId,
    partnerId: r.partnerId,
    partnerName: r.partnerName,
    referredAt: r.referredAt ? formatDate(r.referredAt, timezone) : null,
    firstOrderAt: r.firstOrderAt ? formatDate(r.firstOrderAt, timezone) : null,
    orders: r.orders,
    revenue: formatMoney(r.revenue, currency),
    commission: formatMoney(r.commission, currency),
  };
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdminPage();
  const params = parseListParams(await searchParams, customerListSpec);
  const db = await getDb();
  const settings = await getSettings(db);
  const { rows, total } = await listCustomers(db, params);
  const partner = await partnerOption(db, params.filters.partner);

  return (
    <>
      <PageHeader title="Customers" description="Customers your partners brought in. A referred customer stays with their partner for later orders when lifetime attribution is on." />
      <CustomersTable
        rows={rows.map((r) => rowView(r, settings.currency, settings.timezone))}
        total={total}
        state={{ q: params.q, sort: params.sort, dir: params.dir, page: params.page, size: params.size }}
        partner={partner ? { value: partner.id, label: partner.name, detail: partner.email } : undefined}
      />
    </>
  );
}
