import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { commissions, orders } from "@/db/schema";
import { apiKey, link, partner, settings, uid } from "@/lib/testing/fixtures";
import { expectError, expectEveryBadKeyRefused, expectNothingWritten, fromAddress, postJson, readJson, rowCounts, type Json, uniqueIp } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { POST as postClick } from "../click/route";
import { POST } from "./route";

const t = setupTestDatabase();
let key: string;

beforeAll(async () => {
  key = await apiKey(t.db);
});

const postSale = (body: unknown, options: { raw?: string; headers?: Record<string, string> } = {}) => postJson(POST, body, { key, ...options });

/** A visitor arriving through /api/track/click, as /track.js reports it. */
async function visitorThrough(ref: string): Promise<string> {
  const res = await postJson(postClick, { ref }, { headers: { ...fromAddress(uniqueIp()), "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0" } });
  expect(res.status).toBe(200);
  return (await readJson(res)).visitorId;
}

async function orderRow(orderId: string) {
  const [row] = await t.db.select().from(orders).where(eq(orders.externalId, orderId));
  return row;
}

const UUID = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

describe("POST /api/track/sale records a sale", () => {
  test("a coupon sale answers 201 {orderId, attributed, attribution, partnerId, commission}", async () => {
    const p = await partner(t.db, { couponCodes: [uid("SAVE")] });
    const orderId = uid("order-");
    const before = await rowCounts(t.db);
    const res = await postSale({ orderId, amount: 10_000, couponCode: p.couponCodes[0]!.toLowerCase(), customer: { id: uid("cust-"), email: "buyer@example.org" } });
    expect(res.status).toBe(201);
    const body = await readJson(res);
    expect(body).toEqual({
      orderId,
      attributed: true,
      attribution: "coupon",
      partnerId: p.id,
      commission: { id: UUID, amount: 1000, currency: "USD", status: "pending" },
    });
    const after = await rowCounts(t.db);
    expect([after.orders - before.orders, after.commissions - before.commissions, after.customers - before.customers]).toEqual([1, 1, 1]);
    const [c] = await t.db.select().from(commissions).where(eq(commissions.id, body.commission.id));
    expect(c).toMatchObject({ partnerId: p.id, amount: 1000, status: "pending", kind: "sale" });
  });

  test("a sale nobody referred is recorded unattributed: 201 with no commission", async () => {
    const orderId = uid("order-");
    const res = await postSale({ orderId, amount: 4_999 });
    expect(res.status).toBe(201);
    expect(await readJson(res)).toEqual({ orderId, attributed: false, attribution: "none", partnerId: null, commission: null });
    expect(await orderRow(orderId)).toMatchObject({ amount: 4_999, partnerId: null, currency: "USD" });
  });

  test("end to end: a click through the API, then a sale with its visitor id, earns the default 10 %", async () => {
    const p = await partner(t.db);
    const visitorId = await visitorThrough(p.referralCode);
    const body = await readJson(await postSale({ orderId: uid("order-"), amount: 10_000, visitorId }));
    expect(body).toMatchObject({ attributed: true, attribution: "click", partnerId: p.id, commission: { amount: 1000, currency: "USD", status: "pending" } });
  });

  test("end to end: a partner on a fixed rate earns that amount per order", async () => {
    const p = await partner(t.db, { commissionType: "fixed", commissionRate: 500 });
    const visitorId = await visitorThrough(p.referralCode);
    const body = await readJson(await postSale({ orderId: uid("order-"), amount: 10_000, visitorId }));
    expect(body).toMatchObject({ attribution: "click", partnerId: p.id, commission: { amount: 500 } });
  });

  test("end to end: a click on a custom link with its own rate earns the link's rate, and the order carries the link", async () => {
    const p = await partner(t.db, { commissionType: "fixed", commissionRate: 500 });
    const l = await link(t.db, p.id, { commissionType: "percentage", commissionRate: 2500 });
    const visitorId = await visitorThrough(l.slug);
    const orderId = uid("order-");
    const body = await readJson(await postSale({ orderId, amount: 10_000, visitorId }));
    expect(body).toMatchObject({ attribution: "click", partnerId: p.id, commission: { amount: 2500 } });
    expect((await orderRow(orderId))!.linkId).toBe(l.id);
  });

  test("with no hold period the commission is approved at once", async () => {
    const p = await partner(t.db, { couponCodes: [uid("NOHOLD")] });
    await settings(t.db, { holdDays: 0 });
    try {
      const body = await readJson(await postSale({ orderId: uid("order-"), amount: 2_000, couponCode: p.couponCodes[0] }));
      expect(body.commission).toMatchObject({ amount: 200, status: "approved" });
    } finally {
      await settings(t.db, { holdDays: 30 });
    }
  });

  test("the largest amount allowed is recorded exactly", async () => {
    const p = await partner(t.db, { couponCodes: [uid("BIG")] });
    const orderId = uid("order-");
    const res = await postSale({ orderId, amount: 1_000_000_000_000, couponCode: p.couponCodes[0] });
    expect(res.status).toBe(201);
    expect((await readJson(res)).commission.amount).toBe(100_000_000_000);
    expect((await orderRow(orderId))!.amount).toBe(1_000_000_000_000);
  });

  test("an orderId in any script is kept as sent and replays", async () => {
    const orderId = `заказ-№${uid()}-注文-😀`;
    const first = await postSale({ orderId, amount: 1234 });
    expect(first.status).toBe(201);
    expect((await readJson(first)).orderId).toBe(orderId);
    expect((await orderRow(orderId))!.amount).toBe(1234);
    expect((await postSale({ orderId, amount: 1234 })).status).toBe(200);
  });
});

