import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { adjustments, auditLog, commissionEvents, commissions, customers, orders, payouts } from "@/db/schema";
import type { CommissionAction } from "@/lib/domain/commission-status";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { bulkSummary } from "@/lib/schemas/commissions";
import type { CommissionStatus } from "@/lib/schemas/enums";
import { partner, sale, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import type { Actor } from "./actor";
import { SYSTEM } from "./actor";
import { createAdmin } from "./admin-users";
import { commissionHistory } from "./commission-list";
import { bulkChangeCommissions, changeCommissionStatus, recordManualSale } from "./commissions";

const t = setupTestDatabase();
let admin: Actor;

beforeAll(async () => {
  const created = await createAdmin(t.db, SYSTEM, { email: `${uid("admin")}@example.com`, password: "a long enough password" });
  admin = { type: "admin", id: created.id, label: created.email };
});

/** A commission of a fresh partner, in the given status (pending as recorded, then by hand). */
async function commissionIn(status: CommissionStatus | "paid_in_payout"): Promise<string> {
  const p = await partner(t.db, { couponCodes: [uid("C")] });
  const { body } = await sale(t.db, { couponCode: p.couponCodes[0] });
  const id = body.commission!.id;
  if (status === "pending") return id;
  if (status === "void") {
    await t.db.update(commissions).set({ status: "void", voidReason: "test" }).where(eq(commissions.id, id));
  } else if (status === "paid_in_payout") {
    const [payout] = await t.db.insert(payouts).values({ partnerId: p.id, amount: 1000, currency: "USD", method: "paypal" }).returning();
    await t.db.update(commissions).set({ status: "paid", payoutId: payout!.id }).where(eq(commissions.id, id));
  } else {
    await t.db.update(commissions).set({ status }).where(eq(commissions.id, id));
  }
  return id;
}

async function stateOf(id: string) {
  const [row] = await t.db.select().from(commissions).where(eq(commissions.id, id));
  return row!;
}

async function adminEvents(id: string) {
  return t.db.select().from(commissionEvents).where(and(eq(commissionEvents.commissionId, id), eq(commissionEvents.actorType, "admin")));
}

describe("allowed transitions", () => {
  test.each<[CommissionStatus, CommissionAction, CommissionStatus]>([
    ["pending", "approve", "approved"],
    ["pending", "void", "void"],
    ["approved", "void", "void"],
    ["approved", "mark_paid", "paid"],
    ["paid", "mark_unpaid", "approved"],
  ])("%s → %s → %s, with a history line and an audit row", async (from, action, to) => {
    const id = await commissionIn(from);
    const reason = action === "void" ? "Order cancelled by phone" : undefined;
    const change = await changeCommissionStatus(t.db, admin, { id, action, reason });
    expect(change).toEqual({ id, from, to });

    const row = await stateOf(id);
    expect(row.status).toBe(to);
    expect(row.amount).toBe(1000); // the amount is kept as is, void or not
    if (action === "void") expect(row.voidReason).toBe("Order cancelled by phone");

    const events = await adminEvents(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ fromStatus: from, toStatus: to, fromAmount: 1000, toAmount: 1000, actorType: "admin", actorId: admin.id, reason: reason ?? null });
    const history = await commissionHistory(t.db, id);
    expect(history.at(-1)).toMatchObject({ actor: admin.label, fromStatus: from, toStatus: to });

    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "commission"), eq(auditLog.entityId, id)));
    expect(audit).toEqual([expect.objectContaining({ action: `commission.${action}`, actorType: "admin", actorId: admin.id })]);
  });
});

