import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { partners } from "@/db/schema";
import { appUrl } from "@/lib/env";
import { hashDashboardToken } from "@/lib/services/partner-tokens";
import { apiKey, link, partner, uid } from "@/lib/testing/fixtures";
import { expectError, expectEveryBadKeyRefused, expectNothingWritten, fromAddress, getWith, postJson, readJson, rowCounts, type Json, uniqueIp } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { POST as postClick } from "../../track/click/route";
import { GET, POST } from "./route";

const t = setupTestDatabase();
let key: string;

beforeAll(async () => {
  key = await apiKey(t.db);
});

const postPartner = (body: unknown, raw?: string) => postJson(POST, body, { key, raw });
const email = () => `${uid("partner-")}@example.com`;

describe("POST /api/v1/partners", () => {
  test("creates an approved partner: 201 with its links and coupons", async () => {
    const address = email();
    const coupon = uid("WELCOME");
    const before = await rowCounts(t.db);
    const res = await postPartner({ name: "  Jane Doe ", email: address.toUpperCase(), couponCodes: [coupon] });
    expect(res.status).toBe(201);
    const body = await readJson(res);
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: "Jane Doe",
      email: address,
      status: "approved",
      referralCode: expect.stringMatching(/^jane-doe-[a-z0-9]{4}$/),
      couponCodes: [coupon],
      commissionType: null,
      commissionRate: null,
      referralLink: `${appUrl()}/r/${body.referralCode}`,
      dashboardUrl: expect.stringMatching(new RegExp(`^${appUrl()}/p/[A-Za-z0-9_-]{22,}$`)),
    });
    const after = await rowCounts(t.db);
    expect([after.partners - before.partners, after.couponCodes - before.couponCodes]).toEqual([1, 1]);
    // the dashboard URL is the partner's own: its token is the stored one
    const token = body.dashboardUrl.split("/p/")[1];
    const [row] = await t.db.select().from(partners).where(eq(partners.id, body.id));
    expect(row!.dashboardTokenHash).toBe(hashDashboardToken(token));
  });

  test("takes the status, referral code and rate it is given", async () => {
    const referralCode = uid("jd_");
    const body = await readJson(await postPartner({ name: "JD", email: email(), status: "pending", referralCode, commissionType: "fixed", commissionRate: 500 }));
    expect(body).toMatchObject({ status: "pending", referralCode, commissionType: "fixed", commissionRate: 500, couponCodes: [], referralLink: `${appUrl()}/r/${referralCode}` });
  });

  test("two partners never share a dashboard URL", async () => {
    const a = await readJson(await postPartner({ name: "Same Name", email: email() }));
    const b = await readJson(await postPartner({ name: "Same Name", email: email() }));
    expect(a.dashboardUrl).not.toBe(b.dashboardUrl);
    expect(a.referralCode).not.toBe(b.referralCode);
  });
});

describe("POST /api/v1/partners conflicts are 409 and write nothing", () => {
  test("an email that is taken (in any case) is 409 naming email", async () => {
    const existing = await partner(t.db);
    await expectNothingWritten(t.db, async () => expectError(await postPartner({ name: "Copy", email: existing.email.toUpperCase() }), 409, "email_taken", ["email"]));
  });

  test("a coupon code that is taken (in any case) is 409 naming couponCodes, and the partner is not created", async () => {
    const coupon = uid("SUMMER");
    await partner(t.db, { couponCodes: [coupon] });
    const address = email();
    await expectNothingWritten(t.db, async () => {
      const error = await expectError(await postPartner({ name: "Late", email: address, couponCodes: [uid("OK"), coupon.toLowerCase()] }), 409, "coupon_taken", ["couponCodes"]);
      expect(error.message).toContain(coupon.toLowerCase());
    });
    expect(await t.db.select().from(partners).where(eq(partners.email, address))).toHaveLength(0);
  });

  test("a referral code that is taken (in any case) is 409 naming referralCode", async () => {
    const existing = await partner(t.db);
    await expectNothingWritten(t.db, async () => expectError(await postPartner({ name: "Copy", email: email(), referralCode: existing.referralCode.toUpperCase() }), 409, "referral_code_taken", ["referralCode"]));
  });

  // A `ref` names a referral code or a link slug and a referral code wins (resolveRef), so a
  // partner created with a code equal to an existing slug takes every ?ref=<slug> click of
  // that link, which belongs to another partner. createLink refuses the mirror case (a slug
  // equal to an existing code); createPartner does not look at slugs.
  test("a referral code equal to another partner's link slug is refused, and the link's clicks stay its owner's", async () => {
    const owner = await partner(t.db);
    const l = await link(t.db, owner.id, { slug: uid("promo-") });
    const res = await postPartner({ name: "Hijack", email: email(), referralCode: l.slug.toUpperCase() });
    const click = await readJson(await postJson(postClick, { ref: l.slug }, { headers: { ...fromAddress(uniqueIp()) } }));
    expect(click).toMatchObject({ partnerId: owner.id, linkId: l.id });
    await expectError(res, 409, "referral_code_taken", ["referralCode"]);
  });
});

