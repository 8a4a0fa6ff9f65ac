import { describe, expect, test } from "vitest";
import { parseRangeParams, rangeQuery } from "./date-range";

describe("the date range in the URL", () => {
  test.each<[Record<string, string | string[] | undefined>, ReturnType<typeof parseRangeParams>]>([
    [{}, { range: "30d" }],
    [{ range: "7d" }, { range: "7d" }],
    [{ range: "12m", bucket: "week" }, { range: "12m", bucket: "week" }],
    [{ range: "1y" }, { range: "30d" }],
    [{ range: "90d", bucket: "hour" }, { range: "90d" }],
    [{ range: ["7d", "90d"] }, { range: "7d" }],
    [{ range: "custom", from: "2026-03-01", to: "2026-03-31" }, { range: "custom", from: "2026-03-01", to: "2026-03-31" }],
    // From after To: swapped, not thrown away
    [{ range: "custom", from: "2026-03-31", to: "2026-03-01" }, { range: "custom", from: "2026-03-01", to: "2026-03-31" }],
    // missing, malformed or impossible dates fall back to the default
    [{ range: "custom", from: "2026-03-01" }, { range: "30d" }],
    [{ range: "custom", from: "2026-02-30", to: "2026-03-31" }, { range: "30d" }],
    [{ range: "custom", from: "03/01/2026", to: "2026-03-31" }, { range: "30d" }],
    [{ range: "custom", from: "1999-12-31", to: "2000-01-31" }, { range: "30d" }],
    // more than ten years
    [{ range: "custom", from: "2001-01-01", to: "2026-01-01" }, { range: "30d" }],
  ])("%o → %o", (raw, parsed) => {
    expect(parseRangeParams(raw)).toEqual(parsed);
  });

  test("links between ranges keep only what the range needs", () => {
    expect(rangeQuery({ range: "7d" })).toBe("range=7d");
    expect(rangeQuery({ range: "custom", from: "2026-03-01", to: "2026-03-31", bucket: "week" })).toBe("range=custom&from=2026-03-01&to=2026-03-31&bucket=week");
  });
});
