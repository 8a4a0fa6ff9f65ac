import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import type { Db } from "@/db/types";

// Multi-row inserts for the large seed: each batch goes to the server as ONE text parameter
// holding a JSON array of rows, unpacked by json_to_recordset. The statement text is the
// same for every batch of a table (so postgres.js prepares it once), a batch of thousands
// of rows costs one round trip, and it works the same on PGlite and postgres.js (which
// would otherwise need one parameter per value, and stops at 65,535 of them).

export interface BulkColumn {
  /** Column name in the table. */
  name: string;
  /** Its SQL type, e.g. "uuid", "text", "bigint", "timestamptz", "jsonb". */
  type: string;
}

export interface BulkTable<Row> {
  table: string;
  columns: BulkColumn[];
  /** One row as an array of values in the order of `columns` (Date → ISO string, objects → JSON). */
  values(row: Row): unknown[];
  /** Insert explicit values into an identity column ("generated always"). */
  overridingSystemValue?: boolean;
}

/** json_to_recordset names its fields; short names keep each batch small: c0, c1, … */
function statement(spec: BulkTable<never>, json: string) {
  const names = spec.columns.map((c) => `"${c.name}"`).join(", ");
  const fields = spec.columns.map((c, i) => `c${i} ${c.type}`).join(", ");
  const picks = spec.columns.map((_, i) => `r.c${i}`).join(", ");
  const overriding = spec.overridingSystemValue ? " overriding system value" : "";
  return sql`insert into ${sql.raw(`"${spec.table}" (${names})${overriding}`)} select ${sql.raw(picks)} from json_to_recordset(${json}::json) as ${sql.raw(`r(${fields})`)}`;
}

function encode(values: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  values.forEach((v, i) => {
    out[`c${i}`] = v instanceof Date ? v.toISOString() : v;
  });
  return out;
}

/** Inserts `rows` in batches of `batchSize`; returns how many were written. */
export async function insertRows<Row>(db: Db, spec: BulkTable<Row>, rows: Iterable<Row>, batchSize = 5000): Promise<number> {
  const writer = new BatchWriter(db, spec, batchSize);
  for (const row of rows) await writer.add(row);
  await writer.flush();
  return writer.written;
}

/**
 * A writer that takes rows one at a time and sends a batch whenever it is full, so a
 * generator of a million rows never holds more than one batch in memory.
 */
export class BatchWriter<Row> {
  private batch: Record<string, unknown>[] = [];
  written = 0;

  constructor(
    private readonly db: Db,
    private readonly spec: BulkTable<Row>,
    private readonly batchSize = 5000,
  ) {}

  async add(row: Row): Promise<void> {
    this.batch.push(encode(this.spec.values(row)));
    if (this.batch.length >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.batch.length) return;
    const rows = this.batch;
    this.batch = [];
    await this.db.execute(statement(this.spec as BulkTable<never>, JSON.stringify(rows)));
    this.written += rows.length;
  }
}

/**
 * Runs `load` with the secondary indexes of `tables` dropped, then builds each again from
 * its own definition (pg_get_indexdef, so exactly what the migrations made). One sorted
 * build is several times faster than a million random inserts into five b-trees. Unique
 * and primary-key indexes stay: they are constraints. Must run inside the seed's
 * transaction, so an interrupted load rolls the indexes back too; meanwhile the tables are
 * locked, which is fine for a database being seeded.
 */
export async function withoutSecondaryIndexes<T>(tx: Db, tables: string[], load: () => Promise<T>): Promise<T> {
  const indexes = await queryRows<{ name: string; definition: string }>(
    tx,
    sql`select i.relname as name, pg_get_indexdef(x.indexrelid) as definition
          from pg_index x
          join pg_class i on i.oid = x.indexrelid
          join pg_class t on t.oid = x.indrelid
         where t.relnamespace = current_schema()::regnamespace and t.relname in ${tables}
           and not x.indisunique and not x.indisprimary
         order by i.relname`,
  );
  for (const index of indexes) await tx.execute(sql.raw(`drop index "${index.name}"`));
  const result = await load();
  await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
  for (const index of indexes) await tx.execute(sql.raw(index.definition));
  return result;
}
