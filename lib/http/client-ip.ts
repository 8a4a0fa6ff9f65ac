import { isIP } from "node:net";
import { env } from "@/lib/env";

// The client's address, for the rate limits, click de-duplication and the hashed IP + user
// agent attribution (never stored raw). SPEC.md §6: TRUST_PROXY_HOPS reverse proxies in front
// of the app each append the address they received the request from to X-Forwarded-For, so
// the client is the entry that many places from the right of what the app itself sees: the
// X-Forwarded-For entries followed by the TCP peer. With 0 (the default) it is the peer, and
// whatever X-Forwarded-For a client sends is never believed.
//
// The peer comes from lib/http/peer-address.mjs, which the server process loads: it writes
// `<stamp> <address>` into x-aff-peer for every request. A header without this process's
// stamp (a client's own, or a request outside such a server: tests, scripts) means "address
// unknown": clientIp answers null, and callers count such requests under one shared key.

export const PEER_HEADER = "x-aff-peer";
const STAMP = Symbol.for("affiliates.peer-address.stamp");

/** The TCP peer the server recorded for this request, or null when it recorded none. */
export function recordedPeer(headers: Pick<Headers, "get">): string | null {
  const stamp = (globalThis as Record<symbol, unknown>)[STAMP];
  const value = headers.get(PEER_HEADER);
  if (typeof stamp !== "string" || !value) return null;
  const space = value.indexOf(" ");
  if (space < 0 || value.slice(0, space) !== stamp) return null;
  return value.slice(space + 1) || null;
}

/** An address as proxies write it, without port or IPv4-mapped prefix; null when it is not an IP address. */
export function normalizeAddress(raw: string | undefined): string | null {
  let value = raw?.trim().toLowerCase();
  if (!value) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value); // [v6]:port
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":")); // v4:port (Azure)
  if (value.startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value : null;
}

/**
 * The pure rule: the entry `trustedHops` places from the right of [...X-Forwarded-For, peer]
 * (the leftmost when the chain is shorter). Without a recorded peer the address is unknown.
 */
export function resolveClientAddress(input: { forwardedFor: string | null; peer: string | null; trustedHops: number }): string | null {
  if (!input.peer) return null;
  if (input.trustedHops === 0) return normalizeAddress(input.peer);
  const chain = [...(input.forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean), input.peer];
  return normalizeAddress(chain[Math.max(0, chain.length - 1 - input.trustedHops)]);
}

/** The client's address for this request, or null when it is unknown (see above). */
export function clientIp(headers: Pick<Headers, "get">): string | null {
  return resolveClientAddress({ forwardedFor: headers.get("x-forwarded-for"), peer: recordedPeer(headers), trustedHops: env().TRUST_PROXY_HOPS });
}
