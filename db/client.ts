import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { openDatabase } from "./open";
import type { Database, OpenDatabase } from "./types";

// The app's one database connection (PGlite or a postgres.js pool), opened and migrated on
// first use and kept on globalThis so dev reloads don't open a second PGlite on the folder.

const holder = globalThis as unknown as { __affiliatesDb?: Promise<OpenDatabase> };

export function pgliteDataDir(dataDir = env().DATA_DIR): string {
  return path.join(dataDir, "pglite");
}

export function openAppDatabase(): Promise<OpenDatabase> {
  if (!holder.__affiliatesDb) {
    const e = env();
    holder.__affiliatesDb = openDatabase({ url: e.DATABASE_URL, dataDir: pgliteDataDir(e.DATA_DIR) });
    // A failed open must not be cached forever: the next request tries again.
    holder.__affiliatesDb.catch(() => {
      holder.__affiliatesDb = undefined;
    });
  }
  return holder.__affiliatesDb;
}

export async function getDb(): Promise<Database> {
  return (await openAppDatabase()).db;
}

export async function closeAppDatabase(): Promise<void> {
  const opened = holder.__affiliatesDb;
  holder.__affiliatesDb = undefined;
  if (opened) await (await opened).close();
}

/** Tests point the app (route handlers, actions) at their own database. */
export function useDatabase(opened: OpenDatabase): void {
  holder.__affiliatesDb = Promise.resolve(opened);
}
