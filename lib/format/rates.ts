import { bpsToPercentString, formatMoney } from "@/lib/domain/money";
import type { CommissionType } from "@/lib/schemas/enums";

/** "12.5 %" or "$5.00" for a commission rate (basis points or minor units). */
export function formatRate(type: CommissionType, rate: number, currency: string): string {
  return type === "percentage" ? `${bpsToPercentString(rate)} %` : formatMoney(rate, currency);
}

/** A partner's or link's rate, or the program default when it has none. */
export function formatRateOrDefault(type: CommissionType | null, rate: number | null, currency: string, fallback = "Program default"): string {
  return type && rate !== null ? formatRate(type, rate, currency) : fallback;
}
