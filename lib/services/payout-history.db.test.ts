import { describe, expect, test } from "vitest";
import { parseListParams } from "@/lib/schemas/list-params";
import { payoutHistorySpec } from "@/lib/schemas/payout-lists";
import { API_ACTOR, partner, sale, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM, type Actor } from "./actor";
import { createAdmin } from "./admin-users";
import { exportPayouts, getPayout, listPayouts } from "./payout-history";
import { createPayout, voidPayout } from "./payouts";
import { recordRefund } from "./tracking/refunds";

// The payout history and a payout's page: what it paid, who recorded it, and a void.

const t = setupTestDatabase();
const old = () => new Date(Date.now() - 40 * 86_400_000);

describe("payout history", () => {
  test("a payout's commissions and clawbacks, who recorded it, filters, and a void that releases them", async () => {
    const admin = await createAdmin(t.db, SYSTEM, { email: `${uid("admin")}@example.com`, password: "a long enough password" });
    const actor: Actor = { type: "admin", id: admin.id, label: admin.email };
    const p = await partner(t.db, { name: uid("Hist "), couponCodes: [uid("H")], payoutMethod: "paypal", payoutDetails: { email: "h@example.com" } });
    const first = (await sale(t.db, { amount: 10_000, couponCode: p.couponCodes[0] }, { now: old() })).body;
    const paid = await createPayout(t.db, API_ACTOR, { partnerId: p.id, transactionId: "PP-1" });
    await recordRefund(t.db, { orderId: first.orderId, amount: 5_000 }, { actor: API_ACTOR }); // −500
    const second = (await sale(t.db, { amount: 30_000, couponCode: p.couponCodes[0] }, { now: old() })).body; // +3000
    const netted = await createPayout(t.db, actor, { partnerId: p.id, method: "other", note: "cheque 17" });
    expect(netted.amount).toBe(2500);

    const detail = await getPayout(t.db, netted.id);
    expect(detail).toMatchObject({ amount: 2500, method: "other", note: "cheque 17", status: "completed", recordedBy: admin.email, partnerName: p.name });
    expect(detail.commissions.map((c) => [c.orderId, c.amount])).toEqual([[second.orderId, 3000]]);
    expect(detail.adjustments.map((a) => a.amount)).toEqual([-500]);
    expect((await getPayout(t.db, paid.id)).recordedBy).toBe(API_ACTOR.label);

    const byPartner = (query: Record<string, string>) => listPayouts(t.db, parseListParams({ partner: p.id, ...query }, payoutHistorySpec), { timezone: "UTC" });
    expect((await byPartner({})).rows.map((r) => r.id)).toEqual([netted.id, paid.id]);
    expect((await byPartner({ method: "paypal" })).rows.map((r) => r.id)).toEqual([paid.id]);
    expect((await byPartner({ q: "PP-1" })).total).toBe(1);

    await voidPayout(t.db, actor, netted.id, { reason: "cheque bounced" });
    const voided = await getPayout(t.db, netted.id);
    expect(voided).toMatchObject({ status: "void", voidReason: "cheque bounced", voidedBy: admin.email, commissions: [], adjustments: [] });
    expect((await byPartner({ status: "void" })).rows.map((r) => r.id)).toEqual([netted.id]);
    const csv = await exportPayouts(t.db, parseListParams({ partner: p.id, sort: "amount", dir: "asc" }, payoutHistorySpec), { timezone: "UTC" });
    expect(csv.map((r) => [r.amount, r.status])).toEqual([
      [1000, "completed"],
      [2500, "void"],
    ]);
    await expect(getPayout(t.db, "not-a-uuid")).rejects.toMatchObject({ status: 404 });
  });
});
