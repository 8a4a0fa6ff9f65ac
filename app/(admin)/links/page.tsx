import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatMoney } from "@/lib/domain/money";
import { formatDate } from "@/lib/format/dates";
import { formatRateOrDefault } from "@/lib/format/rates";
import type { SearchParams } from "@/lib/schemas/list-params";
import { parseLinkListParams } from "@/lib/schemas/links";
import { customLinkUrl, listLinks, type LinkListRow } from "@/lib/services/links";
import { partnerOption } from "@/lib/services/partner-options";
import { getSettings } from "@/lib/services/settings";
import { LinksTable, type LinkTableRow } from "./links-table";
import { NewLinkButton } from "./new-link-button";

export const metadata: Metadata = { title: "Links" };

function tableRow(r: LinkListRow, currency: string, timeZone: string): LinkTableRow {
  return {
    id: r.id,
    slug: r.slug,
    url: r.url,
    partnerId: r.partnerId,
    partnerName: r.partnerName,
    partnerEmail: r.partnerEmail,
    destinationUrl: r.destinationUrl,
    commissionType: r.commissionType,
    commissionRate: r.commissionRate,
    rate: formatRateOrDefault(r.commissionType, r.commissionRate, currency, "Partner's rate"),
    customRate: r.commissionType !== null,
    clicks: r.clicks,
    sales: r.sales,
    revenue: formatMoney(r.revenue, currency),
    commission: formatMoney(r.commission, currency),
    createdBy: r.createdBy,
    created: formatDate(r.createdAt, timeZone),
    createdIso: r.createdAt.toISOString(),
  };
}

export default async function LinksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdminPage();
  const params = parseLinkListParams(await searchParams);
  const db = await getDb();
  const [settings, { rows, total }, partner] = await Promise.all([getSettings(db), listLinks(db, params), partnerOption(db, params.filters.partner)]);
  const linkBase = customLinkUrl("");

  return (
    <>
      <PageHeader
        title="Links"
        description="Custom links of every partner: where they lead, their own rate, and what they brought in. Revenue is net of refunds; commission leaves out voided ones and what was clawed back after payout."
        actions={<NewLinkButton currency={settings.currency} linkBase={linkBase} />}
      />
      <LinksTable
        rows={rows.map((r) => tableRow(r, settings.currency, settings.timezone))}
        total={total}
        state={{ q: params.q, sort: params.sort, dir: params.dir, page: params.page, size: params.size }}
        partner={partner ? { value: partner.id, label: partner.name, detail: partner.email } : undefined}
        currency={settings.currency}
        linkBase={linkBase}
      />
    </>
  );
}
