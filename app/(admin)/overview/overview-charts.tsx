import { BUCKET_NAMES, ChartCard } from "@/components/charts/chart-card";
import { ChartTable } from "@/components/charts/chart-table";
import type { ValueFormat } from "@/components/charts/format";
import { TimeSeriesChart, type ChartPoint, type ChartSeries } from "@/components/charts/time-series-chart";
import { bucketLabel, type Period } from "@/lib/domain/date-range";
import type { SeriesPoint } from "@/lib/services/overview/get-overview";

const MONEY_SERIES: ChartSeries[] = [
  { key: "revenue", name: "Revenue", kind: "area", color: "#4f46e5" },
  { key: "commissions", name: "Commissions", kind: "line", color: "#059669" },
];
const TRAFFIC_SERIES: ChartSeries[] = [
  { key: "clicks", name: "Clicks", kind: "bar", color: "#a5b4fc" },
  { key: "conversions", name: "Conversions", kind: "line", color: "#d97706", axis: "right" },
];

/** Revenue and commissions; clicks and conversions; per bucket of the period. */
export function OverviewCharts({ series, period, currency }: { series: SeriesPoint[]; period: Period; currency: string }) {
  const data: ChartPoint[] = series.map((p) => {
    const label = bucketLabel(p.key, period.bucket);
    return { label: label.short, title: label.long, revenue: p.revenue, commissions: p.commissions, clicks: p.clicks, conversions: p.conversions };
  });
  const money: ValueFormat = { style: "money", currency };
  const count: ValueFormat = { style: "count" };
  const per = `per ${BUCKET_NAMES[period.bucket].toLowerCase()}`;
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <ChartCard id="chart-money" title="Revenue and commissions" description={`Referred revenue net of refunds, and commissions earned (not void), ${per}.`}>
        <TimeSeriesChart data={data} series={MONEY_SERIES} left={money} />
        <ChartTable caption={`Revenue and commissions ${per}`} periodHeader={BUCKET_NAMES[period.bucket]} data={data} series={MONEY_SERIES} left={money} />
      </ChartCard>
      <ChartCard id="chart-traffic" title="Clicks and conversions" description={`Counted clicks on partner links, and referred orders, ${per}.`}>
        <TimeSeriesChart data={data} series={TRAFFIC_SERIES} left={count} right={count} />
        <ChartTable caption={`Clicks and conversions ${per}`} periodHeader={BUCKET_NAMES[period.bucket]} data={data} series={TRAFFIC_SERIES} left={count} right={count} />
      </ChartCard>
    </div>
  );
}
