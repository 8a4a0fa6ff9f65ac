import { describe, expect, test } from "vitest";
import { activityRefs, activityText, formatActivity, humanizeKey, type AuditRow, type NameBook } from "./activity";

// Every kind of activity row the services write (grep recordAudit in lib/services), with the
// details they write, as a reader sees it.

const P = "9b9c1f0e-1111-4111-8111-111111111111";
const PAYOUT = "7a7a1f0e-2222-4222-8222-222222222222";
const COMMISSION = "5c5c1f0e-3333-4333-8333-333333333333";
const LINK = "4d4d1f0e-4444-4444-8444-444444444444";
const BATCH = "3e3e1f0e-5555-4555-8555-555555555555";
const GROUP = "2f2f1f0e-6666-4666-8666-666666666666";
const ADMIN = "1a1a1f0e-7777-4777-8777-777777777777";
const KEY = "0b0b1f0e-8888-4888-8888-888888888888";

const names: NameBook = {
  partner: new Map([[P, { name: "Ada Affiliate", commissionType: "percentage" }]]),
  payout: new Map([[PAYOUT, { name: "$52.80 to Ada Affiliate" }]]),
  commission: new Map([[COMMISSION, { name: "$5.00 on order ORD-1" }]]),
  link: new Map([[LINK, { name: "/a/spring", commissionType: "fixed" }]]),
  payout_batch: new Map([[BATCH, { name: "PayPal batch of $100.00 (2 lines)" }]]),
  product: new Map([["sku-1", { name: "Blue mug" }]]),
  category: new Map([["mugs", { name: "Mugs" }]]),
  rate_group: new Map([[GROUP, { name: "Mugs 20 %" }]]),
  admin_user: new Map([[ADMIN, { name: "boss@example.com" }]]),
  api_key: new Map([[KEY, { name: "Shop server" }]]),
};
const ctx = { currency: "USD", names, defaultCommissionType: "percentage" as const };

const row = (action: string, entityType: string, entityId: string | null, details: Record<string, unknown> = {}): AuditRow => ({ action, entityType, entityId, details });
const read = (r: AuditRow) => {
  const view = formatActivity(r, ctx);
  return [view.title, view.subject?.text ?? null, activityText(view)];
};

