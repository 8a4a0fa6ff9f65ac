import "server-only";
import { sql } from "drizzle-orm";
import { customers } from "@/db/schema";
import type { Db } from "@/db/types";

export interface CustomerRef {
  id?: string;
  email?: string;
  name?: string;
}

/** The store's customer id, or `email:<address>` for guests reported by email only. */
export function customerKey(customer: CustomerRef | undefined): string | null {
  if (!customer) return null;
  return customer.id ?? (customer.email ? `email:${customer.email.toLowerCase()}` : null);
}

/**
 * Creates or updates a customer. `partnerId` becomes the lifetime partner only if the
 * customer has none yet: the first partner to refer a customer keeps them.
 */
export async function upsertCustomer(
  db: Db,
  customer: CustomerRef,
  partnerId: string | null,
  now: Date,
): Promise<{ id: string; email: string | null; partnerId: string | null }> {
  const [row] = await db
    .insert(customers)
    .values({
      externalId: customerKey(customer)!,
      email: customer.email?.toLowerCase() ?? null,
      name: customer.name ?? null,
      partnerId,
      referredAt: partnerId ? now : null,
      createdAt: now,
    })
    .onConflictDoUpdate({
      target: customers.externalId,
      set: {
        email: sql`coalesce(excluded.email, ${customers.email})`,
        name: sql`coalesce(excluded.name, ${customers.name})`,
        partnerId: sql`coalesce(${customers.partnerId}, excluded.partner_id)`,
        referredAt: sql`coalesce(${customers.referredAt}, excluded.referred_at)`,
      },
    })
    .returning({ id: customers.id, email: customers.email, partnerId: customers.partnerId });
  return row!;
}
