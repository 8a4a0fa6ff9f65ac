// What every part of the large plan shares: the time span of the traffic, the store, and
// the one namespace that referral codes and link slugs share (case-insensitively).

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

export interface PlanContext {
  /** First and last moment of traffic, epoch ms. */
  start: number;
  end: number;
  storeUrl: string;
  /** Lower-cased referral codes and link slugs taken so far. */
  refs: Set<string>;
}

/** Index of the entry a uniform draw `r` in [0, total) falls into, by binary search over cumulative weights. */
export function pickIndex(cumulative: readonly number[], r: number, size = cumulative.length): number {
  let lo = 0;
  let hi = size - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Random letters from `alphabet`, as a flat string. (Rng.token builds its result with +=,
 * which leaves V8 a rope of one node per character: fine for a demo, but a million of
 * them held at once cost about a kilobyte each.)
 */
export function flatToken(rng: { next(): number }, length: number, alphabet: string): string {
  const codes = new Array<number>(length);
  for (let i = 0; i < length; i++) codes[i] = alphabet.charCodeAt(Math.floor(rng.next() * alphabet.length));
  return String.fromCharCode(...codes);
}
