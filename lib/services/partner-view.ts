import "server-only";
import { asc, inArray } from "drizzle-orm";
import { couponCodes, partners } from "@/db/schema";
import type { Db } from "@/db/types";
import { appUrl } from "@/lib/env";
import { unsealToken } from "@/lib/server/token-seal";

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
  /** null when the stored token cannot be opened (the app's secret changed since it was made). */
  dashboardUrl: string | null;
}

export function referralLink(code: string): string {
  return `${appUrl()}/r/${encodeURIComponent(code)}`;
}

export function dashboardUrl(token: string): string {
  return `${appUrl()}/p/${token}`;
}

/** The dashboard URL from the stored, sealed token; null when it cannot be opened. */
export function storedDashboardUrl(sealed: string): string | null {
  const token = unsealToken(sealed);
  return token ? dashboardUrl(token) : null;
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
    dashboardUrl: storedDashboardUrl(row.dashboardTokenSealed),
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
