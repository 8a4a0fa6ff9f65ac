import { z } from "zod";
import { and, desc, eq, lt, or, type AnyColumn, type SQL } from "drizzle-orm";

// Keyset pages for the REST API's lists (`limit` and `cursor`, SPEC.md §4): newest first by
// (created_at, id). The cursor is opaque to clients: the last row's position, base64url.
// Unlike offsets, a page does not shift when new rows arrive.

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
  createdAt: Date;
  id: string;
}

export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

function decodeCursor(text: string): Cursor | undefined {
  const [at, id] = Buffer.from(text, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(createdAt.getTime())) return undefined;
  return { createdAt, id };
}

/** WHERE for rows after the cursor, and ORDER BY, in (created_at desc, id desc). */
export function afterCursor(createdAt: AnyColumn, id: AnyColumn, cursor: Cursor | undefined): SQL | undefined {
  if (!cursor) return undefined;
  return or(lt(createdAt, cursor.createdAt), and(eq(createdAt, cursor.createdAt), lt(id, cursor.id)));
}

export function newestFirst(createdAt: AnyColumn, id: AnyColumn) {
  return [desc(createdAt), desc(id)];
}

/** The page and the cursor of the next one (null on the last page). */
export function page<T extends { createdAt: Date; id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items.at(-1)!) : null };
}
