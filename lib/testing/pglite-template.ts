import { readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/open";

// Vitest global setup for the PGlite project: migrate one in-memory database per run and dump
// its data folder to a file; every test file then starts from a copy of it. A fresh PGlite
// runs initdb first (2–3 s of CPU each, 48 files); loading the dump takes about 0.5 s.

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/** The migrated template's dump, as a Blob PGlite can load (read once per test worker). */
let cached: { file: string; blob: Blob } | undefined;
export function pgliteTemplateDump(file: string): Blob {
  if (cached?.file !== file) cached = { file, blob: new Blob([readFileSync(file)]) };
  return cached.blob;
}

export default async function setup(project: TestProject) {
  const opened = await openDatabase({ dataDir: "memory://" });
  // The Database wraps the PGlite client drizzle was given: dump that client's data folder.
  const client = (opened.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  await opened.close();
  const file = path.join(os.tmpdir(), `aff-pglite-template-${process.pid}-${Date.now().toString(36)}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return () => rmSync(file, { force: true });
}
