import "server-only";
import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import { partners } from "@/db/schema";
import { likeContains } from "@/db/sql-helpers";
import type { Db } from "@/db/types";
import { isUuid } from "@/lib/schemas/ids";
import type { PartnerStatus } from "@/lib/schemas/enums";

// Partners to pick from a type-ahead (new link, the click and link filters): a handful that
// match what was typed, never the whole list.

export interface PartnerOption {
  id: string;
  name: string;
  email: string;
  referralCode: string;
  status: PartnerStatus;
}

const columns = { id: partners.id, name: partners.name, email: partners.email, referralCode: partners.referralCode, status: partners.status };

export async function searchPartnerOptions(db: Db, text: string, { approvedOnly = false, limit = 10 } = {}): Promise<PartnerOption[]> {
  const q = text.trim().slice(0, 100);
  const like = likeContains(q);
  const prefix = `${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select(columns)
    .from(partners)
    .where(
      and(
        q ? or(ilike(partners.name, like), ilike(partners.email, like), ilike(partners.referralCode, like)) : undefined,
        approvedOnly ? eq(partners.status, "approved") : undefined,
      ),
    )
    // Names that start with the text first, then the rest by name.
    .orderBy(sql`(lower(${partners.name}) like ${prefix}) desc`, asc(partners.name), asc(partners.id))
    .limit(limit);
}

export async function partnerOption(db: Db, id: string | undefined): Promise<PartnerOption | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select(columns).from(partners).where(eq(partners.id, id));
  return row;
}
