import { beforeAll, describe, expect, test } from "vitest";
import { commissionListSpec } from "@/lib/schemas/commissions";
import { parseListParams, type SearchParams } from "@/lib/schemas/list-params";
import { API_ACTOR, partner, sale, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import type { Actor } from "./actor";
import { SYSTEM } from "./actor";
import { createAdmin } from "./admin-users";
import { exportCommissions, getCommission, listCommissions } from "./commission-list";
import { changeCommissionStatus } from "./commissions";
import { recordRefund } from "./tracking/refunds";

const t = setupTestDatabase();
const UTC_PLUS_2 = "Africa/Johannesburg"; // UTC+2 all year, no daylight saving time
const params = (raw: SearchParams) => parseListParams(raw, commissionListSpec);

let admin: Actor;
beforeAll(async () => {
  const created = await createAdmin(t.db, SYSTEM, { email: `${uid("admin")}@example.com`, password: "a long enough password" });
  admin = { type: "admin", id: created.id, label: created.email };
});

async function sellAt(couponCode: string, iso: string, amount = 10_000, orderId = uid("order-")) {
  const { body } = await sale(t.db, { couponCode, amount, orderId }, { now: new Date(iso) });
  return body.commission!.id;
}

describe("filters", () => {
  test("by status and partner", async () => {
    const a = await partner(t.db, { couponCodes: [uid("A")] });
    const b = await partner(t.db, { couponCodes: [uid("B")] });
    const now = new Date();
    const aIds = [await sellAt(a.couponCodes[0]!, now.toISOString()), await sellAt(a.couponCodes[0]!, now.toISOString()), await sellAt(a.couponCodes[0]!, now.toISOString())];
    await sellAt(b.couponCodes[0]!, now.toISOString());
    await changeCommissionStatus(t.db, admin, { id: aIds[0], action: "approve" });
    await changeCommissionStatus(t.db, admin, { id: aIds[1], action: "void", reason: "test order" });

    const all = await listCommissions(t.db, params({ partner: a.id }), { timezone: "UTC" });
    expect(all.total).toBe(3);
    expect(new Set(all.rows.map((r) => r.partnerId))).toEqual(new Set([a.id]));
    const pending = await listCommissions(t.db, params({ partner: a.id, status: "pending" }), { timezone: "UTC" });
    expect(pending.rows.map((r) => r.id)).toEqual([aIds[2]]);
    expect(pending.total).toBe(1);
    // the breakdown by status stays whole while one status is shown
    expect(pending.byStatus.map((s) => [s.status, s.count, s.amount])).toEqual([
      ["pending", 1, 1000],
      ["approved", 1, 1000],
      ["paid", 0, 0],
      ["void", 1, 1000],
    ]);
    const voided = await listCommissions(t.db, params({ partner: a.id, status: "void" }), { timezone: "UTC" });
    expect(voided.rows).toEqual([expect.objectContaining({ id: aIds[1], voidReason: "test order", amount: 1000, partnerName: a.name })]);
    // a filter value that makes no sense is ignored, not an error
    expect((await listCommissions(t.db, params({ partner: a.id, status: "deleted" }), { timezone: "UTC" })).total).toBe(3);
  });

  test("a date range is in the program's time zone: 23:30 UTC on the last day belongs to the next day in UTC+2", async () => {
    const p = await partner(t.db, { couponCodes: [uid("TZ")] });
    const code = p.couponCodes[0]!;
    const lateJune30 = await sellAt(code, "2024-06-30T23:30:00Z"); // July 1st, 01:30 in UTC+2
    const june30 = await sellAt(code, "2024-06-30T21:59:00Z"); // June 30th, 23:59 in UTC+2
    const june1 = await sellAt(code, "2024-05-31T22:00:00Z"); // June 1st, 00:00 in UTC+2
    const may31 = await sellAt(code, "2024-05-31T21:59:59Z"); // May 31st, 23:59:59 in UTC+2

    const june = await listCommissions(t.db, params({ partner: p.id, from: "2024-06-01", to: "2024-06-30" }), { timezone: UTC_PLUS_2 });
    expect(new Set(june.rows.map((r) => r.id))).toEqual(new Set([june30, june1]));
    const july = await listCommissions(t.db, params({ partner: p.id, from: "2024-07-01" }), { timezone: UTC_PLUS_2 });
    expect(july.rows.map((r) => r.id)).toEqual([lateJune30]);
    const untilMay = await listCommissions(t.db, params({ partner: p.id, to: "2024-05-31" }), { timezone: UTC_PLUS_2 });
    expect(untilMay.rows.map((r) => r.id)).toEqual([may31]);
    // the same range read in UTC puts the late sale on June 30th
    const juneUtc = await listCommissions(t.db, params({ partner: p.id, from: "2024-06-01", to: "2024-06-30" }), { timezone: "UTC" });
    expect(new Set(juneUtc.rows.map((r) => r.id))).toEqual(new Set([lateJune30, june30]));
  });

  test("search by order id: part of it, any case, % and _ literally", async () => {
    const p = await partner(t.db, { couponCodes: [uid("S")] });
    const tag = uid("Q");
    const hit = await sellAt(p.couponCodes[0]!, new Date().toISOString(), 5000, `${tag}-ORD_100%`);
    await sellAt(p.couponCodes[0]!, new Date().toISOString(), 5000, `${tag}-ORDX1000`);
    expect((await listCommissions(t.db, params({ q: `${tag.toLowerCase()}-ord_100%` }), { timezone: "UTC" })).rows.map((r) => r.id)).toEqual([hit]);
    expect((await listCommissions(t.db, params({ q: tag }), { timezone: "UTC" })).total).toBe(2);
  });
});

describe("totals, sorting and pages", () => {
  test("the total and the amounts per status are what the rows add up to, over every page", async () => {
    const p = await partner(t.db, { couponCodes: [uid("T")] });
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) ids.push(await sellAt(p.couponCodes[0]!, new Date(Date.now() - i * 60_000).toISOString(), 1000 + i * 137));
    for (const id of ids.slice(0, 5)) await changeCommissionStatus(t.db, admin, { id, action: "approve" });
    for (const id of ids.slice(5, 8)) await changeCommissionStatus(t.db, admin, { id, action: "void", reason: "test" });
    await changeCommissionStatus(t.db, admin, { id: ids[0], action: "mark_paid" });

    for (const sort of ["date", "amount", "status"]) {
      for (const dir of ["asc", "desc"]) {
        const seen: Awaited<ReturnType<typeof listCommissions>>["rows"] = [];
        let page: Awaited<ReturnType<typeof listCommissions>> | undefined;
        for (let n = 1; n <= 3; n++) {
          page = await listCommissions(t.db, params({ partner: p.id, sort, dir, size: "10", page: String(n) }), { timezone: "UTC" });
          seen.push(...page.rows);
        }
        expect(page!.total).toBe(23);
        expect(new Set(seen.map((r) => r.id)).size).toBe(23); // no row twice, none missing
        for (const s of page!.byStatus) {
          const rows = seen.filter((r) => r.status === s.status);
          expect(s).toEqual({ status: s.status, count: rows.length, amount: rows.reduce((sum, r) => sum + r.amount, 0) });
        }
        const keys = seen.map((r) => (sort === "amount" ? r.amount : sort === "status" ? ["pending", "approved", "paid", "void"].indexOf(r.status) : r.createdAt.getTime()));
        const sorted = [...keys].sort((x, y) => (dir === "asc" ? x - y : y - x));
        expect(keys).toEqual(sorted);
      }
    }
    const byStatus = (await listCommissions(t.db, params({ partner: p.id }), { timezone: "UTC" })).byStatus;
    expect(byStatus.map((s) => [s.status, s.count])).toEqual([
      ["pending", 15],
      ["approved", 4],
      ["paid", 1],
      ["void", 3],
    ]);
  });

  test("the export holds the same rows as the pages, with the same filters", async () => {
    const p = await partner(t.db, { couponCodes: [uid("E")] });
    for (let i = 0; i < 4; i++) await sellAt(p.couponCodes[0]!, new Date(Date.now() - i * 1000).toISOString(), 2000 + i);
    const listed = await listCommissions(t.db, params({ partner: p.id, sort: "amount", dir: "asc" }), { timezone: "UTC" });
    const exported = await exportCommissions(t.db, params({ partner: p.id, sort: "amount", dir: "asc", page: "9" }), { timezone: "UTC" });
    expect(exported.map((r) => r.id)).toEqual(listed.rows.map((r) => r.id));
  });
});

test("a commission's detail: order, refunds, and its history with who did what", async () => {
  const p = await partner(t.db, { couponCodes: [uid("D")] });
  const orderId = uid("order-");
  const id = await sellAt(p.couponCodes[0]!, new Date().toISOString(), 10_000, orderId);
  await recordRefund(t.db, { orderId, amount: 2500, refundId: uid("re_") }, { actor: API_ACTOR });
  await changeCommissionStatus(t.db, admin, { id, action: "void", reason: "customer cancelled" });

  const detail = await getCommission(t.db, id);
  expect(detail).toMatchObject({ orderExternalId: orderId, orderAmount: 10_000, refundedAmount: 2500, amount: 750, originalAmount: 1000, status: "void", voidReason: "customer cancelled" });
  expect(detail.refunds).toEqual([expect.objectContaining({ amount: 2500, commissionReduction: 250 })]);
  expect(detail.history.map((h) => [h.actor, h.fromStatus, h.toStatus, h.fromAmount, h.toAmount, h.reason])).toEqual([
    ["API", null, "pending", null, 1000, "recorded"],
    ["API", "pending", "pending", 1000, 750, expect.stringContaining("refund of 2500")],
    [admin.label, "pending", "void", 750, 750, "customer cancelled"],
  ]);
});