describe("refused transitions", () => {
  test.each<[CommissionStatus | "paid_in_payout", CommissionAction, RegExp]>([
    ["approved", "approve", /Only pending commissions can be approved/],
    ["paid", "approve", /Only pending/],
    ["void", "approve", /void commission cannot be approved/],
    ["paid", "void", /cannot be voided.*clawback/],
    ["void", "void", /already void/],
    ["pending", "mark_paid", /Approve this commission before/],
    ["void", "mark_paid", /void commission cannot be marked as paid/],
    ["paid", "mark_paid", /already paid/],
    ["paid_in_payout", "mark_unpaid", /paid in a payout/],
    ["approved", "mark_unpaid", /Only a commission marked as paid/],
    ["pending", "mark_unpaid", /Only a commission marked as paid/],
  ])("%s: %s is refused with a clear message and changes nothing", async (from, action, message) => {
    const id = await commissionIn(from);
    const before = await stateOf(id);
    const attempt = changeCommissionStatus(t.db, admin, { id, action, reason: "because" });
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow(message);
    expect(await stateOf(id)).toEqual(before);
    expect(await adminEvents(id)).toEqual([]);
  });

  test("voiding a commission paid in a payout keeps the payout and claws back what was paid, once", async () => {
    const id = await commissionIn("paid_in_payout");
    const before = await stateOf(id);
    await changeCommissionStatus(t.db, admin, { id, action: "void", reason: "fraud found later" });
    expect(await stateOf(id)).toMatchObject({ status: "void", payoutId: before.payoutId, voidReason: "fraud found later" });
    const clawbacks = await t.db.select().from(adjustments).where(eq(adjustments.commissionId, id));
    expect(clawbacks.map((a) => [a.amount, a.payoutId])).toEqual([[-before.amount, null]]);
    await expect(changeCommissionStatus(t.db, admin, { id, action: "void", reason: "again" })).rejects.toThrow(/already void/);
    expect(await t.db.select().from(adjustments).where(eq(adjustments.commissionId, id))).toHaveLength(1);
  });

  test("voiding needs a reason; an unknown commission is not found", async () => {
    const id = await commissionIn("pending");
    await expect(changeCommissionStatus(t.db, admin, { id, action: "void", reason: "   " })).rejects.toThrow(InvalidError);
    expect((await stateOf(id)).status).toBe("pending");
    await expect(changeCommissionStatus(t.db, admin, { id: "00000000-0000-4000-8000-000000000000", action: "approve" })).rejects.toThrow(NotFoundError);
    await expect(changeCommissionStatus(t.db, admin, { id: "not-a-uuid", action: "approve" })).rejects.toThrow(NotFoundError);
  });
});

describe("bulk changes", () => {
  test("changes what it can and counts the rest by reason", async () => {
    const pending = await Promise.all([commissionIn("pending"), commissionIn("pending"), commissionIn("pending")]);
    const approved = await commissionIn("approved");
    const voided = await commissionIn("void");
    const result = await bulkChangeCommissions(t.db, admin, { ids: [...pending, approved, voided, pending[0]], action: "approve" });
    expect(result).toEqual({ action: "approve", changed: 3, skipped: [{ reason: "not pending", count: 2 }] });
    expect(bulkSummary(result)).toBe("3 approved, 2 skipped: not pending");
    for (const id of pending) expect((await stateOf(id)).status).toBe("approved");
    expect((await stateOf(voided)).status).toBe("void");
    expect(await adminEvents(approved)).toEqual([]);
  });

  test("bulk void takes one reason for all; paid ones are skipped", async () => {
    const ids = [await commissionIn("pending"), await commissionIn("approved"), await commissionIn("paid"), await commissionIn("void")];
    const result = await bulkChangeCommissions(t.db, admin, { ids, action: "void", reason: "Fraudulent orders" });
    expect(result.changed).toBe(2);
    expect(bulkSummary(result)).toBe("2 voided, 2 skipped: 1 already void, 1 paid");
    expect((await stateOf(ids[0]!)).voidReason).toBe("Fraudulent orders");
    expect((await stateOf(ids[1]!)).voidReason).toBe("Fraudulent orders");
    expect((await stateOf(ids[2]!)).status).toBe("paid");
    await expect(bulkChangeCommissions(t.db, admin, { ids, action: "void" })).rejects.toThrow(InvalidError);
  });

  test("bulk mark paid", async () => {
    const ids = [await commissionIn("approved"), await commissionIn("approved"), await commissionIn("pending")];
    const result = await bulkChangeCommissions(t.db, admin, { ids, action: "mark_paid" });
    expect(bulkSummary(result)).toBe("2 marked paid, 1 skipped: not approved");
  });
});