describe("POST /api/v1/partners refuses bad requests and writes nothing", () => {
  test("a missing, malformed, wrong or revoked key is 401", async () => {
    await expectEveryBadKeyRefused(t.db, (headers) => postJson(POST, { name: "No Key", email: email() }, { headers }));
  });

  test.each([
    ["not JSON", "name=Jane"],
    ["a JSON array", '[{"name":"Jane","email":"j@example.com"}]'],
    ["JSON null", "null"],
  ])("a body that is %s is 400 malformed_request", async (_name, raw) => {
    await expectNothingWritten(t.db, async () => expectError(await postPartner(undefined, raw), 400, "malformed_request"));
  });

  test("a 300 KB body is 413 payload_too_large", async () => {
    await expectNothingWritten(t.db, async () => expectError(await postPartner({ name: "Big", email: email(), payoutDetails: { note: "x".repeat(300 * 1024) } }), 413, "payload_too_large"));
  });

  test.each<[string, Json, string[]]>([
    ["no name", { email: "a@example.com" }, ["name"]],
    ["a blank name", { name: "   ", email: "a@example.com" }, ["name"]],
    ["no email", { name: "A" }, ["email"]],
    ["a bad email", { name: "A", email: "not-an-email" }, ["email"]],
    ["an unknown status", { name: "A", email: "a@example.com", status: "boss" }, ["status"]],
    ["coupons on a pending partner", { name: "A", email: "a@example.com", status: "pending", couponCodes: ["PENDING10"] }, ["couponCodes"]],
    ["coupons on a suspended partner", { name: "A", email: "a@example.com", status: "suspended", couponCodes: ["SUSP10"] }, ["couponCodes"]],
    ["a coupon with a space", { name: "A", email: "a@example.com", couponCodes: ["SAVE 10"] }, ["couponCodes.0"]],
    ["the same coupon twice in another case", { name: "A", email: "a@example.com", couponCodes: ["TWICE10", "twice10"] }, ["couponCodes.1"]],
    ["couponCodes that is a string", { name: "A", email: "a@example.com", couponCodes: "SAVE10" }, ["couponCodes"]],
    ["a referral code with a slash", { name: "A", email: "a@example.com", referralCode: "a/b" }, ["referralCode"]],
    ["a type without a rate", { name: "A", email: "a@example.com", commissionType: "percentage" }, ["commissionRate"]],
    ["a rate without a type", { name: "A", email: "a@example.com", commissionRate: 500 }, ["commissionType"]],
    ["a percentage above 100 %", { name: "A", email: "a@example.com", commissionType: "percentage", commissionRate: 10_001 }, ["commissionRate"]],
    ["a negative rate", { name: "A", email: "a@example.com", commissionType: "fixed", commissionRate: -1 }, ["commissionRate"]],
    ["a rate of 1e20", { name: "A", email: "a@example.com", commissionType: "fixed", commissionRate: 1e20 }, ["commissionRate"]],
    ["a rate as a string", { name: "A", email: "a@example.com", commissionType: "fixed", commissionRate: "5.00" }, ["commissionRate"]],
    ["a NUL in the name", { name: "Jane\u0000", email: "a@example.com" }, ["name"]],
  ])("%s is 422 naming the field", async (_name, body, fields) => {
    await expectNothingWritten(t.db, async () => expectError(await postPartner(body), 422, "invalid_request", fields));
  });

  test("an unknown field is 422 naming it", async () => {
    await expectNothingWritten(t.db, async () => {
      const error = await expectError(await postPartner({ name: "A", email: email(), coupon: "X" }), 422, "invalid_request");
      expect(error.details!.some((d) => d.field === "coupon" || d.message.includes('"coupon"'))).toBe(true);
    });
  });
});


describe("GET /api/v1/partners", () => {
  const list = (query = "") => getWith(GET, `/api/v1/partners${query}`, { key });

  test("lists partners newest first as POST answered them, paged by cursor", async () => {
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await readJson(await postPartner({ name: `Lister ${i}`, email: email(), status: "suspended" })));
    const first = await readJson(await list("?status=suspended&limit=2"));
    expect(first.items).toEqual([made[2], made[1]]);
    const second = await readJson(await list(`?status=suspended&limit=2&cursor=${first.nextCursor}`));
    expect(second).toEqual({ items: [made[0]], nextCursor: null });
  });

  test("finds a partner by email whatever its case", async () => {
    const address = email();
    const made = await readJson(await postPartner({ name: "Finder", email: address }));
    expect((await readJson(await list(`?email=${encodeURIComponent(address.toUpperCase())}`))).items).toEqual([made]);
  });

  test("bad filters answer 422; a bad key 401", async () => {
    await expectError(await list("?status=vip"), 422, "invalid_request", ["status"]);
    await expectError(await list("?limit=1000"), 422, "invalid_request", ["limit"]);
    await expectEveryBadKeyRefused(t.db, (headers) => getWith(GET, "/api/v1/partners", { headers }));
  });
});
