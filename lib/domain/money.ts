// Money is an integer count of minor units (cents) everywhere. This file is the only place
// that rounds: everything that divides money goes through mulDivRoundHalfUp.

/**
 * round_half_up(a × b ÷ c) for non-negative integers, computed with BigInt so products
 * beyond 2^53 stay exact. This is SPEC.md's rounding: 0.5 rounds up.
 */
export function mulDivRoundHalfUp(a: number, b: number, c: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || !Number.isSafeInteger(c)) {
    throw new RangeError("mulDivRoundHalfUp takes safe integers");
  }
  if (a < 0 || b < 0 || c <= 0) throw new RangeError("mulDivRoundHalfUp takes a, b ≥ 0 and c > 0");
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  return Number((2n * n + d) / (2n * d));
}

/** A percentage of an amount: `bps` basis points (1250 = 12.5 %), rounded half up. */
export function percentOf(amount: number, bps: number): number {
  return mulDivRoundHalfUp(amount, bps, 10_000);
}

const digitsCache = new Map<string, number>();
/** How many decimal digits the currency's minor unit has (USD 2, JPY 0, KWD 3). */
export function minorUnitDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** "$1,234.50" for 123450 USD. */
export function formatMoney(minor: number, currency: string, locale = "en-US"): string {
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}

/** "1234.50" for 123450 USD: the value a form field shows. */
export function toDecimalString(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10 ** digits;
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, "0")}`;
}

/**
 * Parses what a person types ("12", "12.5", "1,234.50") into minor units, refusing more
 * decimals than the currency has rather than silently rounding someone's money.
 * Returns null when the text is not an amount.
 */
export function parseMoney(text: string, currency: string): number | null {
  const cleaned = text.trim().replace(/[,\s]/g, "");
  const digits = minorUnitDigits(currency);
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

/** "12.5" (percent) → 1250 basis points; at most two decimals; null when not a percentage. */
export function parsePercent(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(text.trim().replace(/%$/, "").trim());
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** 1250 → "12.5". */
export function bpsToPercentString(bps: number): string {
  return (bps / 100).toFixed(2).replace(/\.?0+$/, "");
}
