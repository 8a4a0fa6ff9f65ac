import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { timestampTz } from "./columns";

/**
 * The demo program, while it is loaded (lib/services/demo-data.ts): one row, written in the
 * seed's own transaction. Its primary key is what stops two "Load demo data" clicks from
 * seeding twice, and it tells "Clear demo data" what the seed made: everything of the
 * program created up to `loadedAt`, and the settings it replaced.
 */
export const demoData = pgTable(
  "demo_data",
  {
    id: integer("id").primaryKey().default(1),
    loadedAt: timestampTz("loaded_at").notNull(),
    /** Who loaded it: an admin's email, or "Command line". */
    loadedBy: text("loaded_by").notNull(),
    /** The program settings before the seed changed them, put back by a clear. */
    previousSettings: jsonb("previous_settings").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [check("demo_data_singleton", sql`${t.id} = 1`)],
);
