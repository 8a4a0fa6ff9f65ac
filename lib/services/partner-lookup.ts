import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { partners } from "@/db/schema";
import type { Db } from "@/db/types";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";
import { couponsOf, partnerBasics, partnerView, type PartnerRow, type PartnerView } from "./partner-view";

// Reading one partner: by id for the API and the edit form, by email for the CLI, approved
// only for what may earn.

export const unknownPartner = () => new NotFoundError("No partner with this id.", "unknown_partner");

export async function getPartner(db: Db, id: string): Promise<PartnerView> {
  const row = isUuid(id) ? (await db.select().from(partners).where(eq(partners.id, id)))[0] : undefined;
  if (!row) throw unknownPartner();
  return partnerView(row, (await couponsOf(db, [row.id])).get(row.id) ?? []);
}

export async function findPartnerByEmail(db: Db, email: string): Promise<PartnerRow | undefined> {
  const [row] = await db.select().from(partners).where(sql`lower(${partners.email}) = ${email.trim().toLowerCase()}`);
  return row;
}

export async function findApprovedPartner(db: Db, id: string): Promise<PartnerRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(partners).where(and(eq(partners.id, id), eq(partners.status, "approved")));
  return row;
}

/** What the edit form shows: the stored partner without its secrets, and its coupons. */
export interface PartnerRecord {
  id: string;
  name: string;
  email: string;
  status: PartnerRow["status"];
  referralCode: string;
  commissionType: PartnerRow["commissionType"];
  commissionRate: number | null;
  couponCodes: string[];
  payoutMethod: PartnerRow["payoutMethod"];
  payoutDetails: Record<string, string>;
  notes: string | null;
}

export async function findPartnerRecord(db: Db, id: string): Promise<PartnerRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(partners).where(eq(partners.id, id));
  if (!row) return undefined;
  return {
    ...partnerBasics(row),
    couponCodes: (await couponsOf(db, [row.id])).get(row.id) ?? [],
    payoutMethod: row.payoutMethod,
    payoutDetails: row.payoutDetails,
    notes: row.notes,
  };
}
