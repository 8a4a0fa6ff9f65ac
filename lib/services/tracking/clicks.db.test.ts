import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { clicks } from "@/db/schema";
import { hashIp } from "@/lib/server/ip-hash";
import { click, link, partner } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { resolveRef } from "./resolve-ref";

const t = setupTestDatabase();
const HOUR = 3_600_000;

describe("clicks", () => {
  test("a ref is a referral code or a link slug, in any case", async () => {
    const p = await partner(t.db, { referralCode: "Maya-Runs" });
    const l = await link(t.db, p.id, { slug: "Summer-Sale" });
    expect(await resolveRef(t.db, "maya-runs")).toMatchObject({ partnerId: p.id, linkId: null });
    expect(await resolveRef(t.db, "SUMMER-SALE")).toMatchObject({ partnerId: p.id, linkId: l.id, destinationUrl: l.destinationUrl });
    expect(await resolveRef(t.db, "nobody")).toBeUndefined();
  });

  test("a repeat by the same visitor on the same link within the hour counts once", async () => {
    const p = await partner(t.db);
    const t0 = new Date(Date.now() - 3 * HOUR);
    const first = await click(t.db, p.referralCode, { now: t0 });
    const repeat = await click(t.db, p.referralCode, { visitorId: first.visitorId, now: new Date(t0.getTime() + 30 * 60_000) });
    const later = await click(t.db, p.referralCode, { visitorId: first.visitorId, now: new Date(t0.getTime() + HOUR + 1000) });
    expect([first.declinedReason, repeat.declinedReason, later.declinedReason]).toEqual([null, "duplicate", null]);
    // the same visitor on another link of the partner is a different click
    const l = await link(t.db, p.id);
    expect((await click(t.db, l.slug, { visitorId: first.visitorId, now: new Date(t0.getTime() + 60_000) })).declinedReason).toBeNull();
  });

  test("a repeat from the same hashed IP counts once, whatever visitor id it claims", async () => {
    const p = await partner(t.db);
    const ipHash = hashIp("198.51.100.23");
    const a = await click(t.db, p.referralCode, { ipHash });
    const b = await click(t.db, p.referralCode, { ipHash });
    expect(a.visitorId).not.toBe(b.visitorId);
    expect([a.declinedReason, b.declinedReason]).toEqual([null, "duplicate"]);
  });

  test("concurrent identical clicks: exactly one counts", async () => {
    const p = await partner(t.db);
    const ipHash = hashIp("198.51.100.99");
    const results = await Promise.all(Array.from({ length: 20 }, () => click(t.db, p.referralCode, { ipHash })));
    expect(results.filter((r) => r.declinedReason === null)).toHaveLength(1);
    expect(await t.db.select().from(clicks).where(eq(clicks.partnerId, p.id))).toHaveLength(20);
  });

  test("bots are recorded as declined; raw IPs are never stored", async () => {
    const p = await partner(t.db);
    const bot = await click(t.db, p.referralCode, { userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", ipHash: hashIp("192.0.2.1") });
    expect(bot.declinedReason).toBe("bot");
    const [row] = await t.db.select().from(clicks).where(eq(clicks.id, bot.clickId));
    expect(row!.ipHash).toBe(hashIp("192.0.2.1"));
    expect(JSON.stringify(row)).not.toContain("192.0.2.1");
  });

  test("an invalid visitor id is replaced by a new one", async () => {
    const p = await partner(t.db);
    const c = await click(t.db, p.referralCode, { visitorId: "bad id!" });
    expect(c.visitorId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
