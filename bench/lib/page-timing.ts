import type { BenchPage } from "./admin-page-list";

// One page, requested one request at a time (never two at once: this is the time one admin
// waits, not throughput), each timed from sending the request to the last byte of the body.
// A streamed page (loading.tsx) is only done when its last chunk arrives.

export interface PageTiming {
  label: string;
  path: string;
  baseline: boolean;
  bulk: boolean;
  medianMs: number;
  p95Ms: number;
  /** Rows the page shows (data-table rows, CSV lines); null when not a list. */
  rows: number | null;
  bytes: number;
  error?: string;
}

function percentile(sorted: number[], p: number): number {
  // Nearest rank: with 15 runs the p95 is the slowest but one.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Rows of the data tables, or else of every table body (overview, detail pages). */
function tableRows(html: string): number {
  const dataRows = html.split('data-testid="data-row"').length - 1;
  if (dataRows) return dataRows;
  const bodies = html.match(/<tbody[\s\S]*?<\/tbody>/g) ?? [];
  return bodies.reduce((n, body) => n + (body.match(/<tr[\s>]/g)?.length ?? 0), 0);
}

function countRows(page: BenchPage, body: string): number | null {
  if (page.rows === "table") return tableRows(body);
  if (page.rows === "csv") return Math.max(0, body.split("\n").filter((line) => line.trim()).length - 1);
  return null;
}

async function once(baseUrl: string, page: BenchPage, cookie: string): Promise<{ ms: number; status: number; location: string | null; body: string }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${page.path}`, { redirect: "manual", headers: page.baseline ? {} : { cookie } });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, location: response.headers.get("location"), body };
}

export async function timePage(baseUrl: string, page: BenchPage, cookie: string, runs: number, warmup: number): Promise<PageTiming> {
  const times: number[] = [];
  let last = { status: 0, location: null as string | null, body: "" };
  for (let i = 0; i < warmup + runs; i++) {
    const r = await once(baseUrl, page, cookie);
    last = r;
    // A redirect to /login or an error page is not the page: stop rather than time it.
    if (r.status !== 200) break;
    if (i >= warmup) times.push(r.ms);
  }
  const base = { label: page.label, path: page.path, baseline: !!page.baseline, bulk: !!page.bulk, bytes: Buffer.byteLength(last.body) };
  if (last.status !== 200) {
    return { ...base, medianMs: NaN, p95Ms: NaN, rows: null, error: `HTTP ${last.status}${last.location ? ` → ${last.location}` : ""}` };
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { ...base, medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95), rows: countRows(page, last.body) };
}
