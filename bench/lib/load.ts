import http from "node:http";
import autocannon from "autocannon";
import type { HeaderBag, RouteSpec } from "./routes";

// Two ways to load a route:
// - closed loop (autocannon): N connections, each sends its next request as soon as the last
//   one is answered, for a fixed time. Gives the peak rate.
// - open loop at a fixed rate (pacedLoad): requests are sent on an even schedule whatever
//   the server does, and each latency is counted from the moment the request was due, so a
//   stall shows up in the percentiles instead of silently slowing the sender down.
//   (autocannon's overallRate sends each connection's share of a second back to back at the
//   start of the second, so "70 % of peak" there is bursts at 100 % followed by silence;
//   the bursts' latency is the saturated latency.)

export const SAMPLE_EVERY = 20;

export interface LoadResult {
  route: string;
  label: string;
  mode: "closed" | "paced" | "autocannon-rate";
  connections: number;
  durationSec: number;
  /** Fixed-rate modes only: the requested rate. */
  targetRate?: number;
  /** Answers received (good or bad). */
  responses: number;
  rps: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  good: number;
  /** Bad answers by reason, e.g. {"HTTP 429": 12}. */
  failures: Record<string, number>;
  /** Socket errors and timeouts (no answer). */
  socketErrors: number;
  errors: number;
  /** Answers whose body was checked in full. */
  sampled: number;
  firstFailure?: { reason: string; status: number; body: string };
}

class Tally {
  good = 0;
  sampled = 0;
  seen = 0;
  failures: Record<string, number> = {};
  firstFailure?: { reason: string; status: number; body: string };
  constructor(private readonly spec: RouteSpec) {}
  record(status: number, headers: HeaderBag, body: string, expect: Record<string, unknown>) {
    const deep = this.seen++ % SAMPLE_EVERY === 0;
    if (deep) this.sampled++;
    const reason = this.spec.check(status, headers, body, expect, deep);
    if (reason === null) {
      this.good++;
      return;
    }
    this.failures[reason] = (this.failures[reason] ?? 0) + 1;
    this.firstFailure ??= { reason, status, body: body.slice(0, 500) };
  }
  get bad() {
    return Object.values(this.failures).reduce((a, b) => a + b, 0);
  }
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

type Ctx = { expect?: Record<string, unknown> };

/** Closed loop with autocannon: the peak rate at `connections` concurrent requests (or autocannon's own overallRate). */
export async function closedLoad(baseUrl: string, spec: RouteSpec, options: { connections: number; durationSec: number; overallRate?: number }): Promise<LoadResult> {
  const tally = new Tally(spec);
  const first = spec.build();
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.durationSec,
    timeout: 10,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests: [
      {
        method: first.method,
        path: first.path,
        setupRequest(request, context) {
          const built = spec.build();
          (context as Ctx).expect = built.expect;
          return { ...request, method: built.method, path: built.path, headers: built.headers, body: built.body };
        },
        onResponse(status, body, context, headers) {
          tally.record(status, (headers ?? {}) as HeaderBag, body, (context as Ctx).expect ?? {});
        },
      },
    ],
  });
  const socketErrors = result.errors; // includes timeouts
  const responses = tally.good + tally.bad;
  return {
    route: spec.name,
    label: spec.label,
    mode: options.overallRate ? "autocannon-rate" : "closed",
    connections: options.connections,
    durationSec: result.duration,
    ...(options.overallRate ? { targetRate: options.overallRate } : {}),
    responses,
    rps: round(responses / result.duration, 1),
    latencyMs: { mean: round(result.latency.mean), p50: round(result.latency.p50), p90: round(result.latency.p90), p99: round(result.latency.p99), max: round(result.latency.max) },
    good: tally.good,
    failures: tally.failures,
    socketErrors,
    errors: tally.bad + socketErrors,
    sampled: tally.sampled,
    firstFailure: tally.firstFailure,
  };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Open loop at `rate` req/s, evenly spaced; latency counted from when each request was due. */
export function pacedLoad(baseUrl: string, spec: RouteSpec, options: { rate: number; durationSec: number; connections: number }): Promise<LoadResult> {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const tally = new Tally(spec);
  const latencies: number[] = [];
  const total = Math.max(1, Math.round(options.rate * options.durationSec));
  const interval = 1000 / options.rate;
  let sent = 0;
  let done = 0;
  let socketErrors = 0;
  const start = performance.now();

  return new Promise((resolve) => {
    const finish = () => {
      agent.destroy();
      const elapsed = (performance.now() - start) / 1000;
      latencies.sort((a, b) => a - b);
      const mean = latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1);
      const responses = tally.good + tally.bad;
      resolve({
        route: spec.name,
        label: spec.label,
        mode: "paced",
        connections: options.connections,
        durationSec: round(elapsed),
        targetRate: round(options.rate, 1),
        responses,
        rps: round(responses / elapsed, 1),
        latencyMs: { mean: round(mean), p50: round(percentile(latencies, 50)), p90: round(percentile(latencies, 90)), p99: round(percentile(latencies, 99)), max: round(percentile(latencies, 100)) },
        good: tally.good,
        failures: tally.failures,
        socketErrors,
        errors: tally.bad + socketErrors,
        sampled: tally.sampled,
        firstFailure: tally.firstFailure,
      });
    };
    const settle = () => {
      if (++done === total) finish();
    };
    const send = (due: number) => {
      const built = spec.build();
      let answered = false;
      const answer = (record: () => void) => {
        if (answered) return;
        answered = true;
        record();
        settle();
      };
      const request = http.request(
        { host: url.hostname, port: url.port, method: built.method, path: built.path, headers: built.body ? { ...built.headers, "content-length": Buffer.byteLength(built.body) } : built.headers, agent },
        (response) => {
          let body = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (body += chunk));
          response.on("end", () =>
            answer(() => {
              latencies.push(performance.now() - due);
              tally.record(response.statusCode ?? 0, response.headers as HeaderBag, body, built.expect);
            }),
          );
          response.on("error", () => answer(() => socketErrors++));
        },
      );
      request.setTimeout(10_000, () => request.destroy(new Error("timeout")));
      request.on("error", () => answer(() => socketErrors++));
      request.end(built.body);
    };
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor((now - start) / interval) + 1);
      while (sent < due) send(start + sent++ * interval);
      if (sent < total) setTimeout(tick, Math.max(0, Math.min(5, start + sent * interval - performance.now())));
    };
    tick();
  });
}
