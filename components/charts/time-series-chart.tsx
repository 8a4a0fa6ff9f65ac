"use client";

import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatTick, formatValue, type ValueFormat } from "./format";

// A chart over time: one point per bucket, each series drawn as an area, bars or a line on
// the left or right axis. Presentation only: the points arrive computed and labelled. Screen
// readers get the same numbers from the ChartTable beside it, so the drawing is hidden from them.

export interface ChartSeries {
  key: string;
  name: string;
  kind: "area" | "bar" | "line";
  color: string;
  axis?: "left" | "right";
}

export interface ChartPoint {
  /** Axis label, e.g. "Mar 4". */
  label: string;
  /** Tooltip heading, e.g. "Week of Mar 4, 2026". */
  title: string;
  [key: string]: string | number;
}

export function TimeSeriesChart({
  data,
  series,
  left,
  right,
  height = 280,
}: {
  data: ChartPoint[];
  series: ChartSeries[];
  left: ValueFormat;
  right?: ValueFormat;
  height?: number;
}) {
  const formatOf = (s: ChartSeries | undefined) => (s?.axis === "right" && right ? right : left);
  return (
    // overflow-hidden: until it has measured its box the chart draws at initialDimension's 600 px,
    // which on a phone would widen the page for a moment.
    <div aria-hidden className="w-full min-w-0 overflow-hidden" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
        <ComposedChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="#e4e4e7" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} minTickGap={16} stroke="#71717a" />
          <YAxis yAxisId="left" tickFormatter={(v: number) => formatTick(v, left)} allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} stroke="#71717a" width={56} />
          {right && (
            <YAxis
              yAxisId="right"
              orientation="right"
              tickFormatter={(v: number) => formatTick(v, right)}
              allowDecimals={false}
              tickLine={false}
              axisLine={false}
              fontSize={12}
              stroke="#71717a"
              width={44}
            />
          )}
          <Tooltip
            cursor={{ fill: "#f4f4f5" }}
            contentStyle={{ borderRadius: 8, fontSize: 13 }}
            labelFormatter={(label, payload) => String(payload?.[0]?.payload?.title ?? label)}
            formatter={(value, _name, item) => formatValue(Number(value ?? 0), formatOf(series.find((s) => s.key === item.dataKey)))}
          />
          <Legend iconType="circle" wrapperStyle={{ fontSize: 13 }} />
          {series.map((s) => {
            const axis = s.axis === "right" && right ? "right" : "left";
            if (s.kind === "area") {
              return <Area key={s.key} yAxisId={axis} dataKey={s.key} name={s.name} type="monotone" stroke={s.color} strokeWidth={2} fill={s.color} fillOpacity={0.12} isAnimationActive={false} />;
            }
            if (s.kind === "bar") {
              return <Bar key={s.key} yAxisId={axis} dataKey={s.key} name={s.name} fill={s.color} radius={[3, 3, 0, 0]} maxBarSize={24} isAnimationActive={false} />;
            }
            return <Line key={s.key} yAxisId={axis} dataKey={s.key} name={s.name} type="monotone" stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={false} />;
          })}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
