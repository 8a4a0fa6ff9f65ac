import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { partnerSessions } from "@/db/schema";
import { partner } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { createPortalSession, endPortalSession, isPortalSessionValid, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS } from "./portal-sessions";

const t = setupTestDatabase();
const HOUR = 60 * 60 * 1000;
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

describe("portal sessions", () => {
  test("only the hash of the cookie value is stored", async () => {
    const p = await partner(t.db);
    const { id } = await createPortalSession(t.db, p.id);
    const rows = await t.db.select().from(partnerSessions).where(eq(partnerSessions.partnerId, p.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.tokenHash).not.toBe(id);
    expect(await isPortalSessionValid(t.db, "", p.id)).toBe(false);
    expect(await isPortalSessionValid(t.db, rows[0]!.tokenHash, p.id)).toBe(false);
  });

  test("expire after a week idle", async () => {
    const p = await partner(t.db);
    const start = new Date();
    const { id } = await createPortalSession(t.db, p.id, start);
    expect(await isPortalSessionValid(t.db, id, p.id, at(start, SESSION_IDLE_MS - HOUR))).toBe(true);
    // That visit counted as activity: another almost-week later it still works.
    expect(await isPortalSessionValid(t.db, id, p.id, at(start, 2 * SESSION_IDLE_MS - 2 * HOUR))).toBe(true);
    expect(await isPortalSessionValid(t.db, id, p.id, at(start, 3 * SESSION_IDLE_MS))).toBe(false);
    // Once dead, the row is gone: going back in time does not revive it.
    expect(await isPortalSessionValid(t.db, id, p.id, start)).toBe(false);
  });

  test("expire at their absolute age however active", async () => {
    const p = await partner(t.db);
    const start = new Date();
    const { id, expiresAt } = await createPortalSession(t.db, p.id, start);
    expect(expiresAt.getTime() - start.getTime()).toBe(SESSION_ABSOLUTE_MS);
    for (let day = 1; day < 30; day++) expect(await isPortalSessionValid(t.db, id, p.id, at(start, day * 24 * HOUR))).toBe(true);
    expect(await isPortalSessionValid(t.db, id, p.id, at(start, SESSION_ABSOLUTE_MS))).toBe(false);
  });

  test("last_seen_at is written at most every few minutes", async () => {
    const p = await partner(t.db);
    const start = new Date();
    const { id } = await createPortalSession(t.db, p.id, start);
    const seen = async () => (await t.db.select().from(partnerSessions).where(eq(partnerSessions.partnerId, p.id)))[0]!.lastSeenAt.getTime();
    await isPortalSessionValid(t.db, id, p.id, at(start, SESSION_TOUCH_MS - 1000));
    expect(await seen()).toBe(start.getTime());
    await isPortalSessionValid(t.db, id, p.id, at(start, SESSION_TOUCH_MS + 1000));
    expect(await seen()).toBe(start.getTime() + SESSION_TOUCH_MS + 1000);
  });

  test("belong to one partner, and sign out ends them", async () => {
    const a = await partner(t.db);
    const b = await partner(t.db);
    const { id } = await createPortalSession(t.db, a.id);
    expect(await isPortalSessionValid(t.db, id, b.id)).toBe(false);
    expect(await isPortalSessionValid(t.db, id, a.id)).toBe(true);
    await endPortalSession(t.db, id);
    expect(await isPortalSessionValid(t.db, id, a.id)).toBe(false);
  });
});
