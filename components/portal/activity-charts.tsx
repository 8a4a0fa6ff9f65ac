import { BUCKET_NAMES, ChartCard } from "@/components/charts/chart-card";
import { ChartTable } from "@/components/charts/chart-table";
import type { ValueFormat } from "@/components/charts/format";
import { TimeSeriesChart, type ChartPoint, type ChartSeries } from "@/components/charts/time-series-chart";
import { bucketLabel, type Period } from "@/lib/domain/date-range";
import type { PortalSeriesPoint } from "@/lib/services/portal/activity";

// Earnings, and clicks with conversions, per bucket of the period: the admin Overview's
// charts (components/charts) with this partner's numbers, each with its table for screen readers.

const EARNINGS: ChartSeries[] = [{ key: "commissions", name: "Commissions", kind: "area", color: "#059669" }];
const TRAFFIC: ChartSeries[] = [
  { key: "clicks", name: "Clicks", kind: "bar", color: "#a5b4fc" },
  { key: "conversions", name: "Conversions", kind: "line", color: "#d97706", axis: "right" },
];

export function ActivityCharts({ series, period, currency }: { series: PortalSeriesPoint[]; period: Period; currency: string }) {
  const data: ChartPoint[] = series.map((p) => {
    const label = bucketLabel(p.key, period.bucket);
    return { label: label.short, title: label.long, commissions: p.commissions, clicks: p.clicks, conversions: p.conversions };
  });
  const money: ValueFormat = { style: "money", currency };
  const count: ValueFormat = { style: "count" };
  const per = `per ${BUCKET_NAMES[period.bucket].toLowerCase()}`;
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <ChartCard level={3} id="chart-earnings" title="Earnings" description={`Commissions you earned (not void), ${per}.`}>
        <TimeSeriesChart data={data} series={EARNINGS} left={money} />
        <ChartTable caption={`Earnings ${per}`} periodHeader={BUCKET_NAMES[period.bucket]} data={data} series={EARNINGS} left={money} />
      </ChartCard>
      <ChartCard level={3} id="chart-traffic" title="Clicks and conversions" description={`Counted clicks on your links, and orders you referred, ${per}.`}>
        <TimeSeriesChart data={data} series={TRAFFIC} left={count} right={count} />
        <ChartTable caption={`Clicks and conversions ${per}`} periodHeader={BUCKET_NAMES[period.bucket]} data={data} series={TRAFFIC} left={count} right={count} />
      </ChartCard>
    </div>
  );
}
