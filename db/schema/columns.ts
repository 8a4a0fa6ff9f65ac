import { sql, type SQL } from "drizzle-orm";
import { bigint, integer, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";

// Column helpers shared by every table group, so ids, timestamps and money look the same
// everywhere.

export const uuidPk = () => uuid("id").primaryKey().defaultRandom();

export const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
export const timestampTz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Money: an integer count of minor units (cents). `number` is exact up to 2^53. */
export const money = (name: string) => bigint(name, { mode: "number" });

/** Commission type + rate pair: basis points for percentages, minor units for fixed. */
export const commissionType = (name = "commission_type") => text(name);
export const commissionRate = (name = "commission_rate") => integer(name);

/** `column IN ('a','b')` for text columns that hold one of a fixed vocabulary. */
export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(", "))})`;
}

/**
 * A commission type/rate pair is either both null (inherit) or both set, with a rate that
 * is non-negative and at most 100 % for percentages.
 */
export function validRate(type: AnyPgColumn, rate: AnyPgColumn): SQL {
  return sql`(${type} is null and ${rate} is null) or (${type} in ('percentage', 'fixed') and ${rate} >= 0 and (${type} = 'fixed' or ${rate} <= 10000))`;
}
