import type { Metadata } from "next";
import { ActivityCharts } from "@/components/portal/activity-charts";
import { ActivityCards, EarningsCards } from "@/components/portal/earnings-cards";
import { CommissionsTable, PayoutsTable } from "@/components/portal/history-tables";
import { BucketLinks, PresetRangeLinks } from "@/components/period-links";
import { StatusNotice } from "@/components/portal/status-notice";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { formatLocalDate } from "@/lib/domain/date-range";
import { requirePortalPartner } from "@/lib/portal/session";
import { parseRangeParams } from "@/lib/schemas/date-range";
import type { SearchParams } from "@/lib/schemas/list-params";
import { parsePortalPage } from "@/lib/schemas/portal-lists";
import { portalActivity } from "@/lib/services/portal/activity";
import { portalEarnings } from "@/lib/services/portal/earnings";
import { portalCommissions, portalPayouts } from "@/lib/services/portal/history";
import { portalPayoutTiming } from "@/lib/services/portal/payout-timing";
import { getSettings } from "@/lib/services/settings";

// GET /p/<token>: the partner's dashboard. Earnings (paid, next payout, pending), the
// period's clicks, conversions and commissions with charts (?range=7d|30d|90d|12m&bucket=),
// and their commissions (?commissions=<page>) and payouts (?payouts=<page>). Every figure
// is read for the signed-in partner only; one who is not approved sees why, and no figures.

export const metadata: Metadata = { title: "Dashboard" };

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function span(from: string, to: string): string {
  return from === to ? formatLocalDate(from) : `${formatLocalDate(from)} – ${formatLocalDate(to)}`;
}

export default async function PortalDashboardPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<SearchParams> }) {
  const { token } = await params;
  const partner = await requirePortalPartner(token);
  if (partner.status !== "approved") {
    return (
      <div className="space-y-6">
        <PageHeader title={`Welcome, ${partner.name}`} />
        <StatusNotice status={partner.status} />
      </div>
    );
  }

  const raw = await searchParams;
  const db = await getDb();
  const settings = await getSettings(db);
  const earnings = await portalEarnings(db, partner.id);
  const [activity, commissions, payouts, timing] = await Promise.all([
    portalActivity(db, partner.id, parseRangeParams(raw)),
    portalCommissions(db, partner.id, parsePortalPage(raw, "commissions")),
    portalPayouts(db, partner.id, parsePortalPage(raw, "payouts")),
    portalPayoutTiming(db, partner.id),
  ]);
  const base = `/p/${partner.token}`;
  const current = Object.fromEntries(["range", "from", "to", "bucket", "commissions", "payouts"].map((k) => [k, one(raw[k])]));
  const context = { base, current, timezone: settings.timezone };
  const { period } = activity;

  return (
    <div className="space-y-8">
      <PageHeader title={`Welcome, ${partner.name}`} description="Your earnings and how your links perform." />
      <EarningsCards earnings={earnings} timing={timing} program={settings} />
      <section aria-labelledby="activity-title" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="activity-title" className="text-lg font-semibold text-zinc-900">
              Performance
            </h2>
            <p className="text-sm text-zinc-500" data-testid="portal-period">
              {span(period.from, period.to)} · {period.timeZone}
            </p>
          </div>
          <PresetRangeLinks base={base} period={period} scroll={false} />
        </div>
        <ActivityCards activity={activity} />
        <div className="flex justify-end">
          <BucketLinks base={base} period={period} scroll={false} />
        </div>
        <ActivityCharts series={activity.series} period={period} currency={activity.currency} />
      </section>
      <CommissionsTable list={commissions} context={context} />
      <PayoutsTable list={payouts} context={context} />
    </div>
  );
}