/** An outcome of Promise.allSettled as plain data: what each caller was told. */
function told(result: PromiseSettledResult<unknown>): unknown {
  if (result.status === "fulfilled") return { ok: result.value };
  const error = result.reason as ConflictError;
  return { error: error.constructor.name, code: error.code, message: error.message };
}

describe("concurrent changes to one commission", () => {
  test("approve and void at once: exactly one applies, the other is told the commission changed", async () => {
    for (let round = 0; round < 5; round++) {
      const id = await commissionIn("pending");
      const results = await Promise.allSettled([
        changeCommissionStatus(t.db, admin, { id, action: "approve", expected: "pending" }),
        changeCommissionStatus(t.db, admin, { id, action: "void", reason: "duplicate order", expected: "pending" }),
      ]);
      const approvedFirst = results[0].status === "fulfilled";
      const winner = approvedFirst ? { id, from: "pending", to: "approved" } : { id, from: "pending", to: "void" };
      const loser = { error: "ConflictError", code: "commission_changed", message: `This commission changed in the meantime: it is now ${winner.to}. Nothing was done; check it and try again.` };
      expect(results.map(told)).toEqual(approvedFirst ? [{ ok: winner }, loser] : [loser, { ok: winner }]);
      expect((await adminEvents(id)).map((e) => [e.fromStatus, e.toStatus])).toEqual([["pending", winner.to]]);
      expect((await stateOf(id)).status).toBe(winner.to);
    }
  });

  test("without the status seen, approve and void each apply to the row as the other left it", async () => {
    const id = await commissionIn("pending");
    const results = await Promise.allSettled([
      changeCommissionStatus(t.db, admin, { id, action: "approve" }),
      changeCommissionStatus(t.db, admin, { id, action: "void", reason: "duplicate order" }),
    ]);
    const history = (await adminEvents(id)).sort((a, b) => a.id - b.id).map((e) => [e.fromStatus, e.toStatus]);
    if (results[0].status === "fulfilled") {
      // the approval went first: the void then applies to the approved row
      expect(results.map(told)).toEqual([{ ok: { id, from: "pending", to: "approved" } }, { ok: { id, from: "approved", to: "void" } }]);
      expect(history).toEqual([["pending", "approved"], ["approved", "void"]]);
    } else {
      // the void went first: the approval then finds a void row and is refused
      expect(results.map(told)).toEqual([
        { error: "ConflictError", code: "invalid_transition", message: "A void commission cannot be approved." },
        { ok: { id, from: "pending", to: "void" } },
      ]);
      expect(history).toEqual([["pending", "void"]]);
    }
    expect((await stateOf(id)).status).toBe("void");
  });

  test("four approvals at once: one wins, the others are refused as already approved", async () => {
    const id = await commissionIn("pending");
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => changeCommissionStatus(t.db, admin, { id, action: "approve" })));
    const refused = { error: "ConflictError", code: "invalid_transition", message: "Only pending commissions can be approved; this one is already approved." };
    const winner = results.findIndex((r) => r.status === "fulfilled");
    expect(winner, "no approval applied").not.toBe(-1);
    expect(results.map(told)).toEqual([0, 1, 2, 3].map((i) => (i === winner ? { ok: { id, from: "pending", to: "approved" } } : refused)));
    expect((await adminEvents(id)).map((e) => [e.fromStatus, e.toStatus])).toEqual([["pending", "approved"]]);
  });

  test("two bulk approvals over the same rows change each row once", async () => {
    const ids = await Promise.all([1, 2, 3, 4].map(() => commissionIn("pending")));
    const [a, b] = await Promise.all([
      bulkChangeCommissions(t.db, admin, { ids, action: "approve" }),
      bulkChangeCommissions(t.db, admin, { ids: [...ids].reverse(), action: "approve" }),
    ]);
    expect(a.changed + b.changed).toBe(4);
    for (const id of ids) expect(await adminEvents(id)).toHaveLength(1);
  });
});

