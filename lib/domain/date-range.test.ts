import { describe, expect, test } from "vitest";
import type { RangeParams } from "@/lib/schemas/date-range";
import { bucketKey, bucketKeys, bucketLabel, bucketThresholds, fillBuckets, nextQuarterHour, resolvePeriod } from "./date-range";

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe("presets: the last N days including today, in the program's time zone", () => {
  test.each<[string, string, RangeParams["range"], string, string, string, string]>([
    // zone, now, range, start, end (next quarter hour), from, to
    ["UTC", "2026-03-15T10:07:00Z", "7d", "2026-03-09T00:00:00.000Z", "2026-03-15T10:15:00.000Z", "2026-03-09", "2026-03-15"],
    ["UTC", "2026-03-15T10:07:00Z", "30d", "2026-02-14T00:00:00.000Z", "2026-03-15T10:15:00.000Z", "2026-02-14", "2026-03-15"],
    ["UTC", "2026-03-15T10:07:00Z", "90d", "2025-12-16T00:00:00.000Z", "2026-03-15T10:15:00.000Z", "2025-12-16", "2026-03-15"],
    ["UTC", "2026-03-15T10:07:00Z", "12m", "2025-04-01T00:00:00.000Z", "2026-03-15T10:15:00.000Z", "2025-04-01", "2026-03-15"],
    // Berlin: 10:00 CEST on Apr 2; Mar 27 began at 00:00 CET (+01:00), before the switch on Mar 29
    ["Europe/Berlin", "2026-04-02T08:00:00Z", "7d", "2026-03-26T23:00:00.000Z", "2026-04-02T08:15:00.000Z", "2026-03-27", "2026-04-02"],
    ["Europe/Berlin", "2026-04-02T08:00:00Z", "12m", "2025-04-30T22:00:00.000Z", "2026-04-02T08:15:00.000Z", "2025-05-01", "2026-04-02"],
    // Los Angeles: 22:30 PST on Nov 2; Oct 27 began at 00:00 PDT (−07:00), before the switch on Nov 1
    ["America/Los_Angeles", "2026-11-03T06:30:00Z", "7d", "2026-10-27T07:00:00.000Z", "2026-11-03T06:45:00.000Z", "2026-10-27", "2026-11-02"],
    // Kolkata (+05:30): 20:00 UTC on Jan 1 is already 01:30 on Jan 2 there
    ["Asia/Kolkata", "2026-01-01T20:00:00Z", "30d", "2025-12-03T18:30:00.000Z", "2026-01-01T20:15:00.000Z", "2025-12-04", "2026-01-02"],
    ["Asia/Kolkata", "2026-01-01T20:00:00Z", "7d", "2025-12-26T18:30:00.000Z", "2026-01-01T20:15:00.000Z", "2025-12-27", "2026-01-02"],
  ])("%s, now %s, %s", (zone, now, range, start, end, from, to) => {
    const period = resolvePeriod({ range }, zone, at(now));
    expect([iso(period.start), iso(period.end), period.from, period.to]).toEqual([start, end, from, to]);
    expect(period.range).toBe(range);
  });

  test("the bucket follows the length: days, weeks, months", () => {
    const now = at("2026-03-15T10:07:00Z");
    expect(["7d", "30d", "90d", "12m"].map((range) => resolvePeriod({ range: range as RangeParams["range"] }, "UTC", now).bucket)).toEqual(["day", "day", "week", "month"]);
  });

  test("a chosen bucket wins when it makes sense for the length, and is ignored when not", () => {
    const now = at("2026-03-15T10:07:00Z");
    expect(resolvePeriod({ range: "12m", bucket: "week" }, "UTC", now).bucket).toBe("week");
    expect(resolvePeriod({ range: "7d", bucket: "month" }, "UTC", now).bucket).toBe("month");
    const twoYears = resolvePeriod({ range: "custom", from: "2023-01-01", to: "2024-12-31", bucket: "day" }, "UTC", now);
    expect(twoYears.bucket).toBe("month");
    expect(twoYears.bucketChoices).toEqual(["week", "month"]);
  });

  test("every boundary is a quarter hour, so the click counters add up exactly", () => {
    for (const zone of ["UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Asia/Kathmandu"]) {
      for (const range of ["7d", "30d", "90d", "12m"] as const) {
        const p = resolvePeriod({ range }, zone, at("2026-03-29T01:07:31.123Z"));
        for (const d of [p.start, p.end, p.previousStart, p.previousEnd]) expect(d.getTime() % (15 * 60_000)).toBe(0);
      }
    }
    expect(iso(nextQuarterHour(at("2026-03-15T10:15:00.000Z")))).toBe("2026-03-15T10:30:00.000Z");
  });
});

