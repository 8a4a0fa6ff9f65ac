import type { Metadata } from "next";
import Link from "next/link";
import { BucketLinks } from "@/components/period-links";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatLocalDate } from "@/lib/domain/date-range";
import { parseRangeParams } from "@/lib/schemas/date-range";
import type { SearchParams } from "@/lib/schemas/list-params";
import { getOverview } from "@/lib/services/overview/get-overview";
import { OverviewCards } from "./overview-cards";
import { GettingStarted } from "./getting-started";
import { OverviewCharts } from "./overview-charts";
import { OwedNowCard } from "./owed-now-card";
import { RangePicker } from "./range-picker";
import { TopPartnersTable } from "./top-partners-table";

// GET /overview: the program at a glance for a date range (?range=7d|30d|90d|12m|custom
// &from&to&bucket): cards with the change against the previous period, charts over time and
// the top partners. What each figure means: lib/services/overview/get-overview.ts.

export const metadata: Metadata = { title: "Overview" };

const link = "font-medium text-brand-700 hover:underline";

function span(from: string, to: string): string {
  return from === to ? formatLocalDate(from) : `${formatLocalDate(from)} – ${formatLocalDate(to)}`;
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdminPage();
  const params = parseRangeParams(await searchParams);
  const overview = await getOverview(await getDb(), params);
  const { period, currency } = overview;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Overview"
        description={
          <span data-testid="overview-period">
            {span(period.from, period.to)}, compared with {span(period.previousFrom, period.previousTo)} · {period.timeZone}
          </span>
        }
      />
      <GettingStarted />
      <OwedNowCard owed={overview.owedNow} currency={currency} />
      <RangePicker period={period} />
      <OverviewCards cards={overview.cards} currency={currency} />
      {overview.hasActivity ? (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 className="text-lg font-semibold text-zinc-900">Over time</h2>
            <BucketLinks base="/overview" period={period} />
          </div>
          <OverviewCharts series={overview.series} period={period} currency={currency} />
          <TopPartnersTable rows={overview.topPartners} currency={currency} />
        </>
      ) : (
        <Card className="p-10 text-center" data-testid="overview-empty">
          <p className="text-base font-medium text-zinc-900">Your program is ready</p>
          <p className="mx-auto mt-2 max-w-md text-sm text-zinc-500">
            No referred sales yet — share a partner link or connect your store in{" "}
            <Link href="/settings/integration" className={link}>
              Settings → Integration
            </Link>
            . Charts and your top <Link href="/partners" className={link}>partners</Link> appear here once clicks and sales come in.
          </p>
        </Card>
      )}
    </div>
  );
}
