import { randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { expect } from "vitest";
import "@/lib/http/peer-address.mjs";
import { PEER_HEADER } from "@/lib/http/client-ip";
import { adjustments, clicks, commissionEvents, commissions, couponCodes, customers, leads, links, orderItems, orders, partners, refunds } from "@/db/schema";
import type { Db } from "@/db/types";
import { SYSTEM } from "@/lib/services/actor";
import { createApiKey, revokeApiKey } from "@/lib/services/api-keys";
import { uid } from "./fixtures";
import { tableSnapshot } from "./table-snapshot";

// Helpers for route-handler tests: build requests, call handlers the way Next.js does,
// read answers, and check that a refused request wrote nothing.

export const BASE_URL = "http://localhost:3000";

/** A JSON answer read loosely: tests assert its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface RequestOptions {
  method?: string;
  /** Sent as `Authorization: Bearer <key>`. */
  key?: string;
  headers?: Record<string, string>;
  /** The body as is, instead of JSON.stringify(body). */
  raw?: string;
}

export function request(path: string, body?: unknown, options: RequestOptions = {}): NextRequest {
  const headers = new Headers(options.headers);
  if (options.key !== undefined) headers.set("authorization", `Bearer ${options.key}`);
  const payload = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
  if (payload !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  return new NextRequest(new URL(path, BASE_URL), { method: options.method ?? (payload === undefined ? "GET" : "POST"), headers, body: payload });
}

/** Any route handler: `(request)` or `(request, { params })`. */
export type Handler = (request: NextRequest, context: { params: Promise<never> }) => Promise<Response> | Response;

export function call(handler: Handler, req: NextRequest, params: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(handler(req, { params: Promise.resolve(params) as Promise<never> }));
}

export function postJson(handler: Handler, body: unknown, options: RequestOptions = {}): Promise<Response> {
  return call(handler, request("/", body, { method: "POST", ...options }));
}

export function getWith(handler: Handler, path: string, options: RequestOptions & { params?: Record<string, string> } = {}): Promise<Response> {
  return call(handler, request(path, undefined, options), options.params);
}

export async function readJson(res: Response): Promise<Json> {
  expect(res.headers.get("content-type") ?? "").toMatch(/^application\/json/);
  return res.json();
}

/**
 * Asserts the SPEC.md §3 error shape `{"error": {code, message, details?}}` with this status
 * and code, and that `details` names each of `fields`. Answers the error object.
 */
export async function expectError(res: Response, status: number, code: string, fields: string[] = []): Promise<{ code: string; message: string; details?: { field: string; message: string }[] }> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type") ?? "").toMatch(/^application\/json/);
  const body = JSON.parse(text) as Json;
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error).toMatchObject({ code, message: expect.any(String) });
  expect(body.error.message.length).toBeGreaterThan(0);
  for (const key of Object.keys(body.error)) expect(["code", "message", "details"]).toContain(key);
  if (fields.length) {
    expect(Array.isArray(body.error.details), text).toBe(true);
    for (const d of body.error.details) expect(d).toEqual({ field: expect.any(String), message: expect.any(String) });
    const named = (body.error.details as { field: string }[]).map((d) => d.field);
    for (const field of fields) expect(named, text).toContain(field);
  }
  return body.error;
}

const COUNTED = { orders, orderItems, commissions, commissionEvents, adjustments, clicks, leads, refunds, customers, partners, couponCodes, links };
export type RowCounts = Record<keyof typeof COUNTED, number>;

/** Rows in the tables tests count additions to (expectNothingWritten checks every table). */
export async function rowCounts(db: Db): Promise<RowCounts> {
  const entries = await Promise.all(
    Object.entries(COUNTED).map(async ([name, table]) => {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
      return [name, Number(row!.n)] as const;
    }),
  );
  return Object.fromEntries(entries) as RowCounts;
}

/**
 * The Integration page's log of tracking requests: every request adds a row, refused ones
 * too (that is what the log is for), so a refused request may append to it but must leave
 * the rows already there as they were.
 */
const REQUEST_LOGS = ["public.tracking_events"];

/**
 * Runs `fn` (a refused request) and asserts that it wrote nothing: every table of the
 * database holds the same rows with the same contents afterwards (see table-snapshot.ts),
 * apart from new entries in the request log.
 */
export async function expectNothingWritten<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const before = await tableSnapshot(db);
  const result = await fn();
  const firstRows = Object.fromEntries(REQUEST_LOGS.map((name) => [name, before[name]!.rows]));
  const after = await tableSnapshot(db, { firstRows });
  expect(after, "tables changed by a request that should write nothing").toEqual(before);
  return result;
}

/** A client address no other test uses (the rate limits count per address). */
export function uniqueIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/**
 * The header the server writes for a request whose TCP peer is `ip` (lib/http/peer-address.mjs,
 * loaded above as the server process loads it): how a route-handler test sends a request
 * "from" an address. A client's own X-Forwarded-For does not do it (lib/http/client-ip.ts).
 */
export function fromAddress(ip: string): Record<string, string> {
  const stamp = (globalThis as Record<symbol, unknown>)[Symbol.for("affiliates.peer-address.stamp")];
  return { [PEER_HEADER]: `${String(stamp)} ${ip}` };
}

/** A key that worked once and has been revoked. */
export async function revokedApiKey(db: Db): Promise<string> {
  const key = await createApiKey(db, SYSTEM, { name: uid("revoked ") });
  await revokeApiKey(db, SYSTEM, key.id);
  return key.secret;
}

/** `Authorization` headers that must each get 401 with this code. */
export function badAuthorizations(revokedKey: string): { name: string; headers: Record<string, string>; code: "missing_key" | "invalid_key" }[] {
  return [
    { name: "no Authorization header", headers: {}, code: "missing_key" },
    { name: "an empty Bearer", headers: { authorization: "Bearer " }, code: "missing_key" },
    { name: "Basic instead of Bearer", headers: { authorization: `Basic ${Buffer.from("user:pass").toString("base64")}` }, code: "missing_key" },
    { name: "the key without a scheme", headers: { authorization: revokedKey }, code: "missing_key" },
    { name: "two tokens", headers: { authorization: "Bearer sk_aff_a sk_aff_b" }, code: "missing_key" },
    { name: "a key that never existed", headers: { authorization: `Bearer sk_aff_${"x".repeat(43)}` }, code: "invalid_key" },
    { name: "a key of another format", headers: { authorization: "Bearer pk_live_123" }, code: "invalid_key" },
    { name: "a revoked key", headers: { authorization: `Bearer ${revokedKey}` }, code: "invalid_key" },
  ];
}

/** Sends `send(headers)` with each bad `Authorization` header: 401 with its code, and nothing written. */
export async function expectEveryBadKeyRefused(db: Db, send: (headers: Record<string, string>) => Promise<Response>): Promise<void> {
  for (const { name, headers, code } of badAuthorizations(await revokedApiKey(db))) {
    await expectNothingWritten(db, async () => {
      const res = await send(headers);
      expect(res.status, name).toBe(401);
      await expectError(res, 401, code);
    });
  }
}
