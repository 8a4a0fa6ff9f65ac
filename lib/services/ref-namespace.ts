import "server-only";
import { sql } from "drizzle-orm";
import { links, partners } from "@/db/schema";
import type { Db } from "@/db/types";

// A `ref` names a partner's referral code or a custom link's slug, so the two share one
// namespace, case-insensitively. Each table's unique index covers its own side; across the
// tables, every writer takes this transaction-scoped lock before checking the other side,
// so two creations cannot pass the check at once.

const REF_NAMESPACE_LOCK = 7_355_609;

export async function lockRefNamespace(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REF_NAMESPACE_LOCK})`);
}

export async function slugExists(tx: Db, value: string): Promise<boolean> {
  const [row] = await tx.select({ id: links.id }).from(links).where(sql`lower(${links.slug}) = ${value.toLowerCase()}`).limit(1);
  return !!row;
}

export async function referralCodeExists(tx: Db, value: string): Promise<boolean> {
  const [row] = await tx.select({ id: partners.id }).from(partners).where(sql`lower(${partners.referralCode}) = ${value.toLowerCase()}`).limit(1);
  return !!row;
}