describe("POST /api/track/sale counts each orderId once", () => {
  test("the same orderId and body again answers 200 with a byte-identical body and writes nothing", async () => {
    const p = await partner(t.db, { couponCodes: [uid("ONCE")] });
    const body = { orderId: uid("order-"), amount: 7_500, couponCode: p.couponCodes[0], customer: { id: uid("cust-"), name: "Ada" }, metadata: { cart: [1, 2] } };
    const first = await postSale(body);
    expect(first.status).toBe(201);
    const firstText = await first.text();
    const again = await expectNothingWritten(t.db, () => postSale(body));
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(firstText);
    // the same values with the keys in another order are the same request
    const reordered = { metadata: { cart: [1, 2] }, customer: { name: "Ada", id: body.customer.id }, couponCode: body.couponCode, amount: 7_500, orderId: body.orderId };
    const third = await postSale(reordered);
    expect(third.status).toBe(200);
    expect(await third.text()).toBe(firstText);
  });

  test("20 concurrent identical posts (a store retrying) make one order: one 201, the rest 200 with the same body", async () => {
    const p = await partner(t.db, { couponCodes: [uid("RETRY")] });
    const body = { orderId: uid("order-"), amount: 3_000, couponCode: p.couponCodes[0] };
    const before = await rowCounts(t.db);
    const answers = await Promise.all(Array.from({ length: 20 }, async () => {
      const res = await postSale(body);
      return { status: res.status, text: await res.text() };
    }));
    expect(answers.map((a) => a.status).sort((a, b) => a - b)).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    const after = await rowCounts(t.db);
    expect([after.orders - before.orders, after.commissions - before.commissions]).toEqual([1, 1]);
  });

  test("concurrent sales (which share statements) each get their own order and commission; a contested orderId has one winner, the rest 409", async () => {
    const p = await partner(t.db, { couponCodes: [uid("BATCH")] });
    const contested = uid("order-");
    const distinct = Array.from({ length: 30 }, (_, i) => ({ orderId: uid("order-"), amount: 1_000 + i * 10, couponCode: p.couponCodes[0] }));
    const rivals = Array.from({ length: 10 }, (_, i) => ({ orderId: contested, amount: 2_000 + i }));
    const before = await rowCounts(t.db);
    const answers = await Promise.all([...distinct, ...rivals].map(async (body) => ({ body, res: await postSale(body) })));
    for (const { body, res } of answers.slice(0, distinct.length)) {
      expect(res.status).toBe(201);
      expect((await readJson(res)).commission).toMatchObject({ amount: body.amount / 10, status: "pending" });
    }
    const rivalStatuses = answers.slice(distinct.length).map((a) => a.res.status);
    expect(rivalStatuses.sort((a, b) => a - b)).toEqual([201, ...Array(9).fill(409)]);
    const after = await rowCounts(t.db);
    expect([after.orders - before.orders, after.commissions - before.commissions]).toEqual([31, 30]);
  });

  test.each([
    ["another amount", { amount: 7_501 }],
    ["another coupon", { couponCode: "OTHER" }],
    ["another customer", { customer: { id: "someone-else" } }],
    ["another visitor id", { visitorId: "another_visitor_1" }],
  ])("the same orderId with %s is 409 idempotency_conflict and the order is unchanged", async (_name, change) => {
    const p = await partner(t.db, { couponCodes: [uid("CONF")] });
    const body = { orderId: uid("order-"), amount: 7_500, couponCode: p.couponCodes[0], customer: { id: uid("cust-") } };
    const first = await readJson(await postSale(body));
    const stored = await orderRow(body.orderId);
    await expectNothingWritten(t.db, async () => expectError(await postSale({ ...body, ...change }), 409, "idempotency_conflict"));
    expect(await orderRow(body.orderId)).toEqual(stored);
    const [c] = await t.db.select().from(commissions).where(eq(commissions.id, first.commission.id));
    expect(c).toMatchObject({ amount: 750, status: "pending" });
  });
});

