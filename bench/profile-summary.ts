// Where the server's CPU went, from a V8 CPU profile of `next start` (see bench/README.md):
//
//   npx tsx bench/profile-summary.ts <file.cpuprofile> [--results bench/results/track-….json
//        --phase click [--baseline health]] [--top 30]
//
// Frames of the Next.js build (.next/server/**.js) are mapped back to their sources through the
// build's source maps, so bundled zod, drizzle-orm and app code show up as such. With --results
// and --phase, only the samples taken while that phase ran count, and times are also given per
// answer; with --baseline, each area's per-answer time is set against the baseline phase's
// (what the route costs on top of a route that does nothing).
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}
interface PhaseWindow {
  name: string;
  result: { route: string; responses: number };
  window?: { startUs: number; endUs: number };
}

const maps = new Map<string, SourceMap | null>();
function sourceMapFor(url: string): SourceMap | null {
  if (maps.has(url)) return maps.get(url)!;
  let map: SourceMap | null = null;
  try {
    const file = url.startsWith("file://") ? fileURLToPath(url) : url;
    if (file.endsWith(".js") && existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")));
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

/** The original source of a frame ("…/node_modules/zod/…", "lib/services/…", "node:internal/…"). */
function originalSource(frame: CallFrame): { source: string; line: number } {
  const map = frame.url ? sourceMapFor(frame.url) : null;
  if (map) {
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number };
    if (entry?.originalSource) {
      // Sources are relative to the chunk (../../../lib/…) or turbopack:///[project]/….
      const source = entry.originalSource
        .replace(/^(turbopack:\/\/\/|webpack:\/\/)/, "")
        .replace(/^\[project\]\//, "")
        .replace(/^(\.\.?\/)+/, "");
      return { source, line: (entry.originalLine ?? 0) + 1 };
    }
  }
  return { source: frame.url.replace(/^file:\/\//, ""), line: frame.lineNumber + 1 };
}

/** A package, an app directory, or a runtime bucket. */
function areaOf(frame: CallFrame, source: string): string {
  if (!frame.url) return frame.functionName.startsWith("(") && frame.functionName !== "(anonymous)" ? frame.functionName : "(V8 builtins / native)";
  if (source.startsWith("node:")) return "node: " + source.replace(/^node:(internal\/)?/, "").split("/")[0];
  const nm = source.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = source.slice(nm + "node_modules/".length).split("/");
    // drizzle-orm's own source maps point at ../src/…, which resolves to node_modules/src/….
    const pkg = rest[0] === "src" ? "drizzle-orm" : rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    if (pkg === "next") {
      const compiled = rest.indexOf("compiled");
      if (compiled >= 0) return `next: compiled/${rest[compiled + 1]}`;
      return `next: ${rest.slice(2, 4).join("/")}`;
    }
    return pkg;
  }
  // Next's own sources, as its source maps name them (…/src/server/…).
  const src = source.match(/(?:^|\/)src\/(server|lib|shared|client|build)\/([^/]+)/);
  if (src) return `next: src/${src[1]}/${src[2]!.replace(/\.[tj]sx?$/, "")}`;
  if (source.includes("[turbopack]")) return "turbopack runtime";
  if (source.includes("/.next/")) return ".next (unmapped)";
  const parts = source.replace(/^\.\//, "").split("/");
  return `app: ${parts.slice(0, Math.min(parts.length - 1, 3)).join("/") || source}`;
}

interface Tally {
  busyMs: number;
  idleMs: number;
  area: Map<string, number>;
  self: Map<string, number>;
  inclusive: Map<string, number>;
}

function tally(profile: Profile, from = -Infinity, to = Infinity): Tally {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const info = new Map<number, { area: string; label: string; name: string }>();
  for (const n of profile.nodes) {
    const { source, line } = originalSource(n.callFrame);
    const name = n.callFrame.functionName || "(anonymous)";
    info.set(n.id, { area: areaOf(n.callFrame, source), label: `${name}  ${source}:${line}`, name });
  }
  const t: Tally = { busyMs: 0, idleMs: 0, area: new Map(), self: new Map(), inclusive: new Map() };
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < from || at > to) return;
    const ms = delta / 1000;
    const me = info.get(id)!;
    if (byId.get(id)!.callFrame.functionName === "(idle)") {
      t.idleMs += ms;
      return;
    }
    t.busyMs += ms;
    add(t.area, me.area, ms);
    add(t.self, me.label, ms);
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const k = info.get(node)!;
      if (seen.has(k.label)) continue;
      seen.add(k.label);
      add(t.inclusive, k.label, ms);
    }
  });
  return t;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main() {
  const file = process.argv[2];
  if (!file || file.startsWith("--")) {
    console.error("usage: tsx bench/profile-summary.ts <file.cpuprofile> [--results <track-….json> --phase <row> [--baseline <row>]] [--top N]");
    process.exit(2);
  }
  const top = Number(arg("top") ?? 25);
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const results = arg("results") ? (JSON.parse(readFileSync(arg("results")!, "utf8")) as { phases: PhaseWindow[] }) : undefined;
  const findPhase = (name: string | undefined) => {
    if (!name) return undefined;
    const phase = results?.phases.find((p) => p.name === name || p.result.route === name);
    if (!phase?.window) throw new Error(`No phase "${name}" with a time window in ${arg("results") ?? "(no --results)"}.`);
    return phase;
  };
  const phase = findPhase(arg("phase"));
  const baseline = findPhase(arg("baseline"));
  const main = tally(profile, phase?.window!.startUs, phase?.window!.endUs);
  const base = baseline ? tally(profile, baseline.window!.startUs, baseline.window!.endUs) : undefined;
  const n = phase?.result.responses ?? 0;
  const nb = baseline?.result.responses ?? 0;

  const pct = (ms: number) => `${((100 * ms) / main.busyMs).toFixed(1).padStart(5)} %`;
  const per = (ms: number, count: number) => (count ? `${((ms / count) * 1000).toFixed(0).padStart(5)} µs` : "");
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);

  console.log(`${path.basename(file)}${phase ? `, phase "${phase.name}" (${n} answers)` : ", whole run"}: ${(main.busyMs / 1000).toFixed(1)} s busy, ${(main.idleMs / 1000).toFixed(1)} s idle on the main thread${n ? `; ${per(main.busyMs, n).trim()} busy per answer` : ""}`);
  if (base) console.log(`baseline "${baseline!.name}" (${nb} answers): ${per(base.busyMs, nb).trim()} busy per answer`);

  console.log(`\nSelf time by area${n ? " (share, per answer" + (base ? `, per answer in ${baseline!.name}, difference` : "") + ")" : ""}:`);
  const areas = sorted(main.area);
  if (base) {
    // Sort by what the route adds per answer.
    const keys = new Set([...main.area.keys(), ...base.area.keys()]);
    const rows = [...keys].map((k) => ({ k, mine: (main.area.get(k) ?? 0) / n, theirs: (base.area.get(k) ?? 0) / nb }));
    rows.sort((a, b) => b.mine - b.theirs - (a.mine - a.theirs));
    for (const r of rows.slice(0, top)) {
      const d = (r.mine - r.theirs) * 1000;
      console.log(`  ${pct(r.mine * n)}  ${(r.mine * 1000).toFixed(0).padStart(5)} µs  ${(r.theirs * 1000).toFixed(0).padStart(5)} µs  ${(d >= 0 ? "+" : "") + d.toFixed(0).padStart(4)} µs  ${r.k}`);
    }
    const d = (main.busyMs / n - base.busyMs / nb) * 1000;
    console.log(`  total: ${((main.busyMs / n) * 1000).toFixed(0)} µs vs ${((base.busyMs / nb) * 1000).toFixed(0)} µs per answer: +${d.toFixed(0)} µs`);
  } else {
    for (const [k, ms] of areas.slice(0, top)) console.log(`  ${pct(ms)}  ${per(ms, n)}  ${k}`);
  }

  console.log("\nTop functions by self time:");
  for (const [label, ms] of sorted(main.self).slice(0, top)) console.log(`  ${pct(ms)}  ${per(ms, n)}  ${label}`);

  console.log("\nInclusive time of the app's own functions (all callees included):");
  const appFrames = sorted(main.inclusive).filter(([l]) => /\s{2}(app|lib|db)\/\S+:\d+$/.test(l));
  for (const [label, ms] of appFrames.slice(0, top)) console.log(`  ${pct(ms)}  ${per(ms, n)}  ${label}`);
}

main();
