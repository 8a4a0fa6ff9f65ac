import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { npmStartApp, startApp, waitUntilReady, type AppProcess } from "../support/app-process";
import { createPostgresDatabase } from "../support/postgres";

// The real `npm start` (its preload records each request's TCP peer) against what a client can
// send: with TRUST_PROXY_HOPS=0 a made-up X-Forwarded-For changes nothing, with 1 the entry the
// proxy appended is the address; a 50 MB body is refused at the click's limit; and on
// PostgreSQL two processes share the click limit. Every test runs servers of its own.

const SECRET = "ops-test-secret-0123456789abcdef";
const onPostgres = !!process.env.E2E_DATABASE_URL;
const BASE_PORT = Number(process.env.E2E_PORT ?? 3200) + 1;
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

// Servers start slowly on a busy machine, and a test sends a few hundred requests.
test.describe.configure({ mode: "serial", timeout: 300_000 });

// Stopped after each test even when it timed out (a finally block would not run then).
const started: AppProcess[] = [];
const programs: Program[] = [];
test.afterEach(async () => {
  for (const app of started.splice(0)) await app.stop();
  for (const p of programs.splice(0)) await p.cleanup();
});

interface Program {
  env: Record<string, string>;
  key: string;
  cleanup(): Promise<void>;
}

/** A fresh database with an API key made by the CLI (before any server holds it). */
async function program(name: string): Promise<Program> {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (onPostgres) {
    const db = await createPostgresDatabase(process.env.E2E_DATABASE_URL!, `${name}_${process.pid}`);
    env = { DATABASE_URL: db.url };
    cleanup = db.drop;
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), `${name}-`));
    env = { DATA_DIR: dir, DATABASE_URL: "" };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const p: Program = { env, key: "", cleanup };
  programs.push(p);
  const out = execFileSync("npm", ["run", "-s", "cli", "--", "api-key", "create", "--name", "ops"], { env: { ...process.env, ...env }, encoding: "utf8" });
  p.key = out.trim().split("\n").at(-1)!.trim();
  return p;
}

async function start(port: number, p: Program, extra: Record<string, string> = {}): Promise<AppProcess> {
  const app = npmStartApp(port, { ...p.env, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: `http://localhost:${port}`, ...extra });
  started.push(app);
  await waitUntilReady(app, 180_000);
  return app;
}

/** A partner and a custom link of theirs, through the REST API. */
async function linkOf(app: AppProcess, key: string): Promise<string> {
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const partner = await fetch(`${app.url}/api/v1/partners`, { method: "POST", headers, body: JSON.stringify({ name: "Ops Partner", email: `ops-${Date.now()}@example.com` }) });
  expect(partner.status).toBe(201);
  const { id } = (await partner.json()) as { id: string };
  const link = await fetch(`${app.url}/api/v1/links`, { method: "POST", headers, body: JSON.stringify({ partnerId: id, destinationUrl: "https://shop.example.com/p/1" }) });
  expect(link.status).toBe(201);
  return ((await link.json()) as { slug: string }).slug;
}

function click(app: AppProcess, ref: string, forwardedFor?: string): Promise<Response> {
  return fetch(`${app.url}/api/track/click`, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": BROWSER, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    body: JSON.stringify({ ref }),
  });
}

/** Counted clicks of a link (repeats of one address within the hour count once). */
async function countedClicks(app: AppProcess, key: string, slug: string): Promise<number> {
  const res = await fetch(`${app.url}/api/v1/links/${slug}/stats`, { headers: { authorization: `Bearer ${key}` } });
  return ((await res.json()) as { clicks: number }).clicks;
}

/**
 * Sends clicks (`forwardedFor(i)` for the i-th) until one is refused with 429; answers how many
 * went through, and how many the 1-a-second refill can explain over the time it took.
 */
async function clicksUntilLimited(app: AppProcess, ref: string, forwardedFor: (i: number) => string | undefined, max = 250) {
  const startedAt = Date.now();
  for (let i = 0; i < max; i++) {
    const status = (await click(app, ref, forwardedFor(i))).status;
    if (status === 429) return { allowed: i, refilled: Math.ceil((Date.now() - startedAt) / 1000) + 1 };
    expect(status).toBe(200);
  }
  return { allowed: max, refilled: Math.ceil((Date.now() - startedAt) / 1000) + 1 };
}

test("TRUST_PROXY_HOPS=0 (default): a client's own X-Forwarded-For chooses neither the click limit's nor the repeat rule's address", async () => {
  const p = await program("aff_addr0");
  const app = await start(BASE_PORT, p, { TRUST_PROXY_HOPS: "" });
  const slug = await linkOf(app, p.key);
  // every click claims another address; believed, none would ever be limited
  const { allowed, refilled } = await clicksUntilLimited(app, slug, (i) => `203.0.${Math.floor(i / 250)}.${(i % 250) + 1}`);
  expect(allowed).toBeGreaterThanOrEqual(60);
  expect(allowed).toBeLessThanOrEqual(60 + refilled);
  // and they were all one address (the socket's): one counted click, the rest repeats
  expect(await countedClicks(app, p.key, slug)).toBe(1);
});

