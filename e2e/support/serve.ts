// Playwright's web server: `npm start` on a fresh database (or, with KEEP_DATABASE=1, the one there is). Builds first when there is no
// build yet, and passes SIGTERM on so the database is closed cleanly.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { resetPostgres } from "./postgres";

const nextBin = "node_modules/.bin/next";

async function main() {
  if (!existsSync(".next/BUILD_ID")) {
    const build = spawnSync(nextBin, ["build"], { stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  // KEEP_DATABASE=1 (the docs screenshots): the seeded demo database is what is wanted.
  if (process.env.KEEP_DATABASE === "1") console.log("Keeping the database (KEEP_DATABASE=1)");
  else if (process.env.DATABASE_URL) await resetPostgres(process.env.DATABASE_URL);
  else rmSync(process.env.DATA_DIR ?? ".data-e2e", { recursive: true, force: true });

  // `npm start` itself, so the suites run the server the way the README tells a store to
  // (its node flags and keep-alive timeout included). npm passes SIGTERM on to it.
  const server = spawn("npm", ["run", "-s", "start", "--", "-p", process.env.PORT ?? "3200"], { stdio: "inherit" });
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

void main();
