import "server-only";
import { asc, inArray } from "drizzle-orm";
import { couponCodes, partners } from "@/db/schema";
import type { Db } from "@/db/types";
import { appUrl } from "@/lib/env";

// How a partner is shown to the API and the console: its public links and its coupons.

export type PartnerRow = typeof partners.$inferSelect;

/** What the API answers for a partner (SPEC.md §4). */
export interface PartnerView {
  id: string;
  name: string;
  email: string;
  status: PartnerRow["status"];
  referralCode: string;
  couponCodes: string[];
  commissionType: PartnerRow["commissionType"];
  commissionRate: number | null;
  referralLink: string;
  dashboardUrl: string;
}

export function referralLink(code: string): string {
  return `${appUrl()}/r/${encodeURIComponent(code)}`;
}

export function dashboardUrl(token: string): string {
  return `${appUrl()}/p/${token}`;
}

/** Who the partner is and what they earn: the fields every view of a partner starts from. */
export function partnerBasics(row: PartnerRow) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    status: row.status,
    referralCode: row.referralCode,
    commissionType: row.commissionType,
    commissionRate: row.commissionRate,
  };
}

export function partnerView(row: PartnerRow, coupons: string[]): PartnerView {
  return {
    ...partnerBasics(row),
    couponCodes: coupons,
    referralLink: referralLink(row.referralCode),
    dashboardUrl: dashboardUrl(row.dashboardToken),
  };
}

/** Each partner's coupon codes, oldest first. */
export async function couponsOf(db: Db, partnerIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!partnerIds.length) return map;
  const rows = await db
    .select({ partnerId: couponCodes.partnerId, code: couponCodes.code })
    .from(couponCodes)
    .where(inArray(couponCodes.partnerId, partnerIds))
    .orderBy(asc(couponCodes.createdAt), asc(couponCodes.code));
  for (const r of rows) map.set(r.partnerId, [...(map.get(r.partnerId) ?? []), r.code]);
  return map;
}
