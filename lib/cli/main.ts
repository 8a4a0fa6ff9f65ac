// npm run cli -- <command>: the operations commands of SPEC.md §5.
import path from "node:path";
import { openDatabase } from "@/db/open";
import { env } from "@/lib/env";
import { ConfigError } from "@/lib/errors";
import { runCli } from "./run";

async function main(): Promise<number> {
  let e;
  try {
    e = env();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`error: ${error.message.replace(/\n\s*/g, " ")}`);
      return 1;
    }
    throw error;
  }
  return runCli(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    openDb: (options) => openDatabase({ url: e.DATABASE_URL, dataDir: path.join(e.DATA_DIR, "pglite"), migrate: options?.migrate ?? true, poolSize: 4 }),
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("error:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
