import postgres from "postgres";

// The database bench:pages measures on: BENCH_DATABASE_URL (default aff_bench_pages on the local
// server), created when missing and seeded at large scale when empty. Seeding takes minutes,
// so a seeded database is kept and reused by later runs.

export interface LargeDatabase {
  url: string;
  name: string;
  version: string;
  sql: postgres.Sql;
}

/** Ids and values the pages are opened with: the biggest partner, a customer, an order… */
export interface Samples {
  partnerId: string;
  partnerName: string;
  couponCode: string;
  customerId: string;
  /** A word of that customer's name (or email), to search customers by. */
  customerWord: string;
  orderExternalId: string;
  /** The newest order's local date, for a date-range filter ending there. */
  lastDay: string;
}

export interface DatabaseCounts {
  partners: number;
  clicks: number;
  orders: number;
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Creates the database when the server lacks it; leaves an existing one alone. */
export async function openLargeDatabase(url: string, adminUrl: string): Promise<LargeDatabase & { created: boolean }> {
  const name = databaseName(url);
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`BENCH_DATABASE_URL: the database name "${name}" must be letters, digits and underscores.`);
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connection: { application_name: "aff_bench" } });
  let created = false;
  try {
    const [exists] = await admin`select 1 as one from pg_database where datname = ${name}`;
    if (!exists) {
      await admin.unsafe(`create database "${name}"`);
      created = true;
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: "aff_bench" } });
  const [row] = await sql<{ server_version: string }[]>`show server_version`;
  return { url, name, version: row!.server_version, sql, created };
}

/** Row counts, or null when the schema is not there yet (a new database). */
export async function counts(sql: postgres.Sql): Promise<DatabaseCounts | null> {
  const [table] = await sql`select to_regclass('public.partners') as t`;
  if (!table?.t) return null;
  // The clicks estimate is enough to tell a large seed from a demo one, and free.
  const [row] = await sql<{ partners: number; orders: number; clicks: number }[]>`
    select (select count(*)::int from partners) as partners,
           (select count(*)::int from orders) as orders,
           (select greatest(reltuples, 0)::bigint from pg_class where oid = 'public.clicks'::regclass) as clicks`;
  return { partners: Number(row!.partners), orders: Number(row!.orders), clicks: Number(row!.clicks) };
}

export async function samples(sql: postgres.Sql, timeZone: string): Promise<Samples> {
  // The partner with the most orders: the heaviest detail page and filters.
  const [partner] = await sql<{ id: string; name: string }[]>`
    select p.id, p.name from partners p
      join (select partner_id, count(*) as n from orders where partner_id is not null group by partner_id order by n desc limit 1) o on o.partner_id = p.id`;
  const [coupon] = await sql<{ code: string }[]>`select code from coupon_codes order by code limit 1 offset 100`;
  const [customer] = await sql<{ id: string; word: string }[]>`
    select c.id, coalesce(nullif(split_part(c.name, ' ', 2), ''), split_part(c.email, '@', 1), c.external_id) as word
      from (select customer_id from orders where customer_id is not null group by customer_id order by count(*) desc, customer_id limit 1) o
      join customers c on c.id = o.customer_id`;
  const [order] = await sql<{ external_id: string; day: string }[]>`
    select external_id, to_char(created_at at time zone ${timeZone}, 'YYYY-MM-DD') as day from orders order by created_at desc limit 1`;
  if (!partner || !coupon || !customer || !order) throw new Error("The database has no partner with orders, coupon, customer or order: is it seeded?");
  return { partnerId: partner.id, partnerName: partner.name, couponCode: coupon.code, customerId: customer.id, customerWord: customer.word, orderExternalId: order.external_id, lastDay: order.day };
}