test("TRUST_PROXY_HOPS=1: the entry the proxy appended is the address, entries a client put before it are not", async () => {
  const p = await program("aff_addr1");
  const app = await start(BASE_PORT + 1, p, { TRUST_PROXY_HOPS: "1" });
  const slug = await linkOf(app, p.key);
  // two shoppers behind the proxy; the second also sends a made-up entry of its own
  expect((await click(app, slug, "198.51.100.1")).status).toBe(200);
  expect((await click(app, slug, "6.6.6.6, 198.51.100.2")).status).toBe(200);
  // the first again, claiming to be someone else: the same address, so a repeat
  expect((await click(app, slug, "7.7.7.7, 198.51.100.1")).status).toBe(200);
  expect(await countedClicks(app, p.key, slug)).toBe(2);
  // the limit counts the proxied address, whatever a client puts before it
  const { allowed, refilled } = await clicksUntilLimited(app, slug, (i) => `${(i % 200) + 1}.1.1.1, 198.51.100.9`);
  expect(allowed).toBeGreaterThanOrEqual(60);
  expect(allowed).toBeLessThanOrEqual(60 + refilled);
  // another address behind the proxy is not held back by it
  expect((await click(app, slug, "198.51.100.10")).status).toBe(200);
});

test("a server started without npm start's preload (plain next start) records the peer from its instrumentation", async () => {
  const p = await program("aff_plain");
  const port = BASE_PORT + 5;
  const app = startApp(port, { ...p.env, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: `http://localhost:${port}`, TRUST_PROXY_HOPS: "" });
  started.push(app);
  await waitUntilReady(app, 180_000);
  const slug = await linkOf(app, p.key);
  for (const claimed of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) expect((await click(app, slug, claimed)).status).toBe(200);
  // one address (the socket's): had the peer not been recorded, there would be no address to repeat
  expect(await countedClicks(app, p.key, slug)).toBe(1);
});

/** Resident memory of the largest process in npm's process group (the server), in MB. */
function serverRssMb(group: number): number | null {
  if (!existsSync("/proc/self/stat")) return null;
  let largest = 0;
  for (const entry of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp !== group) continue;
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1] ?? 0);
      largest = Math.max(largest, rss);
    } catch {
      // the process ended meanwhile
    }
  }
  return largest / 1024;
}

/** POSTs `totalBytes` in 64 KB chunks, as fast as the server reads them; resolves at the answer. */
function postHuge(url: string, totalBytes: number, declareLength: boolean): Promise<{ status: number; body: string; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/json", "user-agent": BROWSER };
    if (declareLength) headers["content-length"] = String(totalBytes);
    const req = http.request(`${url}/api/track/click`, { method: "POST", headers });
    let sent = 0;
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      const sentBytes = sent;
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sentBytes });
      });
    });
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test("a 50 MB POST to the click endpoint is refused with 413 at its 32 KB limit, without reading it or growing the server's memory", async () => {
  const p = await program("aff_body");
  const app = await start(BASE_PORT + 2, p);
  for (const declareLength of [true, false]) {
    const before = serverRssMb(app.pid);
    const answer = await postHuge(app.url, 50 * 1024 * 1024, declareLength);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: "payload_too_large", message: "The request body is too large (at most 32 KB)." } });
    // answered while most of the 50 MB was still unsent (what was sent sat in socket buffers)
    expect(answer.sentBytes).toBeLessThan(20 * 1024 * 1024);
    const after = serverRssMb(app.pid);
    if (before !== null && after !== null) expect(after - before).toBeLessThan(25);
  }
  // and the server still answers
  expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
});

test("two npm start processes on one PostgreSQL share the click limit", async () => {
  test.skip(!onPostgres, "the embedded database serves one process; sharing is a PostgreSQL matter");
  const p = await program("aff_shared");
  const a = await start(BASE_PORT + 3, p);
  const b = await start(BASE_PORT + 4, p);
  const slug = await linkOf(a, p.key);
  expect((await clicksUntilLimited(a, slug, () => undefined)).allowed).toBeGreaterThanOrEqual(60);
  await new Promise((r) => setTimeout(r, 500)); // a's background report
  // b has seen none of it: it lets a few through until its own report, then holds the line;
  // counting apart, it would allow a burst of 60
  const { allowed } = await clicksUntilLimited(b, slug, () => undefined);
  expect(allowed).toBeLessThan(30);
});
