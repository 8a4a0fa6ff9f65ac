import { doublePrecision, pgTable, text } from "drizzle-orm/pg-core";
import { timestampTz } from "./columns";

/**
 * The shared half of the public endpoints' token buckets (lib/server/rate-limit.ts): each app
 * process keeps its buckets in memory and reports what a busy key used, so processes on one
 * database together allow about one bucket's rate. Only keys that used several tokens get a
 * row; a row whose bucket has refilled is deleted. `key` is `<limiter>:<hashed address>`.
 */
export const rateLimitBuckets = pgTable("rate_limit_buckets", {
  key: text("key").primaryKey(),
  /** Tokens left at `updatedAt`; below zero when processes together took more than there was. */
  tokens: doublePrecision("tokens").notNull(),
  updatedAt: timestampTz("updated_at").notNull(),
});
