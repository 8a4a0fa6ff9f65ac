import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { commissions, customers } from "@/db/schema";
import { apiKey, click, partner, settings, uid } from "@/lib/testing/fixtures";
import { expectError, expectEveryBadKeyRefused, expectNothingWritten, postJson, readJson, rowCounts, type Json } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { POST as postSale } from "../sale/route";
import { POST } from "./route";

const t = setupTestDatabase();
let key: string;

beforeAll(async () => {
  key = await apiKey(t.db);
});

const postLead = (body: unknown, raw?: string) => postJson(POST, body, { key, raw });

describe("POST /api/track/lead", () => {
  test("a sign-up through a click answers 201, links the customer to the partner for life, and repeats answer 200", async () => {
    const p = await partner(t.db);
    const { visitorId } = await click(t.db, p.referralCode);
    const customerId = uid("cust-");
    const body = { eventName: "signup", customer: { id: customerId, email: "new@customer.example" }, visitorId };
    const before = await rowCounts(t.db);
    const res = await postLead(body);
    expect(res.status).toBe(201);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ eventName: "signup", customerId, attributed: true, attribution: "click", partnerId: p.id, commission: null });
    const after = await rowCounts(t.db);
    expect([after.leads - before.leads, after.customers - before.customers, after.commissions - before.commissions]).toEqual([1, 1, 0]);
    const [customer] = await t.db.select().from(customers).where(eq(customers.externalId, customerId));
    expect(customer!.partnerId).toBe(p.id);

    const again = await expectNothingWritten(t.db, () => postLead(body));
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(text);

    // a later order of that customer, with no click, is the partner's
    const sale = await readJson(await postJson(postSale, { orderId: uid("order-"), amount: 10_000, customer: { id: customerId } }, { key }));
    expect(sale).toMatchObject({ attribution: "lifetime", partnerId: p.id, commission: { amount: 1000 } });
  });

  test("with an action commission for the event, the lead earns it", async () => {
    const p = await partner(t.db, { couponCodes: [uid("LEAD")] });
    await settings(t.db, { actionCommissions: { signup: 200 } });
    try {
      const res = await postLead({ eventName: "signup", customer: { id: uid("cust-") }, couponCode: p.couponCodes[0] });
      expect(res.status).toBe(201);
      const body = await readJson(res);
      expect(body).toMatchObject({ attributed: true, attribution: "coupon", partnerId: p.id, commission: { id: expect.any(String), amount: 200, currency: "USD", status: "pending" } });
      const [c] = await t.db.select().from(commissions).where(eq(commissions.id, body.commission.id));
      expect(c).toMatchObject({ kind: "lead", amount: 200, partnerId: p.id, rateSource: "action" });
      // an event with no action commission earns nothing
      const trial = await readJson(await postLead({ eventName: "trial", customer: { id: uid("cust-") }, couponCode: p.couponCodes[0] }));
      expect(trial).toMatchObject({ attributed: true, commission: null });
    } finally {
      await settings(t.db, { actionCommissions: {} });
    }
  });

  test("a lead nobody referred is recorded unattributed with 201", async () => {
    const customerId = uid("cust-");
    const res = await postLead({ eventName: "signup", customer: { id: customerId } });
    expect(res.status).toBe(201);
    expect(await readJson(res)).toEqual({ eventName: "signup", customerId, attributed: false, attribution: "none", partnerId: null, commission: null });
  });

  test("the same customer and event with other values is 409 idempotency_conflict and nothing changes", async () => {
    const p = await partner(t.db, { couponCodes: [uid("L409")] });
    const other = await partner(t.db, { couponCodes: [uid("L409B")] });
    const body = { eventName: "signup", customer: { id: uid("cust-") }, couponCode: p.couponCodes[0] };
    expect((await postLead(body)).status).toBe(201);
    await expectNothingWritten(t.db, async () => expectError(await postLead({ ...body, couponCode: other.couponCodes[0] }), 409, "idempotency_conflict"));
    const [customer] = await t.db.select().from(customers).where(eq(customers.externalId, body.customer.id));
    expect(customer!.partnerId).toBe(p.id);
    // another event of the same customer is a new lead
    expect((await postLead({ ...body, eventName: "trial" })).status).toBe(201);
  });
});

describe("POST /api/track/lead refuses bad requests and records nothing", () => {
  test("a missing, malformed, wrong or revoked key is 401", async () => {
    await expectEveryBadKeyRefused(t.db, (headers) => postJson(POST, { eventName: "signup", customer: { id: uid("cust-") } }, { headers }));
  });

  test("with tracking off it is 503 tracking_disabled", async () => {
    await settings(t.db, { trackingEnabled: false });
    try {
      await expectNothingWritten(t.db, async () => expectError(await postLead({ eventName: "signup", customer: { id: uid("cust-") } }), 503, "tracking_disabled"));
    } finally {
      await settings(t.db, { trackingEnabled: true });
    }
  });

  test.each([
    ["not JSON", "eventName=signup"],
    ["a JSON array", "[]"],
    ["JSON null", "null"],
  ])("a body that is %s is 400 malformed_request", async (_name, raw) => {
    await expectNothingWritten(t.db, async () => expectError(await postLead(undefined, raw), 400, "malformed_request"));
  });

  test.each<[string, Json, string[]]>([
    ["no event name", { customer: { id: "c1" } }, ["eventName"]],
    ["an event name with spaces", { eventName: "sign up!", customer: { id: "c1" } }, ["eventName"]],
    ["a numeric event name", { eventName: 7, customer: { id: "c1" } }, ["eventName"]],
    ["no customer", { eventName: "signup" }, ["customer"]],
    ["a customer with an email only", { eventName: "signup", customer: { email: "a@b.example" } }, ["customer.id"]],
    ["a customer with a bad email", { eventName: "signup", customer: { id: "c1", email: "@" } }, ["customer.email"]],
    ["a customer that is an array", { eventName: "signup", customer: [{ id: "c1" }] }, ["customer"]],
    ["a customer with an unknown field", { eventName: "signup", customer: { id: "c1", phone: "555" } }, ["customer.phone"]],
    ["a visitor id that is not one", { eventName: "signup", customer: { id: "c1" }, visitorId: "x" }, ["visitorId"]],
    ["an ip that is not one", { eventName: "signup", customer: { id: "c1" }, ip: "localhost" }, ["ip"]],
    ["a NUL in the customer id", { eventName: "signup", customer: { id: "c\u0000" } }, ["customer.id"]],
  ])("%s is 422 naming the field", async (_name, body, fields) => {
    await expectNothingWritten(t.db, async () => expectError(await postLead(body), 422, "invalid_request", fields));
  });

  test("an unknown field is 422 naming it", async () => {
    await expectNothingWritten(t.db, async () => {
      const error = await expectError(await postLead({ eventName: "signup", customer: { id: "c1" }, event: "signup" }), 422, "invalid_request");
      expect(error.details!.some((d) => d.field === "event" || d.message.includes('"event"'))).toBe(true);
    });
  });
});
