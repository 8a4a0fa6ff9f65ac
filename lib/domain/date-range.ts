import { TZDate, tz } from "@date-fns/tz";
import { addDays, addMonths, addWeeks, format, startOfDay, startOfMonth, startOfWeek, subDays, subMonths } from "date-fns";
import { daysBetween, type BucketUnit, type RangeParams, type RangePreset } from "@/lib/schemas/date-range";

// Report periods, in the program's time zone (the merchant's "today").
//
// Period: the instants [start, end).
//   7d / 30d / 90d  the last N days including today: local midnight N−1 days ago → now
//   12m             the first day of the month 11 months ago → now
//   custom          local midnight of `from` → local midnight after `to` (both inclusive),
//                   but never past now: a range that reaches into the future ends now
// "Now" is rounded up to the next quarter hour. Local midnights fall on quarter hours in
// every time zone (offsets are multiples of 15 minutes), so every boundary lines up with the
// quarter-hour click counters and clicks add up exactly.
// Previous period: the same length immediately before, [start − (end − start), start).
// Bucket of a chart: day up to 31 days, week (starting Monday) up to 186 days, month
// beyond, unless chosen; weeks start on Monday. A bucket's key is the local date it starts
// on (YYYY-MM-DD). Buckets with nothing in them are shown as 0.

const QUARTER_HOUR = 15 * 60_000;
const MAX_DAY_BUCKETS = 366;
const MAX_WEEK_BUCKETS = 1830;

export interface Period {
  range: RangePreset;
  timeZone: string;
  start: Date;
  end: Date;
  previousStart: Date;
  previousEnd: Date;
  /** The local dates chosen (inclusive): what the page shows and the date inputs hold. */
  from: string;
  to: string;
  /** The local dates the previous period covers (inclusive). */
  previousFrom: string;
  previousTo: string;
  bucket: BucketUnit;
  /** The buckets that make sense for this length (days only up to a year). */
  bucketChoices: BucketUnit[];
}

/** The local calendar date of an instant, YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  return format(instant, "yyyy-MM-dd", { in: tz(timeZone) });
}

/** Local midnight at the start of a YYYY-MM-DD date. */
export function localMidnight(date: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return startOfDay(new TZDate(y, m - 1, d, timeZone));
}

/** The start of the quarter hour after `now`: a period that ends "now" still holds all of it. */
export function nextQuarterHour(now: Date): Date {
  return new Date(Math.floor(now.getTime() / QUARTER_HOUR) * QUARTER_HOUR + QUARTER_HOUR);
}

export function autoBucket(days: number): BucketUnit {
  if (days <= 31) return "day";
  if (days <= 186) return "week";
  return "month";
}

export function bucketChoicesFor(days: number): BucketUnit[] {
  const choices: BucketUnit[] = [];
  if (days <= MAX_DAY_BUCKETS) choices.push("day");
  if (days <= MAX_WEEK_BUCKETS) choices.push("week");
  choices.push("month");
  return choices;
}

export function resolvePeriod(params: RangeParams, timeZone: string, now: Date): Period {
  const zone = tz(timeZone);
  const today = startOfDay(now, { in: zone });
  const cap = nextQuarterHour(now);
  let start: Date;
  let end: Date;
  let from: string;
  let to: string;
  if (params.range === "custom" && params.from && params.to) {
    from = params.from;
    to = params.to;
    start = localMidnight(from, timeZone);
    const afterTo = addDays(localMidnight(to, timeZone), 1, { in: zone });
    end = new Date(Math.max(start.getTime(), Math.min(afterTo.getTime(), cap.getTime())));
  } else {
    const range = params.range === "custom" ? "30d" : params.range;
    start = range === "12m" ? startOfMonth(subMonths(today, 11, { in: zone }), { in: zone }) : subDays(today, Number.parseInt(range, 10) - 1, { in: zone });
    end = cap;
    from = localDate(start, timeZone);
    to = localDate(today, timeZone);
  }
  const length = end.getTime() - start.getTime();
  const previousStart = new Date(start.getTime() - length);
  const days = daysBetween(from, to) + 1;
  const choices = bucketChoicesFor(days);
  const bucket = params.bucket && choices.includes(params.bucket) ? params.bucket : autoBucket(days);
  return {
    range: params.range === "custom" && !(params.from && params.to) ? "30d" : params.range,
    timeZone,
    start: new Date(start.getTime()),
    end,
    previousStart,
    previousEnd: new Date(start.getTime()),
    from,
    to,
    previousFrom: localDate(previousStart, timeZone),
    previousTo: length > 0 ? localDate(new Date(start.getTime() - 1), timeZone) : localDate(previousStart, timeZone),
    bucket,
    bucketChoices: choices,
  };
}

