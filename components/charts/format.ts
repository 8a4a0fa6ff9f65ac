import { formatMoney, minorUnitDigits } from "@/lib/domain/money";

// How a chart writes its values: money in the program's currency, or plain counts.

export type ValueFormat = { style: "money"; currency: string } | { style: "count" };

const counts = new Intl.NumberFormat("en-US");

/** The full value, for tooltips and tables: "$1,234.50", "1,234". */
export function formatValue(value: number, format: ValueFormat): string {
  return format.style === "money" ? formatMoney(value, format.currency) : counts.format(value);
}

/** A short value for an axis tick: "$1.2K", "12K". */
export function formatTick(value: number, format: ValueFormat): string {
  if (format.style === "count") return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat("en-US", { style: "currency", currency: format.currency, notation: "compact", maximumFractionDigits: 1 }).format(
    value / 10 ** minorUnitDigits(format.currency),
  );
}
