// npm run bench:gc: which of the objects every Next.js route handler request makes outlive the
// young generation on this Node.js, measured against a plain object of the same use. Each
// scenario runs in its own `node --trace-gc-nvp` process with the node flags of `npm start` (read
// from package.json); see bench/README.md.
import { spawn } from "node:child_process";
import path from "node:path";
import { SCENARIOS, type ScenarioName } from "./lib/gc-scenario";
import { readStartCommand } from "./lib/start-command";

const COUNT = Number(process.env.BENCH_GC_COUNT ?? 200_000);
const NODE_FLAGS = ["--trace-gc-nvp", ...readStartCommand(path.resolve(__dirname, "..")).nodeFlags];

interface Collections {
  scavenges: number;
  markCompacts: number;
  promotedBytes: number;
  pauseMs: number;
}

/** Sums the loop's collections out of `--trace-gc-nvp` lines (key=value pairs, one GC a line). */
export function sumCollections(output: string): Collections {
  const sums: Collections = { scavenges: 0, markCompacts: 0, promotedBytes: 0, pauseMs: 0 };
  let inLoop = false;
  for (const line of output.split("\n")) {
    if (line === "START") inLoop = true;
    else if (line === "END") inLoop = false;
    else if (inLoop && line.includes(" gc=")) {
      const fields = Object.fromEntries(line.split(/\s+/).filter((f) => f.includes("=")).map((f) => f.split("=", 2) as [string, string]));
      if (fields.gc === "s") sums.scavenges++;
      if (fields.gc === "mc") sums.markCompacts++;
      sums.promotedBytes += Number(fields.promoted ?? 0);
      sums.pauseMs += Number(fields.pause ?? 0);
    }
  }
  return sums;
}

function measure(name: ScenarioName): Promise<Collections> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, "--import", "tsx", path.join(__dirname, "lib", "gc-scenario.ts"), name, String(COUNT)], { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0 || !output.includes("END")) reject(new Error(`scenario "${name}" exited with ${code}`));
      else resolve(sumCollections(output));
    });
  });
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

async function main() {
  console.log(`bench:gc — node ${process.version}, ${COUNT.toLocaleString("en")} of each, 1,000 per event-loop turn, ${NODE_FLAGS.join(" ")}`);
  console.log("");
  console.log(`${"made per request".padEnd(22)}  ${pad("promoted MB", 11)}  ${pad("bytes each", 10)}  ${pad("scavenges", 9)}  ${pad("full GCs", 8)}  ${pad("GC pause ms", 11)}`);
  console.log(`${"─".repeat(22)}  ${"─".repeat(11)}  ${"─".repeat(10)}  ${"─".repeat(9)}  ${"─".repeat(8)}  ${"─".repeat(11)}`);
  for (const name of Object.keys(SCENARIOS) as ScenarioName[]) {
    const c = await measure(name);
    console.log(
      `${name.padEnd(22)}  ${pad((c.promotedBytes / 2 ** 20).toFixed(1), 11)}  ${pad(Math.round(c.promotedBytes / COUNT), 10)}  ${pad(c.scavenges, 9)}  ${pad(c.markCompacts, 8)}  ${pad(c.pauseMs.toFixed(0), 11)}`,
    );
  }
  console.log("");
  console.log("promoted = bytes that were still alive at their second scavenge and moved to the old generation,");
  console.log("where only a full (mark-compact) GC frees them. Every object here was dropped right after it was made.");
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
