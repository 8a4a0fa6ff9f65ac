import type { PartnerPlan } from "./partners";
import type { Customer, Device } from "./people";

// The events the demo seed plans (traffic.ts) and replays through the app's services
// (replay.ts), in time order.

export const DAY_MS = 86_400_000;

export interface ClickEvent {
  kind: "click";
  at: Date;
  ref: string;
  visitorId: string;
  device: Device;
  landingUrl: string;
  referrer: string | null;
}

export interface OrderPlan {
  /** Numbered in time order once every order is planned. */
  orderId: string;
  at: Date;
  customer: Customer;
  items: { productId: string; quantity: number; amount: number }[];
  amount: number;
  device: Device;
  visitorId?: string;
  couponCode?: string;
  isUpgrade?: boolean;
  /** The partner certain to be credited: an approved partner's coupon, or their click well inside the window. */
  viaPartner?: PartnerPlan;
}

export interface LeadEvent {
  kind: "lead";
  at: Date;
  customer: Customer;
  device: Device;
  visitorId?: string;
  couponCode?: string;
}

export interface SaleEvent {
  kind: "sale";
  at: Date;
  order: OrderPlan;
}

export interface RefundEvent {
  kind: "refund";
  at: Date;
  order: OrderPlan;
  refundId: string;
  /** Omitted: whatever is left of the order. */
  amount?: number;
}

/** The merchant pays every partner who is due (the Payouts page's "Pay all due"). */
export interface PayoutRunEvent {
  kind: "payout_run";
  at: Date;
  /** Seeds the transaction ids of this run's payments. */
  seed: number;
}

export type SeedEvent = ClickEvent | LeadEvent | SaleEvent | RefundEvent | PayoutRunEvent;
