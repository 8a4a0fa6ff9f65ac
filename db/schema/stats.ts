import { bigint, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { links, partners } from "./partners";

// Counters of counted (not declined) clicks, kept by the database itself: a statement-level
// trigger on `clicks` adds each inserted batch (migration 0005). Lists and the overview read
// these instead of counting a million rows; they are exact because they change in the same
// transaction as the clicks.

export const partnerClickTotals = pgTable("partner_click_totals", {
  partnerId: uuid("partner_id")
    .primaryKey()
    .references(() => partners.id, { onDelete: "cascade" }),
  clicks: bigint("clicks", { mode: "number" }).notNull().default(0),
});

export const linkClickTotals = pgTable("link_click_totals", {
  linkId: uuid("link_id")
    .primaryKey()
    .references(() => links.id, { onDelete: "cascade" }),
  clicks: bigint("clicks", { mode: "number" }).notNull().default(0),
});

/** Program-wide clicks per quarter hour (UTC), so days in any time zone add up exactly. */
export const clickQuarterHours = pgTable("click_quarter_hours", {
  bucket: timestamp("bucket", { withTimezone: true, mode: "date" }).primaryKey(),
  clicks: bigint("clicks", { mode: "number" }).notNull().default(0),
});
