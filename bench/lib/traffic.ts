import { randomBytes } from "node:crypto";

// What makes every request distinct and realistic: a fresh visitor, a fresh order, a random
// partner, a random address (the click limiter allows 60 then 1/s per address) and a real
// desktop browser (bot-looking agents are recorded as declined bots).

export const USER_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
];

export const LANDING_PATHS = ["/", "/shoes", "/shoes/trail-runner-2", "/sale", "/blog/how-to-choose-running-shoes", "/collections/summer"];
export const REFERRERS = ["https://www.instagram.com/", "https://www.youtube.com/", "https://blog.example.org/best-running-shoes", "https://t.co/abc123", ""];

export function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

/** A random public-looking IPv4 address (about 3.6 billion of them: effectively never twice). */
export function fakeIp(): string {
  const a = 11 + Math.floor(Math.random() * 212); // 11–222: skips 0/8, 10/8, 127/8 and multicast
  return `${a}.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
}

/**
 * The headers a browser arrives with through a load balancer: the benchmarks start the app with
 * TRUST_PROXY_HOPS=1 and play that load balancer, appending the visitor's address.
 */
export function browserHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    "user-agent": pick(USER_AGENTS),
    "x-forwarded-for": fakeIp(),
    accept: "*/*",
    "accept-language": "en-US,en;q=0.9",
    ...extra,
  };
}

/** Ids unique across the run (and across runs on a reused database). */
export class IdSource {
  readonly tag = randomBytes(4).toString("hex");
  private n = 0;
  /** A visitor id as the aff_vid cookie holds it (8–64 of [A-Za-z0-9_-]). */
  visitorId(): string {
    return `bv${this.tag}${(this.n++).toString(36).padStart(6, "0")}`;
  }
  orderId(): string {
    return `bench-${this.tag}-${(this.n++).toString(36)}`;
  }
}
