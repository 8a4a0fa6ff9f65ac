import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { clicks } from "@/db/schema";
import type { ClickFilters } from "@/lib/schemas/click-list";
import { click, link, partner, sale } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { countClicks, exportClicks, listClicks } from "./click-list";

const t = setupTestDatabase();

const CHROME_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

// One small program, built once: two partners (one not approved), a custom link, clicks
// over three days in New York, declined ones of every kind, and one click that converted.
let ana: Awaited<ReturnType<typeof partner>>;
let pending: Awaited<ReturnType<typeof partner>>;
let slug: string;
let convertedClickId: number;

const at = (iso: string) => new Date(iso);
const TZ = "America/New_York";

beforeAll(async () => {
  ana = await partner(t.db);
  pending = await partner(t.db, { status: "pending" });
  const l = await link(t.db, ana.id);
  slug = l.slug;
  // 2026-03-10 in New York is 04:00Z on the 10th to 04:00Z on the 11th (EDT since the 8th)
  await click(t.db, ana.referralCode, { now: at("2026-03-10T03:59:00Z"), userAgent: CHROME_MAC }); // the 9th, local
  const bought = await click(t.db, ana.referralCode, { now: at("2026-03-10T04:00:00Z"), userAgent: IPHONE }); // the 10th, local
  convertedClickId = bought.clickId;
  await click(t.db, slug, { now: at("2026-03-10T12:00:00Z"), visitorId: "visitor-repeat-0001" });
  await click(t.db, slug, { now: at("2026-03-10T12:10:00Z"), visitorId: "visitor-repeat-0001" }); // repeat within the hour
  await click(t.db, ana.referralCode, { now: at("2026-03-10T13:00:00Z"), userAgent: "Googlebot/2.1 (+http://www.google.com/bot.html)" });
  await click(t.db, pending.referralCode, { now: at("2026-03-11T15:00:00Z") });
  await click(t.db, ana.referralCode, { now: at("2026-03-12T05:00:00Z") });
  await sale(t.db, { visitorId: bought.visitorId }, { now: at("2026-03-10T04:30:00Z") });
});

async function realCount(where = sql`true`): Promise<number> {
  const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(clicks).where(where);
  return Number(row!.n);
}

const list = (filters: ClickFilters = {}, page = 1, size = 25) => listClicks(t.db, { filters, page, size, timeZone: TZ });

describe("the click log", () => {
  test("the unfiltered total, from the counters plus declined clicks, equals counting every click", async () => {
    const result = await list();
    expect(await realCount()).toBe(7);
    expect(result).toMatchObject({ total: 7, capped: false });
    expect(result.rows).toHaveLength(7);
  });

  test("newest first, with partner, link, user agent and outcome of each click", async () => {
    const { rows } = await list();
    expect(rows.map((r) => r.createdAt.toISOString())).toEqual([
      "2026-03-12T05:00:00.000Z",
      "2026-03-11T15:00:00.000Z",
      "2026-03-10T13:00:00.000Z",
      "2026-03-10T12:10:00.000Z",
      "2026-03-10T12:00:00.000Z",
      "2026-03-10T04:00:00.000Z",
      "2026-03-10T03:59:00.000Z",
    ]);
    expect(rows.map((r) => r.declinedReason)).toEqual([null, "partner_not_approved", "bot", "duplicate", null, null, null]);
    expect(rows.map((r) => r.linkSlug)).toEqual([null, null, null, slug, slug, null, null]);
    const iphone = rows[5]!;
    expect(iphone).toMatchObject({ partnerId: ana.id, partnerName: ana.name, referralCode: ana.referralCode, converted: true });
    expect(iphone.agent).toEqual({ device: "mobile", browser: "Mobile Safari 17", os: "iOS 17.4" });
    expect(rows[6]!.agent).toEqual({ device: "desktop", browser: "Chrome 126", os: "Mac OS 10.15.7" });
    expect(rows.filter((r) => r.converted).map((r) => r.id)).toEqual([convertedClickId]);
    // oldest first when asked
    const oldest = await listClicks(t.db, { filters: {}, dir: "asc", page: 1, size: 25, timeZone: TZ });
    expect(oldest.rows.map((r) => r.id)).toEqual(rows.map((r) => r.id).reverse());
  });

  test.each<[string, ClickFilters, number]>([
    ["counted", { status: "counted" }, 4],
    ["declined for any reason", { status: "declined" }, 3],
    ["bots", { status: "bot" }, 1],
    ["repeats within the hour", { status: "duplicate" }, 1],
    ["partner not approved", { status: "partner_not_approved" }, 1],
    ["converted", { converted: "yes" }, 1],
    ["not converted", { converted: "no" }, 6],
    ["one partner", { partner: "__ANA__" }, 6],
    ["one partner, counted", { partner: "__ANA__", status: "counted" }, 4],
    ["one partner, declined", { partner: "__ANA__", status: "declined" }, 2],
    ["one local day in New York", { from: "2026-03-10", to: "2026-03-10" }, 4],
    ["counted on one local day", { from: "2026-03-10", to: "2026-03-10", status: "counted" }, 2],
    ["from a day on", { from: "2026-03-11" }, 2],
    ["up to a day", { to: "2026-03-09" }, 1],
    ["a partner and a day", { partner: "__ANA__", from: "2026-03-10", to: "2026-03-11", converted: "no" }, 3],
  ])("filter: %s", async (_name, raw, expected) => {
    const filters = { ...raw, partner: raw.partner === "__ANA__" ? ana.id : raw.partner };
    const { rows, total, capped } = await list(filters);
    expect(rows).toHaveLength(expected);
    expect({ total, capped }).toEqual({ total: expected, capped: false });
  });

  test("each filter keeps only what it says", async () => {
    expect((await list({ status: "counted" })).rows.every((r) => r.declinedReason === null)).toBe(true);
    expect((await list({ partner: pending.id })).rows.map((r) => r.partnerId)).toEqual([pending.id]);
    expect((await list({ converted: "yes" })).rows.map((r) => r.id)).toEqual([convertedClickId]);
  });

  test("pages hold `size` rows and keep counting the whole", async () => {
    const first = await list({}, 1, 3);
    const third = await list({}, 3, 3);
    expect(first.rows).toHaveLength(3);
    expect(third.rows).toHaveLength(1);
    expect(third.total).toBe(7);
    const all = (await list()).rows.map((r) => r.id);
    expect([...first.rows, ...(await list({}, 2, 3)).rows, ...third.rows].map((r) => r.id)).toEqual(all);
  });

  test("a filtered count stops at its cap and says so", async () => {
    expect(await countClicks(t.db, { converted: "no" }, TZ, { any: 4, declined: 4 })).toEqual({ total: 4, capped: true });
    expect(await countClicks(t.db, {}, TZ, { any: 4, declined: 2 })).toEqual({ total: 6, capped: true });
    expect(await countClicks(t.db, { status: "counted" }, TZ, { any: 1, declined: 1 })).toEqual({ total: 4, capped: false });
    // the list never claims fewer than it shows
    const page = await listClicks(t.db, { filters: { converted: "no" }, page: 2, size: 3, timeZone: TZ, caps: { any: 2, declined: 2 } });
    expect(page).toMatchObject({ total: 6, capped: true });
  });

  test("the export holds the filtered rows in the list's order", async () => {
    const exported = await exportClicks(t.db, { status: "declined" }, TZ);
    expect(exported.map((r) => r.declinedReason)).toEqual(["partner_not_approved", "bot", "duplicate"]);
    expect(exported.map((r) => r.id)).toEqual((await list({ status: "declined" })).rows.map((r) => r.id));
  });
});