test.each([
  [row("payout.create", "payout", PAYOUT, { partnerId: P, amount: 5280, method: "stripe", transactionId: "tr_1" }), ["Payout recorded", "$52.80 to Ada Affiliate", "Partner: Ada Affiliate; Amount: $52.80; Method: Stripe; Transaction id: tr_1"]],
  [row("payout.create", "payout", PAYOUT, { partnerId: P, amount: 5000, method: "paypal", transactionId: "B-1", batchId: BATCH }), ["Payout recorded", "$52.80 to Ada Affiliate", "Partner: Ada Affiliate; Amount: $50.00; Method: PayPal; Transaction id: B-1; PayPal batch: PayPal batch of $100.00 (2 lines)"]],
  [row("payout.void", "payout", PAYOUT, { reason: "sent twice", amount: 5280, commissions: 3 }), ["Payout voided", "$52.80 to Ada Affiliate", "Amount: $52.80; Reason: sent twice; Commissions: 3"]],
  [row("payout_batch.create", "payout_batch", BATCH, { lines: 2, amount: 10_000, skipped: 1 }), ["PayPal batch created", "PayPal batch of $100.00 (2 lines)", "Amount: $100.00; Lines: 2; Skipped: 1"]],
  [row("payout_batch.paid", "payout_batch", BATCH, { reference: "PP-9", payouts: 2, amount: 10_000, differences: 0 }), ["PayPal batch marked paid", "PayPal batch of $100.00 (2 lines)", "Amount: $100.00; PayPal batch id: PP-9; Payouts: 2; Differences: 0"]],
  [row("payout_batch.cancel", "payout_batch", BATCH, { reason: "wrong file" }), ["PayPal batch cancelled", "PayPal batch of $100.00 (2 lines)", "Reason: wrong file"]],
  [row("commission.approve", "commission", COMMISSION, { from: "pending", to: "approved" }), ["Commission approved", "$5.00 on order ORD-1", "From: Pending; To: Approved"]],
  [row("commission.void", "commission", COMMISSION, { from: "paid", to: "void", reason: "fraud", adjustment: { id: "x", amount: -500 } }), ["Commission voided", "$5.00 on order ORD-1", "From: Paid; To: Void; Reason: fraud; Clawback: -$5.00"]],
  [row("commission.mark_paid", "commission", COMMISSION, { from: "approved", to: "paid" }), ["Commission marked paid", "$5.00 on order ORD-1", "From: Approved; To: Paid"]],
  [row("commission.mark_unpaid", "commission", COMMISSION, { from: "paid", to: "approved" }), ["Commission marked unpaid", "$5.00 on order ORD-1", "From: Paid; To: Approved"]],
  [row("commissions.hold_reapplied", "program_settings", "1", { holdDays: 14, count: 3, approved: 1 }), ["Hold period applied to pending commissions", "Program settings", "Pending commissions moved: 3; Now payable: 1; Hold period: 14 days"]],
  [row("sale.manual", "order", "ORD-7", { partnerId: P, amount: 12_000, commission: 1_200 }), ["Sale recorded by hand", "Order ORD-7", "Partner: Ada Affiliate; Amount: $120.00; Commission: $12.00"]],
  [row("partner.create", "partner", P, { email: "ada@example.com", status: "approved" }), ["Partner added", "Ada Affiliate", "Status: Approved"]],
  [row("partner.update", "partner", P, { changes: { commissionRate: { from: 1000, to: 1250 }, payoutMethod: { from: null, to: "paypal" }, couponCodes: { from: ["A"], to: ["A", "B"] } } }), ["Partner changed", "Ada Affiliate", "Payout method: — → PayPal; Coupon codes: A → A, B; Commission rate: 10 % → 12.5 %"]],
  [row("partner.update", "partner", P, { changes: { commissionType: { from: null, to: "fixed" }, commissionRate: { from: null, to: 500 } } }), ["Partner changed", "Ada Affiliate", "Commission type: Program default → Fixed amount; Commission rate: Program default → $5.00"]],
  [row("partner.update_settings", "partner", P, { changed: ["name", "payoutDetails"], actor: "ada@example.com" }), ["Partner changed their settings", "Ada Affiliate", "Changed: Name, Payout details"]],
  [row("partner.approve", "partner", P, { email: "ada@example.com", from: "pending", to: "approved" }), ["Partner approved", "Ada Affiliate", "From: Pending; To: Approved"]],
  [row("partner.reject", "partner", P, { email: "ada@example.com", from: "pending", to: "rejected" }), ["Partner rejected", "Ada Affiliate", "From: Pending; To: Rejected"]],
  [row("partner.suspend", "partner", P, { email: "ada@example.com", from: "approved", to: "suspended" }), ["Partner suspended", "Ada Affiliate", "From: Approved; To: Suspended"]],
  [row("partner.reinstate", "partner", P, { email: "ada@example.com", from: "suspended", to: "approved" }), ["Partner reinstated", "Ada Affiliate", "From: Suspended; To: Approved"]],
  [row("partner.reset_password", "partner", P, { email: "ada@example.com" }), ["Partner password reset", "Ada Affiliate", ""]],
  [row("partner.set_password", "partner", P), ["Partner set a password", "Ada Affiliate", ""]],
  [row("partner.change_password", "partner", P, { endedSessions: 2 }), ["Partner changed their password", "Ada Affiliate", "Sessions ended: 2"]],
  [row("link.create", "link", LINK, { slug: "spring", partnerId: P, destinationUrl: "https://shop.example.com/s" }), ["Link created", "/a/spring", "Partner: Ada Affiliate; Slug: spring; Destination: https://shop.example.com/s"]],
  [row("link.update", "link", LINK, { slug: "spring", changes: { commissionRate: { from: 500, to: 700 } } }), ["Link changed", "/a/spring", "Slug: spring; Commission rate: $5.00 → $7.00"]],
  [row("link.delete", "link", LINK, { slug: "spring", partnerId: P, destinationUrl: "https://shop.example.com/s" }), ["Link deleted", "/a/spring", "Partner: Ada Affiliate; Slug: spring; Destination: https://shop.example.com/s"]],
  [row("product.create", "product", "sku-1", { name: "Blue mug", price: 1_999, categories: ["mugs"] }), ["Product added", "Blue mug", "Price: $19.99; Categories: Mugs"]],
  [row("product.update", "product", "sku-1", { changes: { price: { from: 1_999, to: 2_499 } }, categories: [] }), ["Product changed", "Blue mug", "Price: $19.99 → $24.99; Categories: none"]],
  [row("product.delete", "product", "sku-gone", { name: "Old mug" }), ["Product deleted", "sku-gone", "Name: Old mug"]],
  [row("products.sync", "product", null, { created: 3, updated: 10 }), ["Products synced", null, "Created: 3; Updated: 10"]],
  [row("rate_group.create", "rate_group", GROUP, { name: "Mugs 20 %", rate: "20 %", products: ["sku-1"], categories: ["mugs"] }), ["Rate group created", "Mugs 20 %", "Rate: 20 %; Products: Blue mug; Categories: Mugs"]],
  [row("rate_group.update", "rate_group", GROUP, { name: "Mugs 20 %", rate: "20 %", previousRate: "15 %", products: [], categories: ["mugs"] }), ["Rate group changed", "Mugs 20 %", "Rate: 20 %; Previous rate: 15 %; Products: none; Categories: Mugs"]],
  [row("rate_group.delete", "rate_group", "00000000-0000-4000-8000-000000000000", { name: "Gone", rate: "5 %" }), ["Rate group deleted", "a deleted rate group", "Name: Gone; Rate: 5 %"]],
  [row("settings.update", "program_settings", "1", { changes: { minPayout: { from: 0, to: 5_000 }, holdDays: { from: 30, to: 14 }, trackingEnabled: { from: true, to: false }, actionCommissions: { from: {}, to: { signup: 200 } } } }), ["Settings changed", "Program settings", "Minimum payout: $0.00 → $50.00; Tracking enabled: On → Off; Hold period: 30 days → 14 days; Action commissions: none → signup: $2.00"]],
  [row("settings.update", "program_settings", "1", { changes: { defaultCommissionRate: { from: 1000, to: 1500 } } }), ["Settings changed", "Program settings", "Default rate: 10 % → 15 %"]],
  [row("admin.create", "admin_user", ADMIN, { email: "boss@example.com" }), ["Admin added", "boss@example.com", ""]],
  [row("admin.create_first", "admin_user", ADMIN, { email: "boss@example.com" }), ["First admin created", "boss@example.com", ""]],
  [row("admin.change_password", "admin_user", ADMIN, { actor: "boss@example.com" }), ["Admin password changed", "boss@example.com", ""]],
  [row("admin.delete", "admin_user", "00000000-0000-4000-8000-00000000dead", { email: "gone@example.com" }), ["Admin removed", "a removed admin", "Email: gone@example.com"]],
  [row("api_key.create", "api_key", KEY, { name: "Shop server", scope: "tracking", prefix: "sk_ab12" }), ["API key created", "Shop server", "Scope: Tracking only; Key starts with: sk_ab12"]],
  [row("api_key.revoke", "api_key", KEY, { name: "Shop server", prefix: "sk_ab12" }), ["API key revoked", "Shop server", "Key starts with: sk_ab12"]],
  [row("seed.large", "program", null, { partners: 100, clicks: 5_000, orders: 300 }), ["Demo data generated", null, "Partners: 100; Clicks: 5,000; Orders: 300"]],
])("%#: %o", (r, expected) => {
  expect(read(r)).toEqual(expected);
});

