import { eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { apiKeys, couponCodes, payouts, trackingEvents } from "@/db/schema";
import { SYSTEM } from "@/lib/services/actor";
import { createApiKey } from "@/lib/services/api-keys";
import { recordAudit } from "@/lib/services/audit";
import { logTrackingEvent } from "@/lib/services/tracking-events";
import { partner, uid } from "./fixtures";
import { expectNothingWritten } from "./http";
import { setupTestDatabase } from "./test-database";

// The "nothing written" check itself: it must notice a write to any table, also one that
// leaves every count as it was, and let the request log grow (that is what it is for).

const t = setupTestDatabase();

async function expectCaught(write: () => Promise<unknown>): Promise<void> {
  await expect(expectNothingWritten(t.db, write)).rejects.toThrow(/tables changed by a request that should write nothing/);
}

describe("expectNothingWritten", () => {
  test("passes for reads, and answers what the request answered", async () => {
    await partner(t.db);
    expect(await expectNothingWritten(t.db, async () => (await t.db.select().from(payouts)).length)).toBe(0);
  });

  test("catches a payout, an audit entry and an API key", async () => {
    const p = await partner(t.db);
    await expectCaught(() => t.db.insert(payouts).values({ partnerId: p.id, amount: 1_000, currency: "USD", method: "paypal" }));
    await expectCaught(() => recordAudit(t.db, SYSTEM, "partner.updated", { type: "partner", id: p.id }));
    await expectCaught(() => createApiKey(t.db, SYSTEM, { name: uid("key ") }));
  });

  test("catches an update that changes no count: a key's last use", async () => {
    const key = await createApiKey(t.db, SYSTEM, { name: uid("key ") });
    await expectCaught(() => t.db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, key.id)));
  });

  test("catches a delete and an insert that cancel out", async () => {
    const p = await partner(t.db, { couponCodes: [uid("OLD")] });
    await expectCaught(async () => {
      await t.db.delete(couponCodes).where(eq(couponCodes.partnerId, p.id));
      await t.db.insert(couponCodes).values({ partnerId: p.id, code: uid("NEW") });
    });
  });

  test("covers a table no list names: one a later migration adds", async () => {
    await t.db.execute(sql`create table later_table (id int primary key, note text)`);
    await t.db.execute(sql`insert into later_table values (1, 'a')`);
    await expectCaught(() => t.db.execute(sql`update later_table set note = 'b' where id = 1`));
    await t.db.execute(sql`drop table later_table`);
  });

  test("lets the request log grow, but not change the rows it held", async () => {
    await logTrackingEvent(t.db, { kind: "sale", status: 422, outcome: "invalid_request" });
    await expectNothingWritten(t.db, () => logTrackingEvent(t.db, { kind: "sale", status: 401, outcome: "invalid_key" }));
    await expectCaught(() => t.db.update(trackingEvents).set({ outcome: "rewritten" }).where(eq(trackingEvents.status, 422)));
    await expectCaught(() => t.db.delete(trackingEvents).where(eq(trackingEvents.status, 401)));
  });
});
