import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseEnv } from "@/lib/env";
import { ConfigError } from "@/lib/errors";
import "./peer-address.mjs";
import { clientIp, normalizeAddress, PEER_HEADER, resolveClientAddress } from "./client-ip";

describe("the client address from TRUST_PROXY_HOPS (pure rule)", () => {
  const peer = "192.0.2.10";
  test.each<[string, string | null, number, string | null]>([
    // nothing in front of the app: the TCP peer, whatever the client claims
    ["no proxy, no header", null, 0, peer],
    ["no proxy, a client's own X-Forwarded-For is ignored", "203.0.113.9", 0, peer],
    ["no proxy, a client's long made-up chain is ignored", "1.1.1.1, 8.8.8.8, 203.0.113.9", 0, peer],
    // one proxy (nginx, a cloud load balancer) appends what it saw; the peer is the proxy
    ["one proxy: the entry it appended", "198.51.100.7", 1, "198.51.100.7"],
    ["one proxy: a client's own entries on the left are ignored", "6.6.6.6, 198.51.100.7", 1, "198.51.100.7"],
    ["two proxies (CDN, then nginx)", "6.6.6.6, 198.51.100.7, 172.16.0.3", 2, "198.51.100.7"],
    ["a chain shorter than the hops (the proxy was bypassed): its leftmost entry", null, 2, peer],
    ["an entry that is not an address", "6.6.6.6, unknown", 1, null],
  ])("%s", (_name, forwardedFor, trustedHops, expected) => {
    expect(resolveClientAddress({ forwardedFor, peer, trustedHops })).toBe(expected);
  });

  test("no recorded peer: the address is unknown, whatever the headers say", () => {
    expect(resolveClientAddress({ forwardedFor: "203.0.113.9", peer: null, trustedHops: 0 })).toBeNull();
    expect(resolveClientAddress({ forwardedFor: "203.0.113.9", peer: null, trustedHops: 1 })).toBeNull();
  });

  test.each([
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["198.51.100.7:51234", "198.51.100.7"],
    ["[2001:DB8::1]:443", "2001:db8::1"],
    ["2001:db8::1", "2001:db8::1"],
    [" 10.0.0.1 ", "10.0.0.1"],
    ["not-an-ip", null],
    ["", null],
  ])("normalizes %j to %j", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });
});

describe("TRUST_PROXY_HOPS in the environment", () => {
  test("defaults to 0 and takes a whole number", () => {
    expect(parseEnv({}).TRUST_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUST_PROXY_HOPS: " 2 " }).TRUST_PROXY_HOPS).toBe(2);
  });
  test.each(["-1", "one", "1.5", "21"])("%j stops the start with a message naming it", (value) => {
    expect(() => parseEnv({ TRUST_PROXY_HOPS: value })).toThrow(ConfigError);
    expect(() => parseEnv({ TRUST_PROXY_HOPS: value })).toThrow(/TRUST_PROXY_HOPS/);
  });
});

describe("a real HTTP server with the peer recorder loaded (TRUST_PROXY_HOPS=0)", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
      res.end(JSON.stringify({ ip: clientIp(headers) }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ask = async (headers: Record<string, string>) => ((await (await fetch(`http://127.0.0.1:${port}/`, { headers })).json()) as { ip: string | null }).ip;

  test("the address is the socket's, not what the client sends in X-Forwarded-For, X-Real-IP or the private header", async () => {
    expect(await ask({})).toBe("127.0.0.1");
    expect(await ask({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.10" })).toBe("127.0.0.1");
    expect(await ask({ [PEER_HEADER]: "forged 203.0.113.11" })).toBe("127.0.0.1");
  });

  test("headers that did not pass through the server carry no address", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBeNull();
    expect(clientIp(new Headers({ [PEER_HEADER]: "forged 203.0.113.11" }))).toBeNull();
  });
});