describe("previous period: the same length immediately before", () => {
  test.each<[string, string, RangeParams, string, string, string, string]>([
    // zone, now, params, previousStart, previousEnd, previousFrom, previousTo
    ["UTC", "2026-03-15T10:07:00Z", { range: "7d" }, "2026-03-02T13:45:00.000Z", "2026-03-09T00:00:00.000Z", "2026-03-02", "2026-03-08"],
    ["Europe/Berlin", "2026-04-02T08:00:00Z", { range: "7d" }, "2026-03-20T13:45:00.000Z", "2026-03-26T23:00:00.000Z", "2026-03-20", "2026-03-26"],
    // A week that lost an hour to daylight saving time is 167 hours long; so is the one before.
    ["Europe/Berlin", "2026-06-01T12:00:00Z", { range: "custom", from: "2026-03-23", to: "2026-03-29" }, "2026-03-16T00:00:00.000Z", "2026-03-22T23:00:00.000Z", "2026-03-16", "2026-03-22"],
    ["UTC", "2026-06-01T12:00:00Z", { range: "custom", from: "2026-05-01", to: "2026-05-31" }, "2026-03-31T00:00:00.000Z", "2026-05-01T00:00:00.000Z", "2026-03-31", "2026-04-30"],
    ["Asia/Kolkata", "2026-06-01T12:00:00Z", { range: "custom", from: "2026-05-10", to: "2026-05-10" }, "2026-05-08T18:30:00.000Z", "2026-05-09T18:30:00.000Z", "2026-05-09", "2026-05-09"],
  ])("%s, now %s, %o", (zone, now, params, previousStart, previousEnd, previousFrom, previousTo) => {
    const p = resolvePeriod(params, zone, at(now));
    expect([iso(p.previousStart), iso(p.previousEnd), p.previousFrom, p.previousTo]).toEqual([previousStart, previousEnd, previousFrom, previousTo]);
    expect(p.end.getTime() - p.start.getTime()).toBe(p.previousEnd.getTime() - p.previousStart.getTime());
  });
});

