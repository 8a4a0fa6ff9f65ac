/**
 * The client's address as the nearest proxy reports it: the first X-Forwarded-For entry
 * (or X-Real-IP). Behind a load balancer this is the visitor; used only for the rate limit
 * and for the hashed-IP attribution fallback, never stored raw.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const first = forwarded?.split(",")[0]?.trim();
  return first || headers.get("x-real-ip")?.trim() || null;
}
