import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { deviceLabel } from "@/lib/domain/user-agent";
import { formatDateTime } from "@/lib/format/dates";
import { parseClickListParams } from "@/lib/schemas/click-list";
import type { SearchParams } from "@/lib/schemas/list-params";
import { listClicks, type ClickLogRow } from "@/lib/services/click-list";
import { partnerOption } from "@/lib/services/partner-options";
import { getSettings } from "@/lib/services/settings";
import { ClicksTable, type ClickTableRow } from "./clicks-table";

export const metadata: Metadata = { title: "Clicks" };

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host || url;
  } catch {
    return url.slice(0, 60);
  }
}

function tableRow(r: ClickLogRow, timeZone: string): ClickTableRow {
  return {
    id: String(r.id),
    time: formatDateTime(r.createdAt, timeZone),
    timeIso: r.createdAt.toISOString(),
    partnerName: r.partnerName,
    referralCode: r.referralCode,
    linkSlug: r.linkSlug,
    landingUrl: r.landingUrl,
    referrer: r.referrer,
    referrerHost: hostOf(r.referrer),
    device: r.agent?.device ?? null,
    deviceLabel: r.agent ? deviceLabel(r.agent.device) : "Unknown",
    browser: r.agent?.browser ?? null,
    os: r.agent?.os ?? null,
    userAgent: r.userAgent,
    declinedReason: r.declinedReason,
    converted: r.converted,
  };
}

export default async function ClicksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdminPage();
  const params = parseClickListParams(await searchParams);
  const db = await getDb();
  const settings = await getSettings(db);
  const [result, partner] = await Promise.all([
    listClicks(db, { filters: params.filters, dir: params.dir, page: params.page, size: params.size, timeZone: settings.timezone }),
    partnerOption(db, params.filters.partner),
  ]);

  return (
    <>
      <PageHeader
        title="Clicks"
        description={`Every visit through a referral or custom link, with the ones that did not count and why. Times in ${settings.timezone}.`}
      />
      <ClicksTable
        rows={result.rows.map((r) => tableRow(r, settings.timezone))}
        total={result.total}
        capped={result.capped}
        state={{ q: params.q, sort: params.sort, dir: params.dir, page: params.page, size: params.size }}
        filters={params.filters}
        partner={partner ? { value: partner.id, label: partner.name, detail: partner.email } : undefined}
      />
    </>
  );
}
