import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { couponCodes, partners } from "@/db/schema";
import { uniqueViolation } from "@/db/errors";
import type { Db } from "@/db/types";
import { appUrl } from "@/lib/env";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";
import { toFieldIssues } from "@/lib/schemas/issues";
import { newPartnerSchema } from "@/lib/schemas/partners";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { newDashboardToken, referralCodeFrom } from "./partner-tokens";
import { lockRefNamespace, slugExists } from "./ref-namespace";
import { forgetRefs } from "./tracking/ref-cache";

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

export function partnerView(row: PartnerRow, coupons: string[]): PartnerView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    status: row.status,
    referralCode: row.referralCode,
    couponCodes: coupons,
    commissionType: row.commissionType,
    commissionRate: row.commissionRate,
    referralLink: referralLink(row.referralCode),
    dashboardUrl: dashboardUrl(row.dashboardToken),
  };
}

/** A referral code that a custom link already uses as its slug (see ref-namespace.ts). */
class ReferralCodeTaken extends Error {}

const referralCodeTaken = () =>
  new ConflictError("This referral code is taken.", "referral_code_taken", [{ field: "referralCode", message: "This referral code is taken." }]);

/** Turns a unique-index violation on partners or coupons into a 409 that names the field. */
export function partnerConflict(error: unknown, coupons: string[] = []): never {
  const constraint = uniqueViolation(error);
  if (constraint === "partners_email_key") {
    throw new ConflictError("A partner with this email already exists.", "email_taken", [{ field: "email", message: "A partner with this email already exists." }]);
  }
  if (constraint === "partners_referral_code_key") throw referralCodeTaken();
  if (constraint === "coupon_codes_code_key") {
    const detail = (error as { cause?: { detail?: string } }).cause?.detail ?? "";
    const code = coupons.find((c) => detail.toLowerCase().includes(`(${c.toLowerCase()})`));
    const message = code ? `The coupon code "${code}" is already in use.` : "A coupon code is already in use.";
    throw new ConflictError(message, "coupon_taken", [{ field: "couponCodes", message }]);
  }
  throw error;
}

export async function createPartner(db: Db, actor: Actor, input: unknown): Promise<PartnerView> {
  const parsed = newPartnerSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Some partner fields are missing or invalid.", toFieldIssues(parsed.error));
  const p = parsed.data;
  const { token, hash } = newDashboardToken();
  const now = new Date();

  // A generated referral code can collide (rarely); try a few tails before giving up.
  for (let attempt = 0; ; attempt++) {
    const referralCode = p.referralCode ?? referralCodeFrom(p.name);
    try {
      const created = await db.transaction(async (tx) => {
        await lockRefNamespace(tx);
        if (await slugExists(tx, referralCode)) throw new ReferralCodeTaken();
        const [row] = await tx
          .insert(partners)
          .values({
            name: p.name,
            email: p.email,
            status: p.status,
            referralCode,
            commissionType: p.commissionType ?? null,
            commissionRate: p.commissionRate ?? null,
            payoutMethod: p.payoutMethod ?? null,
            payoutDetails: p.payoutDetails ?? {},
            dashboardToken: token,
            dashboardTokenHash: hash,
            approvedAt: p.status === "approved" ? now : null,
          })
          .returning();
        if (p.couponCodes.length) {
          await tx.insert(couponCodes).values(p.couponCodes.map((code) => ({ partnerId: row!.id, code })));
        }
        await recordAudit(tx, actor, "partner.create", { type: "partner", id: row!.id }, { email: row!.email, status: row!.status });
        return partnerView(row!, p.couponCodes);
      });
      forgetRefs(db);
      return created;
    } catch (error) {
      const taken = error instanceof ReferralCodeTaken || uniqueViolation(error) === "partners_referral_code_key";
      const generatedCodeTaken = !p.referralCode && taken;
      if (generatedCodeTaken && attempt < 5) continue;
      if (error instanceof ReferralCodeTaken) throw referralCodeTaken();
      partnerConflict(error, p.couponCodes);
    }
  }
}

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

export async function getPartner(db: Db, id: string): Promise<PartnerView> {
  const row = isUuid(id) ? (await db.select().from(partners).where(eq(partners.id, id)))[0] : undefined;
  if (!row) throw new NotFoundError("No partner with this id.", "unknown_partner");
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
