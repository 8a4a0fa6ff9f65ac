"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";

export interface ActivityPoint {
  /** "Mar 5" */
  label: string;
  clicks: number;
  conversions: number;
}

/** Clicks (bars, left axis) and conversions (line, right axis) per day. */
export function ActivityChart({ data }: { data: ActivityPoint[] }) {
  return (
    <ComposedChart data={data} responsive style={{ width: "100%", height: 260 }} margin={{ top: 8, right: 4, bottom: 0, left: -16 }} accessibilityLayer>
      <CartesianGrid vertical={false} stroke="#e4e4e7" />
      <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} minTickGap={16} stroke="#71717a" />
      <YAxis yAxisId="clicks" allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} stroke="#71717a" />
      <YAxis yAxisId="conversions" orientation="right" allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} stroke="#71717a" />
      <Tooltip cursor={{ fill: "#f4f4f5" }} contentStyle={{ borderRadius: 8, fontSize: 13 }} />
      <Legend iconType="circle" wrapperStyle={{ fontSize: 13 }} />
      <Bar yAxisId="clicks" dataKey="clicks" name="Clicks" fill="#a5b4fc" radius={[3, 3, 0, 0]} maxBarSize={18} />
      <Line yAxisId="conversions" dataKey="conversions" name="Conversions" type="monotone" stroke="#059669" strokeWidth={2} dot={false} />
    </ComposedChart>
  );
}
