import type { CpuUsage } from "./cpu";
import type { LoadResult } from "./load";

// The printed table and the targets of the issue.

export interface Phase {
  /** Row name in the table. */
  name: string;
  result: LoadResult;
  cpu: CpuUsage;
  /** req/s ÷ the health baseline's req/s (closed-loop rows only). */
  ratio: number | null;
  target?: Target;
  /** When the phase ran, in µs of the monotonic clock (the clock of V8 CPU profiles). */
  window: { startUs: number; endUs: number };
}

export interface Target {
  text: string;
  met: boolean;
}

function pad(text: string, width: number, right = false): string {
  const len = [...text].length;
  return right ? " ".repeat(Math.max(0, width - len)) + text : text + " ".repeat(Math.max(0, width - len));
}

export function table(headers: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = headers.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? "")].length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, rightAligned[i])).join("  ");
  return [line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].map((l) => l.trimEnd()).join("\n");
}

const fixed = (v: number | null | undefined, digits: number) => (v === null || v === undefined ? "–" : v.toFixed(digits));

export function resultsTable(phases: Phase[]): string {
  return table(
    ["route", "mode", "req/s", "p50 ms", "p99 ms", "errors", "× health", "target"],
    phases.map((p) => [
      p.name,
      p.result.mode === "paced" ? `paced ${p.result.targetRate}/s` : p.result.mode === "autocannon-rate" ? `autocannon ${p.result.targetRate}/s` : `${p.result.connections} conns`,
      fixed(p.result.rps, 0),
      fixed(p.result.latencyMs.p50, 1),
      fixed(p.result.latencyMs.p99, 1),
      String(p.result.errors),
      p.ratio === null ? "" : p.ratio.toFixed(2),
      p.target ? `${p.target.met ? "✓" : "✗"} ${p.target.text}` : "",
    ]),
    [false, false, true, true, true, true, true, false],
  );
}

export function cpuTable(phases: Phase[]): string {
  const perRequest = (cores: number | null, rps: number) => (cores === null || rps <= 0 ? "–" : ((cores * 1000) / rps).toFixed(2));
  return table(
    ["route", "server cores", "postgres cores", "load-gen cores", "other cores", "idle cores", "server ms/req", "postgres ms/req", "server r/w calls/req", "load 1m"],
    phases.map((p) => [
      p.name,
      fixed(p.cpu.serverCores, 2),
      fixed(p.cpu.postgresCores, 2),
      fixed(p.cpu.clientCores, 2),
      fixed(p.cpu.otherCores, 2),
      fixed(p.cpu.idleCores, 2),
      perRequest(p.cpu.serverCores, p.result.rps),
      perRequest(p.cpu.postgresCores, p.result.rps),
      p.cpu.serverSyscalls && p.result.responses ? `${(p.cpu.serverSyscalls.reads / p.result.responses).toFixed(1)} / ${(p.cpu.serverSyscalls.writes / p.result.responses).toFixed(1)}` : "–",
      p.cpu.loadAverage1m.toFixed(2),
    ]),
    [false, true, true, true, true, true, true, true, true, true],
  );
}

export function failureLines(phases: Phase[]): string[] {
  const lines: string[] = [];
  for (const p of phases) {
    const r = p.result;
    if (!r.errors) continue;
    const reasons = Object.entries(r.failures).map(([reason, n]) => `${n}× ${reason}`);
    if (r.socketErrors) reasons.push(`${r.socketErrors}× socket error/timeout`);
    lines.push(`  ${p.name}: ${reasons.join(", ")}`);
    if (r.firstFailure) lines.push(`    first: ${r.firstFailure.reason}: ${r.firstFailure.body.replace(/\s+/g, " ").slice(0, 300)}`);
  }
  return lines;
}
