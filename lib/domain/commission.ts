import type { RateSource } from "@/lib/schemas/enums";
import { percentOf } from "./money";
import type { Rate } from "./rates";

// What a partner earns for one sale (SPEC.md §2 "Commission for a sale"), first match wins:
//   1. the custom link's rate, for sales through that link, on the whole order;
//   2. per line item, the product's or its category's rate group (fixed × quantity);
//   3. the partner's rate, then 4. the program default, on the rest of the order.
// "The rest" is the order amount minus the lines a rate group priced, so discounts,
// shipping and items outside every group follow the partner/program rate, and an order
// whose items have no group earns exactly what it would earn without items. Fixed partner
// and program rates are per order. Upgrades (when switched off) and blocked self-referrals
// earn nothing. Nothing here does I/O.

export interface SaleLine {
  productId: string;
  quantity: number;
  /** Line total in minor units. */
  amount: number;
}

export interface CommissionInput {
  /** Order total in minor units. */
  amount: number;
  items: SaleLine[];
  linkRate: Rate | null;
  /** The rate group rate of a line's product (product rule before category rule), or null. */
  groupRateFor: (productId: string) => Rate | null;
  partnerRate: Rate | null;
  programRate: Rate;
  isUpgrade: boolean;
  disableUpgradeReferrals: boolean;
  selfReferral: boolean;
  blockSelfReferrals: boolean;
}

export interface CommissionResult {
  amount: number;
  source: RateSource;
  /** The single rate applied, or null when rate groups and a base rate were mixed. */
  rate: Rate | null;
  /** Set when the sale earns nothing by rule. */
  voidReason: "upgrade" | "self_referral" | null;
}

function apply(rate: Rate, amount: number, quantity = 1): number {
  return rate.type === "percentage" ? percentOf(amount, rate.value) : rate.value * quantity;
}

export function computeCommission(input: CommissionInput): CommissionResult {
  const base = input.partnerRate ? { rate: input.partnerRate, source: "partner" as const } : { rate: input.programRate, source: "program" as const };

  if (input.isUpgrade && input.disableUpgradeReferrals) return { amount: 0, source: base.source, rate: null, voidReason: "upgrade" };
  if (input.selfReferral && input.blockSelfReferrals) return { amount: 0, source: base.source, rate: null, voidReason: "self_referral" };

  if (input.linkRate) {
    return { amount: Math.max(0, apply(input.linkRate, input.amount)), source: "link", rate: input.linkRate, voidReason: null };
  }

  let groupTotal = 0;
  let groupedAmount = 0;
  let ungroupedLines = 0;
  const groupRates: Rate[] = [];
  for (const line of input.items) {
    const rate = input.groupRateFor(line.productId);
    if (rate) {
      groupTotal += apply(rate, line.amount, line.quantity);
      groupedAmount += line.amount;
      groupRates.push(rate);
    } else {
      ungroupedLines++;
    }
  }

  if (groupRates.length === 0) {
    return { amount: Math.max(0, apply(base.rate, input.amount)), source: base.source, rate: base.rate, voidReason: null };
  }

  // Lines a group priced are done; the base rate takes what is left of the order.
  const rest = Math.max(0, input.amount - groupedAmount);
  const restEarns = base.rate.type === "percentage" ? percentOf(rest, base.rate.value) : ungroupedLines > 0 ? base.rate.value : 0;
  const single = ungroupedLines === 0 && rest === 0 && groupRates.every((r) => r.type === groupRates[0]!.type && r.value === groupRates[0]!.value);
  return {
    amount: Math.max(0, groupTotal + restEarns),
    source: "rate_group",
    rate: single ? groupRates[0]! : null,
    voidReason: null,
  };
}
