import type { RefKind } from "./activity";

// The words of the activity log (lib/format/activity.ts): a title per action the services
// write, and per detail key its label and how its value reads. A new kind of audit row reads
// fine without an entry here (humanized); an entry makes it read well.

export const TITLES: Record<string, string> = {
  "admin.create": "Admin added",
  "admin.create_first": "First admin created",
  "admin.change_password": "Admin password changed",
  "admin.delete": "Admin removed",
  "api_key.create": "API key created",
  "api_key.revoke": "API key revoked",
  "commission.approve": "Commission approved",
  "commission.void": "Commission voided",
  "commission.mark_paid": "Commission marked paid",
  "commission.mark_unpaid": "Commission marked unpaid",
  "commissions.hold_reapplied": "Hold period applied to pending commissions",
  "link.create": "Link created",
  "link.update": "Link changed",
  "link.delete": "Link deleted",
  "partner.create": "Partner added",
  "partner.update": "Partner changed",
  "partner.update_settings": "Partner changed their settings",
  "partner.approve": "Partner approved",
  "partner.reject": "Partner rejected",
  "partner.suspend": "Partner suspended",
  "partner.reinstate": "Partner reinstated",
  "partner.reset_password": "Partner password reset",
  "partner.set_password": "Partner set a password",
  "partner.change_password": "Partner changed their password",
  "payout.create": "Payout recorded",
  "payout.void": "Payout voided",
  "payout_batch.create": "PayPal batch created",
  "payout_batch.paid": "PayPal batch marked paid",
  "payout_batch.cancel": "PayPal batch cancelled",
  "product.create": "Product added",
  "product.update": "Product changed",
  "product.delete": "Product deleted",
  "products.sync": "Products synced",
  "rate_group.create": "Rate group created",
  "rate_group.update": "Rate group changed",
  "rate_group.delete": "Rate group deleted",
  "sale.manual": "Sale recorded by hand",
  "seed.large": "Demo data generated",
  "settings.update": "Settings changed",
};

export type Kind =
  | "money"
  | "count"
  | "days"
  | "status"
  | "method"
  | "scope"
  | "rate"
  | "rateType"
  | "bool"
  | "actions"
  | "adjustment"
  | "fieldNames"
  | { ref: RefKind }
  | { refs: RefKind };

export interface KeySpec {
  label: string;
  kind?: Kind;
}

// Keys of the details the services write, and of the `changes` they record (partner, link,
// product and program settings fields), with how their values read.
// Fields show in this order (jsonb keeps no order of its own); unknown keys come last.
export const KEYS: Record<string, KeySpec> = {
  partnerId: { label: "Partner", kind: { ref: "partner" } },
  amount: { label: "Amount", kind: "money" },
  commission: { label: "Commission", kind: "money" },
  price: { label: "Price", kind: "money" },
  method: { label: "Method", kind: "method" },
  payoutMethod: { label: "Payout method", kind: "method" },
  saleDate: { label: "Sale date" },
  transactionId: { label: "Transaction id" },
  batchId: { label: "PayPal batch", kind: { ref: "payout_batch" } },
  reference: { label: "PayPal batch id" },
  from: { label: "From", kind: "status" },
  to: { label: "To", kind: "status" },
  status: { label: "Status", kind: "status" },
  reason: { label: "Reason" },
  adjustment: { label: "Clawback", kind: "adjustment" },
  email: { label: "Email" },
  name: { label: "Name" },
  slug: { label: "Slug" },
  destinationUrl: { label: "Destination" },
  url: { label: "URL" },
  imageUrl: { label: "Image URL" },
  referralCode: { label: "Referral code" },
  couponCodes: { label: "Coupon codes" },
  commissionType: { label: "Commission type", kind: "rateType" },
  commissionRate: { label: "Commission rate", kind: "rate" },
  rate: { label: "Rate" },
  previousRate: { label: "Previous rate" },
  products: { label: "Products", kind: { refs: "product" } },
  categories: { label: "Categories", kind: { refs: "category" } },
  payoutDetails: { label: "Payout details" },
  notes: { label: "Notes" },
  scope: { label: "Scope", kind: "scope" },
  prefix: { label: "Key starts with" },
  changed: { label: "Changed", kind: "fieldNames" },
  lines: { label: "Lines", kind: "count" },
  payouts: { label: "Payouts", kind: "count" },
  commissions: { label: "Commissions", kind: "count" },
  count: { label: "Pending commissions moved", kind: "count" },
  approved: { label: "Now payable", kind: "count" },
  skipped: { label: "Skipped", kind: "count" },
  differences: { label: "Differences", kind: "count" },
  created: { label: "Created", kind: "count" },
  updated: { label: "Updated", kind: "count" },
  endedSessions: { label: "Sessions ended", kind: "count" },
  // program settings (Settings page labels)
  minPayout: { label: "Minimum payout", kind: "money" },
  currency: { label: "Currency" },
  timezone: { label: "Time zone" },
  storeUrl: { label: "Store URL" },
  trackingEnabled: { label: "Tracking enabled", kind: "bool" },
  cookieDays: { label: "Cookie duration", kind: "days" },
  attributionModel: { label: "Attribution model" },
  lifetimeAttribution: { label: "Lifetime customer attribution", kind: "bool" },
  defaultCommissionType: { label: "Default commission type", kind: "rateType" },
  defaultCommissionRate: { label: "Default rate", kind: "rate" },
  holdDays: { label: "Hold period", kind: "days" },
  disableUpgradeReferrals: { label: "No commission on upgrades", kind: "bool" },
  brandedCoupons: { label: "Branded coupon codes", kind: "bool" },
  blockSelfReferrals: { label: "Block self-referrals", kind: "bool" },
  applicationsOpen: { label: "Accept applications", kind: "bool" },
  actionCommissions: { label: "Action commissions", kind: "actions" },
};
