import { z } from "zod";
import { desc, sql, type AnyColumn, type SQL } from "drizzle-orm";

// Keyset pages for the REST API's lists (`limit` and `cursor`, SPEC.md §4): newest first by
// (created_at, id), a strict total order since ids are unique. The cursor is opaque to
// clients: the last row's position, base64url. Unlike offsets, a page does not shift when new
// rows arrive.
//
// The position's time is the database's own value as text, to the microsecond: a JS Date
// keeps milliseconds, so a cursor built from one would compare rows later in the same
// millisecond as older than the cursor row and skip them.

export const pageQuerySchema = z.object({
  limit: z.coerce.number({ error: "Expected a number from 1 to 100." }).int().min(1).max(100).default(25),
  cursor: z
    .string()
    .max(200)
    .optional()
    .transform((c, ctx) => {
      if (!c) return undefined;
      const decoded = decodeCursor(c);
      if (!decoded) {
        ctx.addIssue({ code: "custom", message: "This cursor is not one this API gave out." });
        return z.NEVER;
      }
      return decoded;
    }),
});

export interface Cursor {
  /** created_at as UTC ISO 8601 text with up to six fractional digits, exactly as stored. */
  at: string;
  id: string;
}

// Cursors handed out before the microsecond fix carry milliseconds ("…:05.123Z"): still valid.
const EXACT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(text: string): Cursor | undefined {
  const [at, id, ...rest] = Buffer.from(text, "base64url").toString("utf8").split("|");
  if (rest.length || !at || !id || !EXACT_TIME.test(at) || !UUID.test(id) || Number.isNaN(Date.parse(at))) return undefined;
  return { at, id };
}

/**
 * Select this beside a list's columns as `position`: the row's place in the order, computed
 * by the database so no precision is lost on the way through JavaScript.
 */
export function positionOf(createdAt: AnyColumn, id: AnyColumn): SQL<string> {
  return sql<string>`to_char(${createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '|' || ${id}`;
}

/** WHERE for rows after the cursor in (created_at desc, id desc). */
export function afterCursor(createdAt: AnyColumn, id: AnyColumn, cursor: Cursor | undefined): SQL | undefined {
  if (!cursor) return undefined;
  return sql`(${createdAt}, ${id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
}

export function newestFirst(createdAt: AnyColumn, id: AnyColumn) {
  return [desc(createdAt), desc(id)];
}

/** The page (without the position column) and the cursor of the next one (null on the last page). */
export function page<T extends { position: string }>(rows: T[], limit: number): { items: Omit<T, "position">[]; nextCursor: string | null } {
  const kept = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? Buffer.from(kept.at(-1)!.position).toString("base64url") : null;
  return { items: kept.map(({ position: _position, ...item }) => item), nextCursor };
}