describe("manual sale", () => {
  test("a partner at a fixed 5.00 earns 5.00; attribution is manual; the admin is the actor", async () => {
    const p = await partner(t.db, { commissionType: "fixed", commissionRate: 500 });
    const orderId = uid("manual-");
    const result = await recordManualSale(t.db, admin, { partnerId: p.id, orderId, amount: "49.99", customerEmail: "Ada@Example.com" });
    expect(result).toMatchObject({ created: true, orderId, commission: { amount: 500, currency: "USD", status: "pending" } });
    const [order] = await t.db.select().from(orders).where(eq(orders.externalId, orderId));
    expect(order).toMatchObject({ amount: 4999, attribution: "manual", partnerId: p.id, createdBy: admin.id });
    const [customer] = await t.db.select().from(customers).where(eq(customers.id, order!.customerId!));
    expect(customer).toMatchObject({ email: "ada@example.com", partnerId: p.id });
    const history = await commissionHistory(t.db, result.commission!.id);
    expect(history).toEqual([expect.objectContaining({ actor: admin.label, toStatus: "pending", toAmount: 500 })]);
  });

  test("the program default (10 %) of 49.99 is 5.00, by the same rules as the API (rate groups too)", async () => {
    const p = await partner(t.db);
    const result = await recordManualSale(t.db, admin, { partnerId: p.id, orderId: uid("manual-"), amount: "49.99" });
    expect(result.commission).toMatchObject({ amount: 500 });
    const [row] = await t.db.select().from(commissions).where(eq(commissions.id, result.commission!.id));
    expect(row).toMatchObject({ rateSource: "program", rate: 1000, rateType: "percentage" });

    const withItems = await recordManualSale(t.db, admin, {
      partnerId: p.id,
      orderId: uid("manual-"),
      amount: "100",
      items: [
        { productId: "sku-1", quantity: "2", amount: "60.00" },
        { productId: "", quantity: "", amount: "" },
        { productId: "sku-2", quantity: "1", amount: "40" },
      ],
    });
    expect(withItems.commission).toMatchObject({ amount: 1000 });
  });

  test("the same order again shows the existing commission; other values are a field error on the order id", async () => {
    const p = await partner(t.db, { commissionType: "fixed", commissionRate: 500 });
    const orderId = uid("manual-");
    const first = await recordManualSale(t.db, admin, { partnerId: p.id, orderId, amount: "49.99" });
    await changeCommissionStatus(t.db, admin, { id: first.commission!.id, action: "approve" });
    const again = await recordManualSale(t.db, admin, { partnerId: p.id, orderId, amount: "49.99" });
    expect(again).toEqual({ created: false, orderId, commission: { ...first.commission, status: "approved" } });

    const error = await recordManualSale(t.db, admin, { partnerId: p.id, orderId, amount: "59.99" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).details).toEqual([{ field: "orderId", message: expect.stringContaining(`Order ${orderId} is already recorded with other values`) }]);
    expect(await t.db.select().from(orders).where(eq(orders.externalId, orderId))).toHaveLength(1);
  });

  test("only approved partners; amounts as typed; clear field errors", async () => {
    const pending = await partner(t.db, { status: "pending" });
    const notApproved = await recordManualSale(t.db, admin, { partnerId: pending.id, orderId: uid("m-"), amount: "10" }).catch((e: InvalidError) => e.details);
    expect(notApproved).toEqual([{ field: "partnerId", message: expect.stringContaining("approved partner") }]);

    const bad = await recordManualSale(t.db, admin, {
      partnerId: "",
      orderId: " ",
      amount: "49.999",
      customerEmail: "nope",
      items: [{ productId: "", quantity: "0", amount: "x" }],
    }).catch((e: InvalidError) => Object.fromEntries(e.details!.map((d) => [d.field, d.message])));
    expect(bad).toEqual({
      partnerId: expect.any(String),
      orderId: expect.any(String),
      amount: "Enter an amount in USD, e.g. 49.99.",
      customerEmail: expect.any(String),
      "items.0.productId": expect.any(String),
      "items.0.quantity": expect.any(String),
      "items.0.amount": expect.any(String),
    });
  });
});
