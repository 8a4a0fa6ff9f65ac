import { sql, type SQL } from "drizzle-orm";

/**
 * A Date as a query parameter in raw SQL. postgres.js (as Drizzle configures it) does not
 * serialise Date objects in `sql` templates, PGlite does; an ISO string with a cast works
 * on both.
 */
export function timestamptz(date: Date): SQL {
  return sql`${date.toISOString()}::timestamptz`;
}

/** A LIKE pattern for "contains": `%` and `_` typed in a search box mean themselves. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
