import { z } from "zod";
import type { SearchParams } from "./list-params";

// The date range of a report page, as it sits in the URL:
//   ?range=7d|30d|90d|12m|custom&from=YYYY-MM-DD&to=YYYY-MM-DD&bucket=day|week|month
// A value that makes no sense (a tampered or stale link) falls back to the default instead
// of failing the page. What the values mean is lib/domain/date-range.ts.

export const RANGE_PRESETS = ["7d", "30d", "90d", "12m", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_RANGE: RangePreset = "30d";

export const BUCKET_UNITS = ["day", "week", "month"] as const;
export type BucketUnit = (typeof BUCKET_UNITS)[number];

/** Longest custom range: ten years (charts then have at most 120 monthly buckets). */
export const MAX_CUSTOM_DAYS = 3660;

export interface RangeParams {
  range: RangePreset;
  /** Inclusive local dates, only for `custom`. */
  from?: string;
  to?: string;
  /** The chart's bucket when chosen; otherwise it follows the length of the period. */
  bucket?: BucketUnit;
}

/** "2026-02-30" is not a date; the year is kept to 2000–2100 so arithmetic stays sane. */
export const localDateSchema = z.string().refine((value) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 2000 || y > 2100) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}, "Enter a date as YYYY-MM-DD.");

/** Whole days from `a` to `b` (both YYYY-MM-DD); calendar dates, no time zone involved. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseRangeParams(raw: SearchParams): RangeParams {
  const range = z.enum(RANGE_PRESETS).catch(DEFAULT_RANGE).parse(first(raw.range) ?? DEFAULT_RANGE);
  const bucket = z.enum(BUCKET_UNITS).optional().catch(undefined).parse(first(raw.bucket));
  const withBucket = bucket ? { bucket } : {};
  if (range !== "custom") return { range, ...withBucket };

  const from = localDateSchema.safeParse(first(raw.from));
  const to = localDateSchema.safeParse(first(raw.to));
  if (!from.success || !to.success) return { range: DEFAULT_RANGE, ...withBucket };
  // From after To is a slip of the hand, not a reason to throw the range away.
  const [a, b] = from.data <= to.data ? [from.data, to.data] : [to.data, from.data];
  if (daysBetween(a, b) + 1 > MAX_CUSTOM_DAYS) return { range: DEFAULT_RANGE, ...withBucket };
  return { range, from: a, to: b, ...withBucket };
}

/** The query string for a range (the bucket only when chosen), for links between ranges. */
export function rangeQuery(params: RangeParams): string {
  const query = new URLSearchParams({ range: params.range });
  if (params.range === "custom" && params.from && params.to) {
    query.set("from", params.from);
    query.set("to", params.to);
  }
  if (params.bucket) query.set("bucket", params.bucket);
  return query.toString();
}
