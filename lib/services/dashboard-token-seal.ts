import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import { partners } from "@/db/schema";
import type { Db } from "@/db/types";
import { isSealed, sealToken } from "@/lib/server/token-seal";

// The data half of migrations 0019-0020 (the column renamed, its check): before this release dashboard tokens were stored in
// plain text. SQL cannot encrypt them (the key derives from the app's secret, which the
// database never sees), so the app seals them when it starts (and the CLI before it prints
// a URL). Idempotent and safe to run from several processes at once: a row is rewritten
// only while it still holds the plain token that was read.

const BATCH = 500;

/** Seals every dashboard token still stored in plain text; returns how many it sealed. */
export async function sealLegacyDashboardTokens(db: Db): Promise<number> {
  let sealed = 0;
  for (;;) {
    const rows = await db
      .select({ id: partners.id, plain: partners.dashboardTokenSealed })
      .from(partners)
      .where(sql`${partners.dashboardTokenSealed} not like 'v1.%'`)
      .limit(BATCH);
    if (rows.length === 0) return sealed;
    const batch = rows.filter((r) => !isSealed(r.plain)).map((r) => ({ id: r.id, plain: r.plain, sealed: sealToken(r.plain) }));
    const updated = await queryRows<{ id: string }>(
      db,
      sql`
      update partners p set dashboard_token_sealed = v.sealed
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as v(id uuid, plain text, sealed text)
      where p.id = v.id and p.dashboard_token_sealed = v.plain
      returning p.id`,
    );
    sealed += updated.length;
    if (rows.length < BATCH) return sealed;
  }
}
