import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import type { Db } from "@/db/types";

// What "nothing written" compares: every table of the database, named by the catalog (so a
// table added by a later migration is covered without touching this file), by its row count
// and a digest of its rows' contents. A count alone misses an update, or an insert and a
// delete that cancel out; the digest does not.

/** `schema.table` → `{ rows, digest }`. */
export type TableSnapshot = Record<string, { rows: number; digest: string }>;

interface Table {
  /** `schema.table`, quoted where it needs to be. */
  name: string;
  /** The primary key's columns, quoted and comma-separated; null for a table without one. */
  key: string | null;
}

/** Every ordinary table outside the system schemas (drizzle's migration journal included). */
async function tables(db: Db): Promise<Table[]> {
  return queryRows<Table>(
    db,
    sql`select format('%I.%I', n.nspname, c.relname) as name,
               (select string_agg(format('t.%I', a.attname), ', ' order by k.ord)
                  from pg_catalog.pg_index i
                  cross join unnest(i.indkey) with ordinality as k(attnum, ord)
                  join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
                 where i.indrelid = c.oid and i.indisprimary) as key
          from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
         order by 1`,
  );
}

export interface SnapshotOptions {
  /**
   * Digest only the first N rows (by primary key) of these tables: for append-only logs,
   * "the rows that were there are unchanged" while new rows may follow.
   */
  firstRows?: Record<string, number>;
}

/**
 * Row count and md5 of each table's rows (each row in its text form, in primary-key order),
 * in one statement for all tables, so the snapshot is consistent.
 */
export async function tableSnapshot(db: Db, options: SnapshotOptions = {}): Promise<TableSnapshot> {
  const list = await tables(db);
  if (list.length === 0) throw new Error("tableSnapshot: the catalog lists no tables");
  // Names and key columns come from the catalog, already quoted by format('%I').
  const selects = list.map(({ name, key }) => {
    const order = key ?? "t::text";
    const limit = options.firstRows?.[name];
    const from = limit === undefined ? `${name} t` : `(select * from ${name} t order by ${order} limit ${Math.trunc(limit)}) t`;
    return `select '${name.replace(/'/g, "''")}' as name, count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by ${order}), '')) as digest from ${from}`;
  });
  const rows = await queryRows<{ name: string; rows: number; digest: string }>(db, sql.raw(selects.join("\nunion all\n")));
  return Object.fromEntries(rows.map((r) => [r.name, { rows: Number(r.rows), digest: r.digest }]));
}
