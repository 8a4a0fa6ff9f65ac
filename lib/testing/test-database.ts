import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { useDatabase } from "@/db/client";
import { openDatabase } from "@/db/open";
import type { Database, OpenDatabase } from "@/db/types";
import { pgliteTemplateDump } from "./pglite-template";
import { databaseUrl } from "./postgres-template";

// Each database-backed test file gets a database of its own: an in-memory PGlite loaded from
// the migrated PGlite template, or a fresh copy of the migrated PostgreSQL template. The app's
// getDb() points at it too, so route handlers and server actions under test use the same data.

export async function openTestDatabase(): Promise<OpenDatabase> {
  if (process.env.TEST_DB !== "postgres") {
    const template = inject("pgliteTemplate");
    return openDatabase({ dataDir: "memory://", migrate: false, loadDataDir: pgliteTemplateDump(template) });
  }
  const base = process.env.TEST_DATABASE_URL!;
  const template = inject("postgresTemplate");
  const name = `aff_t_${process.ppid}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`create database "${name}" template "${template}"`);
        break;
      } catch (error) {
        // Two files copying the template at the same moment: wait and retry.
        if (attempt >= 20 || !String(error).includes("being accessed by other users")) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const opened = await openDatabase({ url: databaseUrl(base, name), migrate: false, poolSize: 20 });
  return {
    ...opened,
    async close() {
      await opened.close();
      const cleanup = postgres(base, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
    },
  };
}

/** Registers hooks that open a database for this file; read `.db` inside tests. */
export function setupTestDatabase(): { readonly db: Database; readonly kind: OpenDatabase["kind"] } {
  let opened: OpenDatabase | undefined;
  beforeAll(async () => {
    opened = await openTestDatabase();
    useDatabase(opened);
  });
  afterAll(async () => {
    await opened?.close();
  });
  return {
    get db() {
      if (!opened) throw new Error("test database not open yet (use it inside a test or hook)");
      return opened.db;
    },
    get kind() {
      return opened?.kind ?? "pglite";
    },
  };
}