describe("custom ranges: inclusive local dates", () => {
  test("Berlin: from midnight of From to midnight after To, across the switch to summer time", () => {
    const p = resolvePeriod({ range: "custom", from: "2026-03-23", to: "2026-03-29" }, "Europe/Berlin", at("2026-06-01T12:00:00Z"));
    expect([iso(p.start), iso(p.end)]).toEqual(["2026-03-22T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    expect(p.end.getTime() - p.start.getTime()).toBe(167 * 3_600_000);
  });

  test("Los Angeles: the day summer time ends has 25 hours", () => {
    const p = resolvePeriod({ range: "custom", from: "2026-11-01", to: "2026-11-01" }, "America/Los_Angeles", at("2026-12-01T00:00:00Z"));
    expect([iso(p.start), iso(p.end)]).toEqual(["2026-11-01T07:00:00.000Z", "2026-11-02T08:00:00.000Z"]);
  });

  test("a range that reaches into the future ends now", () => {
    const p = resolvePeriod({ range: "custom", from: "2026-03-10", to: "2026-03-20" }, "UTC", at("2026-03-15T10:07:00Z"));
    expect([iso(p.start), iso(p.end), p.from, p.to]).toEqual(["2026-03-10T00:00:00.000Z", "2026-03-15T10:15:00.000Z", "2026-03-10", "2026-03-20"]);
    expect(bucketKeys(p)).toEqual(["2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13", "2026-03-14", "2026-03-15"]);
  });

  test("a range wholly in the future is empty, and so is its previous period", () => {
    const p = resolvePeriod({ range: "custom", from: "2030-01-01", to: "2030-01-31" }, "UTC", at("2026-03-15T10:07:00Z"));
    expect(p.end.getTime()).toBe(p.start.getTime());
    expect(p.previousStart.getTime()).toBe(p.start.getTime());
    expect(bucketKeys(p)).toEqual([]);
  });
});

describe("bucket keys: the local date each bucket starts on", () => {
  test.each<[string, string, "day" | "week" | "month", string]>([
    // 23:30 UTC is already the next day in Berlin (and in Kolkata), not yet in Los Angeles
    ["2026-01-01T23:30:00Z", "UTC", "day", "2026-01-01"],
    ["2026-01-01T23:30:00Z", "Europe/Berlin", "day", "2026-01-02"],
    ["2026-01-01T23:30:00Z", "Asia/Kolkata", "day", "2026-01-02"],
    ["2026-01-01T23:30:00Z", "America/Los_Angeles", "day", "2026-01-01"],
    ["2026-01-01T18:29:59Z", "Asia/Kolkata", "day", "2026-01-01"],
    ["2026-01-01T18:30:00Z", "Asia/Kolkata", "day", "2026-01-02"],
    // weeks start on Monday: Sunday Mar 29 belongs to the week of Monday Mar 23
    ["2026-03-29T12:00:00Z", "UTC", "week", "2026-03-23"],
    ["2026-03-30T05:00:00Z", "America/Los_Angeles", "week", "2026-03-23"],
    ["2026-03-29T22:30:00Z", "Europe/Berlin", "week", "2026-03-30"],
    ["2026-01-01T10:00:00Z", "UTC", "week", "2025-12-29"],
    ["2026-01-31T23:30:00Z", "Europe/Berlin", "month", "2026-02-01"],
    ["2026-01-31T23:30:00Z", "UTC", "month", "2026-01-01"],
  ])("%s in %s by %s → %s", (instant, zone, unit, key) => {
    expect(bucketKey(at(instant), unit, zone)).toBe(key);
  });

  test("days across the switch to summer time: one key per local day", () => {
    const p = resolvePeriod({ range: "custom", from: "2026-03-27", to: "2026-03-31" }, "Europe/Berlin", at("2026-06-01T00:00:00Z"));
    expect(bucketKeys(p)).toEqual(["2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31"]);
    const la = resolvePeriod({ range: "custom", from: "2026-03-07", to: "2026-03-09" }, "America/Los_Angeles", at("2026-06-01T00:00:00Z"));
    expect(bucketKeys(la)).toEqual(["2026-03-07", "2026-03-08", "2026-03-09"]);
  });

  test("90 days by week: the first week starts on the Monday before the period", () => {
    const p = resolvePeriod({ range: "90d" }, "UTC", at("2026-03-15T10:07:00Z"));
    const keys = bucketKeys(p);
    expect(keys[0]).toBe("2025-12-15"); // the period starts Tuesday Dec 16
    expect(keys.at(-1)).toBe("2026-03-09");
    expect(keys).toHaveLength(13);
  });

  test("12 months by month: twelve keys, the first of each month", () => {
    const p = resolvePeriod({ range: "12m" }, "Asia/Kolkata", at("2026-03-15T10:07:00Z"));
    expect(bucketKeys(p)).toEqual([
      "2025-04-01", "2025-05-01", "2025-06-01", "2025-07-01", "2025-08-01", "2025-09-01",
      "2025-10-01", "2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01",
    ]);
  });

  test("7 days in Kolkata: seven local days ending today", () => {
    const p = resolvePeriod({ range: "7d" }, "Asia/Kolkata", at("2026-01-01T20:00:00Z"));
    expect(bucketKeys(p)).toEqual(["2025-12-27", "2025-12-28", "2025-12-29", "2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02"]);
  });
});

describe("thresholds for SQL's width_bucket: the previous period, then each bucket", () => {
  test("Berlin days across the switch: each bucket starts at its local midnight", () => {
    const p = resolvePeriod({ range: "custom", from: "2026-03-28", to: "2026-03-30" }, "Europe/Berlin", at("2026-06-01T00:00:00Z"));
    const { thresholds, keys } = bucketThresholds(p);
    expect(keys).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    // 71 hours back for the previous period; then 00:00 CET, 00:00 CET, 00:00 CEST
    expect(thresholds.map(iso)).toEqual(["2026-03-25T00:00:00.000Z", "2026-03-27T23:00:00.000Z", "2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
  });

  test("a first week that began before the period starts counting at the period's start", () => {
    const p = resolvePeriod({ range: "90d" }, "UTC", at("2026-03-15T10:07:00Z"));
    const { thresholds, keys } = bucketThresholds(p);
    expect(keys[0]).toBe("2025-12-15");
    expect(thresholds.slice(1, 3).map(iso)).toEqual(["2025-12-16T00:00:00.000Z", "2025-12-22T00:00:00.000Z"]);
    expect(thresholds).toHaveLength(keys.length + 1);
  });
});

describe("gap filling", () => {
  const keys = ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"];

  test("empty buckets are zero, rows come out in key order", () => {
    const rows = [
      { key: "2026-03-03", revenue: 500, conversions: 2 },
      { key: "2026-03-01", revenue: 100, conversions: 1 },
    ];
    expect(fillBuckets(keys, rows, { revenue: 0, conversions: 0 })).toEqual([
      { key: "2026-03-01", revenue: 100, conversions: 1 },
      { key: "2026-03-02", revenue: 0, conversions: 0 },
      { key: "2026-03-03", revenue: 500, conversions: 2 },
      { key: "2026-03-04", revenue: 0, conversions: 0 },
    ]);
  });

  test("no rows at all: every bucket is zero", () => {
    expect(fillBuckets(keys, [], { clicks: 0 }).map((r) => r.clicks)).toEqual([0, 0, 0, 0]);
  });

  test("a row outside the period is an error, not a silent loss", () => {
    expect(() => fillBuckets(keys, [{ key: "2026-02-28", clicks: 3 }], { clicks: 0 })).toThrow(/outside the period/);
  });
});

describe("bucket labels", () => {
  test.each<[string, "day" | "week" | "month", string, string]>([
    ["2026-03-04", "day", "Mar 4", "Wed, Mar 4, 2026"],
    ["2026-03-02", "week", "Mar 2", "Week of Mar 2, 2026"],
    ["2026-03-01", "month", "Mar 2026", "March 2026"],
  ])("%s by %s", (key, unit, short, long) => {
    expect(bucketLabel(key, unit)).toEqual({ short, long });
  });
});