function bucketStart(instant: Date, unit: BucketUnit, timeZone: string): Date {
  const zone = tz(timeZone);
  if (unit === "day") return startOfDay(instant, { in: zone });
  if (unit === "week") return startOfWeek(instant, { in: zone, weekStartsOn: 1 });
  return startOfMonth(instant, { in: zone });
}

function nextBucket(date: Date, unit: BucketUnit, timeZone: string): Date {
  const zone = tz(timeZone);
  if (unit === "day") return addDays(date, 1, { in: zone });
  if (unit === "week") return addWeeks(date, 1, { in: zone });
  return addMonths(date, 1, { in: zone });
}

/** The bucket key of an instant: the local date its bucket starts on. */
export function bucketKey(instant: Date, unit: BucketUnit, timeZone: string): string {
  return localDate(bucketStart(instant, unit, timeZone), timeZone);
}

/** Every bucket of the period, in order, with the instant it starts; the first may start before the period does. */
export function bucketStarts(period: Pick<Period, "start" | "end" | "bucket" | "timeZone">): { key: string; start: Date }[] {
  const { start, end, bucket, timeZone } = period;
  const buckets: { key: string; start: Date }[] = [];
  for (let at = bucketStart(start, bucket, timeZone); at.getTime() < end.getTime(); at = nextBucket(at, bucket, timeZone)) {
    buckets.push({ key: localDate(at, timeZone), start: new Date(at.getTime()) });
  }
  return buckets;
}

/**
 * What SQL's width_bucket(created_at, thresholds) sorts rows into, for rows in
 * [previousStart, end): 1 is the previous period, 2, 3… the period's buckets in order
 * (`keys[n − 2]`). Comparing instants with local-midnight thresholds made here puts every
 * row in the same bucket as converting it to local time would, without converting a
 * hundred thousand timestamps in the database.
 */
export function bucketThresholds(period: Pick<Period, "start" | "end" | "bucket" | "timeZone" | "previousStart">): { thresholds: Date[]; keys: string[] } {
  const buckets = bucketStarts(period);
  return {
    thresholds: [period.previousStart, period.start, ...buckets.slice(1).map((b) => b.start)],
    keys: buckets.map((b) => b.key),
  };
}

/** Every bucket key of the period, in order. */
export function bucketKeys(period: Pick<Period, "start" | "end" | "bucket" | "timeZone">): string[] {
  return bucketStarts(period).map((b) => b.key);
}

/**
 * One row per key, in key order, with zeros where the query found nothing. A row whose key
 * is not a bucket of the period is a bug in the query, so it throws rather than vanish.
 */
export function fillBuckets<T extends Record<string, number>>(keys: string[], rows: ({ key: string } & T)[], zero: T): ({ key: string } & T)[] {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const known = new Set(keys);
  for (const row of rows) if (!known.has(row.key)) throw new Error(`bucket ${row.key} is outside the period`);
  return keys.map((key) => ({ ...zero, ...byKey.get(key), key }));
}

const labelFormats: Record<BucketUnit, { short: Intl.DateTimeFormatOptions; long: Intl.DateTimeFormatOptions }> = {
  day: { short: { month: "short", day: "numeric" }, long: { weekday: "short", month: "short", day: "numeric", year: "numeric" } },
  week: { short: { month: "short", day: "numeric" }, long: { month: "short", day: "numeric", year: "numeric" } },
  month: { short: { month: "short", year: "numeric" }, long: { month: "long", year: "numeric" } },
};

/** "Mar 4" / "Week of Mar 4, 2024" / "March 2024": names of a bucket for the axis and the tooltip. */
export function bucketLabel(key: string, unit: BucketUnit): { short: string; long: string } {
  const date = new Date(`${key}T00:00:00Z`);
  const f = labelFormats[unit];
  const long = new Intl.DateTimeFormat("en-US", { ...f.long, timeZone: "UTC" }).format(date);
  return {
    short: new Intl.DateTimeFormat("en-US", { ...f.short, timeZone: "UTC" }).format(date),
    long: unit === "week" ? `Week of ${long}` : long,
  };
}

/** "Mar 4, 2024" for a YYYY-MM-DD local date. */
export function formatLocalDate(date: string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}