describe("links and unknown things", () => {
  test("people and objects link to their pages", () => {
    const view = formatActivity(row("payout.create", "payout", PAYOUT, { partnerId: P, amount: 5280, method: "stripe" }), ctx);
    expect(view.subject).toEqual({ text: "$52.80 to Ada Affiliate", href: `/payouts/${PAYOUT}` });
    expect(view.fields.find((f) => f.key === "partnerId")?.value).toEqual([{ text: "Ada Affiliate", href: `/partners/${P}` }]);
    const commission = formatActivity(row("commission.approve", "commission", COMMISSION, { from: "pending", to: "approved" }), ctx);
    expect(commission.subject?.href).toBe(`/commissions/${COMMISSION}`);
  });

  test("a partner deleted since is said so, with no link", () => {
    const view = formatActivity(row("sale.manual", "order", "ORD-9", { partnerId: "00000000-0000-4000-8000-000000000001", amount: 100 }), ctx);
    expect(view.fields[0]).toEqual({ key: "partnerId", label: "Partner", value: [{ text: "a deleted partner" }] });
  });

  test("an unknown action and unknown fields still read: humanized key, value as text", () => {
    const view = formatActivity(row("webhook.endpoint_disabled", "webhook", "w1", { failedDeliveries: 12, lastStatusCode: null, tags: ["a", "b"], extra: { retryIn: "5m" }, ok: false }), ctx);
    expect(view.title).toBe("Webhook endpoint disabled");
    expect(activityText(view)).toBe("Failed deliveries: 12; Last status code: —; Tags: a, b; Extra: Retry in: 5m; Ok: No");
    expect(humanizeKey("transactionId")).toBe("Transaction id");
  });

  test("money in the program's currency", () => {
    expect(activityText(formatActivity(row("payout.void", "payout", PAYOUT, { amount: 5280 }), { ...ctx, currency: "EUR" }))).toBe("Amount: €52.80");
  });
});

test("activityRefs collects every id the page must name, by kind, once each", () => {
  const refs = activityRefs([
    row("payout.create", "payout", PAYOUT, { partnerId: P, batchId: BATCH }),
    row("sale.manual", "order", "ORD-7", { partnerId: P }),
    row("rate_group.create", "rate_group", GROUP, { products: ["sku-1", "sku-2"], categories: ["mugs"] }),
    row("link.create", "link", LINK, { partnerId: P }),
  ]);
  expect(refs.partner).toEqual([P]);
  expect(refs.payout).toEqual([PAYOUT]);
  expect(refs.payout_batch).toEqual([BATCH]);
  expect(refs.product).toEqual(["sku-1", "sku-2"]);
  expect(refs.category).toEqual(["mugs"]);
  expect(refs.rate_group).toEqual([GROUP]);
  expect(refs.link).toEqual([LINK]);
  expect(refs.commission).toEqual([]);
});
