import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MIGRATIONS_FOLDER, openDatabase, queryRows } from "@/db/open";
import type { OpenDatabase } from "@/db/types";
import { unsealToken } from "@/lib/server/token-seal";
import { databaseUrl } from "@/lib/testing/postgres-template";
import { sealLegacyDashboardTokens } from "./dashboard-token-seal";
import { hashDashboardToken } from "./partner-tokens";
import { findPartnerByToken } from "./portal-access";

// The upgrade itself: a database migrated by the release before this one, holding dashboard
// tokens in plain text, is migrated to this release and started. Afterwards no token can be
// read from the database alone, every partner still opens their dashboard with the same URL,
// and the merchant can still be shown it.

const LAST_MIGRATION_BEFORE = "0017_adjustments_commission_index";

let opened: OpenDatabase;
let cleanup: () => Promise<void>;
const folders: string[] = [];

/** db/migrations as it was before this release: the journal cut after LAST_MIGRATION_BEFORE. */
function migrationsBefore(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "migrations-before-"));
  folders.push(dir);
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalFile = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === LAST_MIGRATION_BEFORE);
  expect(last).toBeGreaterThan(0);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }));
  return dir;
}

async function migrateTo(folder: string) {
  if (opened.kind === "postgres") await migratePostgres(opened.db as never, { migrationsFolder: folder });
  else await migratePglite(opened.db as never, { migrationsFolder: folder });
}

beforeAll(async () => {
  if (process.env.TEST_DB === "postgres") {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `aff_t_${process.ppid}_seal_${randomBytes(4).toString("hex")}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    opened = await openDatabase({ url: databaseUrl(base, name), migrate: false, poolSize: 4 });
    cleanup = async () => {
      await opened.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
  } else {
    opened = await openDatabase({ dataDir: "memory://", migrate: false });
    cleanup = () => opened.close();
  }
}, 120_000);

afterAll(async () => {
  await cleanup?.();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe("upgrading a database that holds plain dashboard tokens", () => {
  const tokens = Array.from({ length: 3 }, () => randomBytes(24).toString("base64url"));

  test("after the migrations and the start-up step, a dump holds no token, and every URL still works", async () => {
    const db = opened.db;
    await migrateTo(migrationsBefore());
    for (const [i, token] of tokens.entries()) {
      await db.execute(sql`insert into partners (name, email, referral_code, dashboard_token, dashboard_token_hash)
        values (${`Old ${i}`}, ${`old-${i}@example.com`}, ${`old-${i}-code`}, ${token}, ${hashDashboardToken(token)})`);
    }

    await migrateTo(MIGRATIONS_FOLDER);
    // Between the migration and the start-up step nothing may write a new plain token.
    await expect(
      db.execute(sql`insert into partners (name, email, referral_code, dashboard_token_sealed, dashboard_token_hash) values ('New', 'new@example.com', 'new-code', 'plain-token', 'x')`),
    ).rejects.toThrow();

    expect(await sealLegacyDashboardTokens(db)).toBe(tokens.length);
    expect(await sealLegacyDashboardTokens(db)).toBe(0);

    const dump = (await queryRows<{ row: string }>(db, sql`select p::text as row from partners p`)).map((r) => r.row).join("\n");
    for (const token of tokens) expect(dump).not.toContain(token);

    const rows = await queryRows<{ email: string; sealed: string }>(db, sql`select email, dashboard_token_sealed as sealed from partners order by email`);
    expect(rows.map((r) => unsealToken(r.sealed))).toEqual(tokens);
    for (const [i, token] of tokens.entries()) expect(await findPartnerByToken(db, token)).toMatchObject({ email: `old-${i}@example.com` });
  });
});
