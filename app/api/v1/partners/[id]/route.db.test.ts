import { beforeAll, describe, expect, test } from "vitest";
import { apiKey, partner, sale, uid } from "@/lib/testing/fixtures";
import { call, expectError, expectEveryBadKeyRefused, expectNothingWritten, getWith, readJson, request } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { GET, PATCH } from "./route";

const t = setupTestDatabase();
let key: string;

beforeAll(async () => {
  key = await apiKey(t.db);
});

const get = (id: string) => getWith(GET, `/api/v1/partners/${id}`, { key, params: { id } });
const patch = (id: string, body: unknown, raw?: string) => call(PATCH, request(`/api/v1/partners/${id}`, body, { method: "PATCH", key, raw }), { id });
const email = () => `${uid("p")}@example.com`;

describe("GET /api/v1/partners/{id}", () => {
  test("answers the partner as POST did", async () => {
    const p = await partner(t.db, { couponCodes: [uid("GET")] });
    expect(await readJson(await get(p.id))).toEqual(p);
  });

  test("an unknown or malformed id is 404", async () => {
    await expectError(await get("00000000-0000-4000-8000-000000000000"), 404, "unknown_partner");
    await expectError(await get("not-an-id"), 404, "unknown_partner");
  });

  test("a missing, wrong or revoked key gets 401", async () => {
    const p = await partner(t.db);
    await expectEveryBadKeyRefused(t.db, (headers) => getWith(GET, `/api/v1/partners/${p.id}`, { headers, params: { id: p.id } }));
  });
});

describe("PATCH /api/v1/partners/{id}", () => {
  test("changes only the fields given", async () => {
    const p = await partner(t.db, { couponCodes: [uid("KEEP")], commissionType: "percentage", commissionRate: 1500 });
    const res = await patch(p.id, { commissionType: "fixed", commissionRate: 500 });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ ...p, commissionType: "fixed", commissionRate: 500 });
    expect(await readJson(await get(p.id))).toEqual({ ...p, commissionType: "fixed", commissionRate: 500 });
  });

  test("the new rate is what the next sale earns", async () => {
    const p = await partner(t.db, { couponCodes: [uid("RATE")] });
    await patch(p.id, { commissionType: "fixed", commissionRate: 700 });
    const { body } = await sale(t.db, { amount: 10_000, couponCode: p.couponCodes[0] });
    expect(body.commission?.amount).toBe(700);
  });

  test("status, coupons and payout details", async () => {
    const p = await partner(t.db, { status: "pending" });
    const coupon = uid("NEW");
    const body = await readJson(await patch(p.id, { status: "approved", couponCodes: [coupon], payoutMethod: "paypal", payoutDetails: { email: "Pay@Example.com" } }));
    expect(body).toMatchObject({ status: "approved", couponCodes: [coupon] });
    // a null rate goes back to the program default
    expect(await readJson(await patch(p.id, { commissionType: null, commissionRate: null }))).toMatchObject({ commissionType: null, commissionRate: null, couponCodes: [coupon] });
  });

  test("bad values: 422 naming the fields, and nothing changes", async () => {
    const p = await partner(t.db);
    await expectNothingWritten(t.db, async () => {
      await expectError(await patch(p.id, { email: "nope", commissionType: "fixed", commissionRate: -5 }), 422, "invalid_request", ["email", "commissionRate"]);
      await expectError(await patch(p.id, { status: "vip" }), 422, "invalid_request", ["status"]);
      await expectError(await patch(p.id, { payoutMethod: "paypal", payoutDetails: {} }), 422, "invalid_request", ["payoutDetails.email"]);
      await expectError(await patch(p.id, { dashboardToken: "mine" }), 422, "invalid_request", ["dashboardToken"]);
      await expectError(await patch(p.id, undefined, "{bad"), 400, "malformed_request");
    });
    expect(await readJson(await get(p.id))).toEqual(p);
  });

  test("an email or coupon another partner has: 409 naming the field", async () => {
    const other = await partner(t.db, { email: email(), couponCodes: [uid("TAKEN")] });
    const p = await partner(t.db);
    await expectError(await patch(p.id, { email: other.email }), 409, "email_taken", ["email"]);
    await expectError(await patch(p.id, { couponCodes: [other.couponCodes[0]!.toLowerCase()] }), 409, "coupon_taken", ["couponCodes"]);
    expect(await readJson(await get(p.id))).toEqual(p);
  });

  test("two PATCHes of different fields at once both stick", async () => {
    const p = await partner(t.db);
    const [a, b] = await Promise.all([patch(p.id, { name: "Renamed" }), patch(p.id, { commissionType: "fixed", commissionRate: 250 })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await readJson(await get(p.id))).toMatchObject({ name: "Renamed", commissionType: "fixed", commissionRate: 250 });
  });

  test("an unknown partner is 404; a bad key 401", async () => {
    await expectError(await patch("00000000-0000-4000-8000-000000000000", { name: "x" }), 404, "unknown_partner");
    const p = await partner(t.db);
    await expectEveryBadKeyRefused(t.db, (headers) => call(PATCH, request(`/api/v1/partners/${p.id}`, { name: "x" }, { method: "PATCH", headers }), { id: p.id }));
  });
});