describe("POST /api/track/sale refuses bad requests and records nothing", () => {
  test("a missing, malformed, wrong or revoked key is 401", async () => {
    await expectEveryBadKeyRefused(t.db, (headers) => postJson(POST, { orderId: uid("order-"), amount: 100 }, { headers }));
  });

  test("with tracking off it is 503 tracking_disabled", async () => {
    const p = await partner(t.db, { couponCodes: [uid("OFF")] });
    const body = { orderId: uid("order-"), amount: 100, couponCode: p.couponCodes[0] };
    await settings(t.db, { trackingEnabled: false });
    try {
      await expectNothingWritten(t.db, async () => expectError(await postSale(body), 503, "tracking_disabled"));
    } finally {
      await settings(t.db, { trackingEnabled: true });
    }
    expect((await postSale(body)).status).toBe(201);
  });

  test.each([
    ["not JSON", '{"orderId": "a", amount: 1}'],
    ["empty", ""],
    ["a JSON array", '[{"orderId":"a","amount":1}]'],
    ["JSON null", "null"],
    ["a JSON string", '"order"'],
    ["JSON true", "true"],
  ])("a body that is %s is 400 malformed_request", async (_name, raw) => {
    await expectNothingWritten(t.db, async () => expectError(await postSale(undefined, { raw }), 400, "malformed_request"));
  });

  test("a 300 KB body is 413 payload_too_large", async () => {
    const body = { orderId: uid("order-"), amount: 100, metadata: { blob: "x".repeat(300 * 1024) } };
    await expectNothingWritten(t.db, async () => expectError(await postSale(body), 413, "payload_too_large"));
  });

  test("the size limit counts bytes: 280 KB of emoji (140 K UTF-16 units) is 413 too", async () => {
    const body = { orderId: uid("order-"), amount: 100, metadata: { blob: "😀".repeat(70_000) } };
    await expectNothingWritten(t.db, async () => expectError(await postSale(body), 413, "payload_too_large"));
  });

  const orderId = "bad-" + uid();
  test.each<[string, Json, string[]]>([
    ["a string amount", { orderId, amount: "12.50" }, ["amount"]],
    ["a fractional amount", { orderId, amount: 12.5 }, ["amount"]],
    ["a negative amount", { orderId, amount: -100 }, ["amount"]],
    ["an amount of 1e20", { orderId, amount: 1e20 }, ["amount"]],
    ["an amount above 2^53", { orderId, amount: 2 ** 53 + 2 }, ["amount"]],
    ["no amount", { orderId }, ["amount"]],
    ["no orderId", { amount: 100 }, ["orderId"]],
    ["an empty orderId", { orderId: "   ", amount: 100 }, ["orderId"]],
    ["a numeric orderId", { orderId: 1001, amount: 100 }, ["orderId"]],
    ["an orderId over 200 characters", { orderId: "o".repeat(201), amount: 100 }, ["orderId"]],
    ["a NUL in the orderId", { orderId: "a\u0000b", amount: 100 }, ["orderId"]],
    ["a bad email", { orderId, amount: 100, customer: { id: "c1", email: "not-an-email" } }, ["customer.email"]],
    ["a customer with neither id nor email", { orderId, amount: 100, customer: { name: "Bob" } }, ["customer"]],
    ["a customer that is a string", { orderId, amount: 100, customer: "bob@example.com" }, ["customer"]],
    ["nested garbage in customer", { orderId, amount: 100, customer: { id: { $ne: null }, email: [1, { a: [] }] } }, ["customer.id", "customer.email"]],
    ["a NUL in the customer id", { orderId, amount: 100, customer: { id: "c\u0000" } }, ["customer.id"]],
    ["a visitor id that is not one", { orderId, amount: 100, visitorId: "'; drop table clicks; --" }, ["visitorId"]],
    ["a currency that is no code", { orderId, amount: 100, currency: "DOLLARS" }, ["currency"]],
    ["another currency than the program's", { orderId, amount: 100, currency: "eur" }, ["currency"]],
    ["a zero quantity", { orderId, amount: 100, items: [{ productId: "p1", quantity: 0, amount: 100 }] }, ["items.0.quantity"]],
    ["an item without product", { orderId, amount: 100, items: [{ quantity: 1, amount: 100 }] }, ["items.0.productId"]],
    ["isUpgrade as a string", { orderId, amount: 100, isUpgrade: "yes" }, ["isUpgrade"]],
    ["an ip that is not one", { orderId, amount: 100, ip: "999.1.1.1" }, ["ip"]],
    ["metadata that is an array", { orderId, amount: 100, metadata: [1, 2] }, ["metadata"]],
    ["a NUL in metadata", { orderId, amount: 100, metadata: { note: "a\u0000" } }, ["metadata.note"]],
    ["an unpaired surrogate in metadata", { orderId, amount: 100, metadata: { note: "\ud800" } }, ["metadata.note"]],
  ])("%s is 422 naming the field", async (_name, body, fields) => {
    await expectNothingWritten(t.db, async () => expectError(await postSale(body), 422, "invalid_request", fields));
  });

  test("metadata nested thousands of levels deep is 422, not a crash", async () => {
    const depth = 20_000;
    const raw = `{"orderId":"${uid("deep-")}","amount":100,"metadata":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}`;
    await expectNothingWritten(t.db, async () => {
      const res = await postSale(undefined, { raw });
      expect(res.status).toBe(422);
      expect((await readJson(res)).error.details[0].field).toMatch(/^metadata\.a\.a/);
    });
  });

  test("an unknown field such as orderID is 422 naming it", async () => {
    await expectNothingWritten(t.db, async () => {
      const error = await expectError(await postSale({ orderID: uid("order-"), amount: 100 }), 422, "invalid_request", ["orderId"]);
      expect(error.details!.some((d) => d.field === "orderID" || d.message.includes('"orderID"'))).toBe(true);
    });
  });
});
