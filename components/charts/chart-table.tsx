import { formatValue, type ValueFormat } from "./format";
import type { ChartPoint, ChartSeries } from "./time-series-chart";

/**
 * The numbers behind a chart as a table that only screen readers see: the accessible twin of
 * TimeSeriesChart, rendered on the server.
 */
export function ChartTable({
  caption,
  data,
  series,
  left,
  right,
  periodHeader = "Period",
}: {
  caption: string;
  data: ChartPoint[];
  series: ChartSeries[];
  left: ValueFormat;
  right?: ValueFormat;
  periodHeader?: string;
}) {
  return (
    <table className="sr-only">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{periodHeader}</th>
          {series.map((s) => (
            <th key={s.key} scope="col">
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.map((point) => (
          <tr key={point.title}>
            <th scope="row">{point.title}</th>
            {series.map((s) => (
              <td key={s.key}>{formatValue(Number(point[s.key] ?? 0), s.axis === "right" && right ? right : left)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
