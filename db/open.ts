import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { acquireFolderLock } from "./pglite-lock";
import { alwaysPrepare } from "./prepared-client";
import * as schema from "./schema";
import type { Database, OpenDatabase } from "./types";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export interface OpenOptions {
  /** postgres:// URL; without it, the embedded PGlite database. */
  url?: string;
  /** PGlite data folder, or "memory://" for a throwaway in-memory database. */
  dataDir?: string;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** postgres.js pool size. */
  poolSize?: number;
  /**
   * In-memory PGlite only: start from this data folder dump (PGlite's dumpDataDir) instead of
   * an empty cluster. Tests copy a migrated one per file: initdb takes seconds, a load ~0.5 s.
   */
  loadDataDir?: Blob;
}

export async function openDatabase(options: OpenOptions): Promise<OpenDatabase> {
  return options.url ? openPostgres(options.url, options) : openPglite(options.dataDir ?? ".data/pglite", options);
}

async function openPostgres(url: string, options: OpenOptions): Promise<OpenDatabase> {
  const client = postgres(url, { max: options.poolSize ?? 10, onnotice: () => {}, connection: { application_name: "affiliates" } });
  const db = drizzlePostgres({ client: alwaysPrepare(client), schema });
  try {
    if (options.migrate !== false) {
      // Several app processes may start at once; an advisory lock, held on a connection of
      // its own, lets one of them migrate at a time.
      const lock = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lock`select pg_advisory_lock(7355608)`;
        await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await lock.end({ timeout: 1 });
      }
    }
  } catch (error) {
    await client.end({ timeout: 1 });
    throw error;
  }
  return { db: db as unknown as Database, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

async function openPglite(dataDir: string, options: OpenOptions): Promise<OpenDatabase> {
  const inMemory = dataDir.startsWith("memory://");
  let lock: { release(): void } | undefined;
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    lock = await acquireFolderLock(path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.lock`), dataDir);
  }
  const releaseOnExit = () => lock?.release();
  process.once("exit", releaseOnExit);
  try {
    // pg_trgm: the trigram indexes behind "contains" searches (migration 0010).
    const client = await PGlite.create(dataDir, { extensions: { pg_trgm }, ...(inMemory && options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
    const db = drizzlePglite({ client, schema });
    if (options.migrate !== false) await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    let closed = false;
    return {
      db: db as unknown as Database,
      kind: "pglite",
      async close() {
        if (closed) return;
        closed = true;
        await client.close();
        lock?.release();
        process.off("exit", releaseOnExit);
      },
    };
  } catch (error) {
    lock?.release();
    process.off("exit", releaseOnExit);
    throw error;
  }
}

/** Rows of a raw query, whichever driver ran it (PGlite answers {rows}, postgres.js an array). */
export async function queryRows<T>(db: Pick<Database, "execute">, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}
