import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { customers, leads } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { API_ACTOR, click, partner, sale, settings, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { recordLead } from "./leads";

const t = setupTestDatabase();
const lead = async (body: Parameters<typeof recordLead>[1]) => recordLead(t.db, body, { actor: API_ACTOR, settings: await settings(t.db) });

describe("leads", () => {
  test("a sign-up through a click links the customer to the partner and earns the action commission", async () => {
    await settings(t.db, { actionCommissions: { signup: 200 } });
    const p = await partner(t.db);
    const visit = await click(t.db, p.referralCode);
    const customer = { id: uid("cust-") };
    const { created, body } = await lead({ eventName: "signup", customer, visitorId: visit.visitorId });
    expect(created).toBe(true);
    expect(body).toMatchObject({ eventName: "signup", customerId: customer.id, attribution: "click", partnerId: p.id, commission: { amount: 200, status: "pending" } });
    const [row] = await t.db.select().from(customers).where(eq(customers.externalId, customer.id));
    expect(row!.partnerId).toBe(p.id);
    // the customer's later purchase, with no click, is the partner's
    expect((await sale(t.db, { customer })).body).toMatchObject({ attribution: "lifetime", partnerId: p.id });
  });

  test("an event without a configured action commission earns nothing but still links the customer", async () => {
    const p = await partner(t.db, { couponCodes: [uid("L")] });
    const { body } = await lead({ eventName: "trial_started", customer: { id: uid("c-") }, couponCode: p.couponCodes[0] });
    expect(body).toMatchObject({ attribution: "coupon", partnerId: p.id, commission: null });
  });

  test("once per customer and event: a repeat answers the same, other values 409", async () => {
    const p = await partner(t.db, { couponCodes: [uid("L")] });
    const customer = { id: uid("c-") };
    const first = await lead({ eventName: "signup", customer, couponCode: p.couponCodes[0] });
    const again = await lead({ eventName: "signup", customer, couponCode: p.couponCodes[0] });
    expect(again.created).toBe(false);
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(first.body));
    await expect(lead({ eventName: "signup", customer })).rejects.toBeInstanceOf(ConflictError);
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => lead({ eventName: "newsletter", customer })));
    expect(concurrent.filter((r) => r.created)).toHaveLength(1);
    const rows = await t.db.select().from(leads).innerJoin(customers, eq(customers.id, leads.customerId)).where(eq(customers.externalId, customer.id));
    expect(rows).toHaveLength(2);
  });

  test("an unattributed lead is recorded with no partner", async () => {
    const { body } = await lead({ eventName: "signup", customer: { id: uid("c-") } });
    expect(body).toMatchObject({ attributed: false, attribution: "none", partnerId: null, commission: null });
  });
});
