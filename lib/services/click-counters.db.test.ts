import { eq, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { clickQuarterHours, clicks, linkClickTotals, partnerClickTotals } from "@/db/schema";
import { hashIp } from "@/lib/server/ip-hash";
import { click, link, partner } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";

const t = setupTestDatabase();

test("the click counters always equal counting the clicks that count", async () => {
  const p = await partner(t.db);
  const l = await link(t.db, p.id);
  const at = new Date("2026-03-01T10:07:00Z");
  await click(t.db, p.referralCode, { now: at });
  await click(t.db, l.slug, { now: at, ipHash: hashIp("192.0.2.9") });
  await click(t.db, l.slug, { now: at, ipHash: hashIp("192.0.2.9") }); // a repeat: declined
  await click(t.db, l.slug, { now: at, userAgent: "Googlebot/2.1" }); // a bot: declined
  // concurrent clicks go through one batch statement; the trigger counts batches too
  await Promise.all(Array.from({ length: 7 }, () => click(t.db, p.referralCode, { now: new Date("2026-03-01T10:20:00Z") })));

  const [byPartner] = await t.db.select().from(partnerClickTotals).where(eq(partnerClickTotals.partnerId, p.id));
  const [byLink] = await t.db.select().from(linkClickTotals).where(eq(linkClickTotals.linkId, l.id));
  const [counted] = await t.db.select({ n: sql<number>`count(*)::int` }).from(clicks).where(sql`${clicks.partnerId} = ${p.id} and ${clicks.declinedReason} is null`);
  expect(byPartner!.clicks).toBe(counted!.n);
  expect(byPartner!.clicks).toBe(9);
  expect(byLink!.clicks).toBe(1);
  const buckets = await t.db.select().from(clickQuarterHours).where(sql`${clickQuarterHours.bucket} >= '2026-03-01' and ${clickQuarterHours.bucket} < '2026-03-02'`);
  expect(buckets.map((b) => [b.bucket.toISOString(), b.clicks]).sort()).toEqual([
    ["2026-03-01T10:00:00.000Z", 2],
    ["2026-03-01T10:15:00.000Z", 7],
  ]);
});
