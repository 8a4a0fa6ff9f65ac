import "server-only";
import { z } from "zod";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { couponCodes, partners } from "@/db/schema";
import { uniqueViolation } from "@/db/errors";
import type { Db } from "@/db/types";
import { AppError, ConflictError, InvalidError } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";
import { toFieldIssues } from "@/lib/schemas/issues";
import { newPartnerSchema, partnerFormSchema, type NewPartner } from "@/lib/schemas/partners";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { unknownPartner } from "./partner-lookup";
import { newDashboardToken, referralCodeFrom } from "./partner-tokens";
import { couponsOf, dashboardUrl, partnerView, type PartnerRow, type PartnerView } from "./partner-view";
import { lockRefNamespace, slugExists } from "./ref-namespace";
import { forgetRefs } from "./tracking/ref-cache";

// Writing partners: added from the console, the API or the seed, and edited (the whole form,
// or a PATCH of some fields). Status changes and access resets are in partner-status.ts.

/** A referral code that a custom link already uses as its slug (see ref-namespace.ts). */
class ReferralCodeTaken extends Error {}

const referralCodeTaken = () =>
  new ConflictError("This referral code is taken.", "referral_code_taken", [{ field: "referralCode", message: "This referral code is taken." }]);

/** Turns a unique-index violation on partners or coupons into a 409 that names the field. */
function partnerConflict(error: unknown, coupons: string[] = []): never {
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

/** Fields a new partner row takes, validated by one of the partner schemas. */
type PartnerInsert = Omit<NewPartner, "referralCode" | "payoutDetails"> & {
  referralCode?: string | null;
  payoutDetails?: Record<string, string>;
  notes?: string | null;
};

/** POST /api/v1/partners and the seed: the API's fields (SPEC.md §4). */
export async function createPartner(db: Db, actor: Actor, input: unknown): Promise<CreatedPartner> {
  const parsed = newPartnerSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Some partner fields are missing or invalid.", toFieldIssues(parsed.error));
  return insertPartner(db, actor, parsed.data);
}

/** The admin console's "Add partner" form: payout details checked per method, notes. */
export async function addPartner(db: Db, actor: Actor, input: unknown): Promise<CreatedPartner> {
  const parsed = partnerFormSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Some partner fields are missing or invalid.", toFieldIssues(parsed.error));
  return insertPartner(db, actor, parsed.data);
}

/** A partner just made: its dashboard URL is known (the token was made here), never null. */
export type CreatedPartner = PartnerView & { dashboardUrl: string };

async function insertPartner(db: Db, actor: Actor, p: PartnerInsert): Promise<CreatedPartner> {
  if (p.couponCodes.length && p.status !== "approved") throw couponsNeedApproval();
  const { token, hash, sealed } = newDashboardToken();
  const now = new Date();

  // A generated referral code can collide (rarely); try a few tails before giving up.
  for (let attempt = 0; ; attempt++) {
    const referralCode = p.referralCode || referralCodeFrom(p.name);
    try {
      const created = await db.transaction(async (tx) => {
        await lockRefNamespace(tx);
        if (await slugExists(tx, referralCode)) throw new ReferralCodeTaken();
        await assertCouponsFree(tx, p.couponCodes, null);
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
            notes: p.notes ?? null,
            dashboardTokenSealed: sealed,
            dashboardTokenHash: hash,
            approvedAt: p.status === "approved" ? now : null,
          })
          .returning();
        if (p.couponCodes.length) {
          await tx.insert(couponCodes).values(p.couponCodes.map((code) => ({ partnerId: row!.id, code })));
        }
        await recordAudit(tx, actor, "partner.create", { type: "partner", id: row!.id }, { email: row!.email, status: row!.status });
        return { ...partnerView(row!, p.couponCodes), dashboardUrl: dashboardUrl(token) };
      });
      forgetRefs(db);
      return created;
    } catch (error) {
      const taken = error instanceof ReferralCodeTaken || uniqueViolation(error) === "partners_referral_code_key";
      const generatedCodeTaken = !p.referralCode && taken;
      if (generatedCodeTaken && attempt < 5) continue;
      if (error instanceof ReferralCodeTaken) throw referralCodeTaken();
      if (error instanceof AppError) throw error;
      partnerConflict(error, p.couponCodes);
    }
  }
}

const couponsNeedApproval = () =>
  new InvalidError("Coupons can only be given to approved partners.", [
    { field: "couponCodes", message: "Only approved partners can hold coupon codes: approve the partner first." },
  ], "coupon_needs_approved_partner");

/** Names a coupon code another partner already holds (the unique index still decides races). */
async function assertCouponsFree(tx: Db, codes: string[], partnerId: string | null): Promise<void> {
  if (!codes.length) return;
  const lowered = codes.map((c) => c.toLowerCase());
  const [taken] = await tx
    .select({ code: couponCodes.code })
    .from(couponCodes)
    .where(and(inArray(sql`lower(${couponCodes.code})`, lowered), partnerId ? ne(couponCodes.partnerId, partnerId) : undefined))
    .limit(1);
  if (taken) {
    const code = codes.find((c) => c.toLowerCase() === taken.code.toLowerCase()) ?? taken.code;
    const message = `The coupon code "${code}" is already in use.`;
    throw new ConflictError(message, "coupon_taken", [{ field: "couponCodes", message }]);
  }
}

/**
 * The edit form: every editable field at once. Coupons are diffed against what the partner
 * holds; only approved partners may be given new ones (a suspended partner keeps its old
 * coupons, which stop attributing). A new referral code must be free in the shared ref
 * namespace. Nothing is written when anything is wrong.
 */
export async function updatePartner(db: Db, actor: Actor, id: string, input: unknown): Promise<PartnerView> {
  return savePartner(db, actor, id, () => input);
}

/** Fields PATCH /api/v1/partners/{id} may change; values are checked by the form schema. */
const PATCHABLE = ["name", "email", "status", "referralCode", "commissionType", "commissionRate", "couponCodes", "payoutMethod", "payoutDetails", "notes"] as const;
const partnerPatchSchema = z.object(Object.fromEntries(PATCHABLE.map((k) => [k, z.unknown()])) as Record<(typeof PATCHABLE)[number], z.ZodUnknown>).partial().strict();

/**
 * PATCH: the fields given change, the others keep their stored values. The stored values are
 * read under the same row lock as the write, so a concurrent edit of another field is not undone.
 */
export async function patchPartner(db: Db, actor: Actor, id: string, input: unknown): Promise<PartnerView> {
  const parsed = partnerPatchSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Some partner fields are missing or invalid.", toFieldIssues(parsed.error));
  const patch = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  return savePartner(db, actor, id, (current, coupons) => ({
    name: current.name,
    email: current.email,
    status: current.status,
    referralCode: current.referralCode,
    commissionType: current.commissionType,
    commissionRate: current.commissionRate,
    couponCodes: coupons,
    payoutMethod: current.payoutMethod,
    payoutDetails: current.payoutDetails,
    notes: current.notes,
    ...patch,
  }));
}

/** Parses what `inputFor` makes of the locked row against the partner form, then writes it. */
async function savePartner(db: Db, actor: Actor, id: string, inputFor: (current: PartnerRow, coupons: string[]) => unknown): Promise<PartnerView> {
  if (!isUuid(id)) throw unknownPartner();
  const now = new Date();
  let wantedCoupons: string[] = [];
  try {
    const updated = await db.transaction(async (tx) => {
      const [current] = await tx.select().from(partners).where(eq(partners.id, id)).for("update");
      if (!current) throw unknownPartner();
      const held = await tx.select({ id: couponCodes.id, code: couponCodes.code }).from(couponCodes).where(eq(couponCodes.partnerId, id)).orderBy(asc(couponCodes.createdAt), asc(couponCodes.code));
      const parsed = partnerFormSchema.safeParse(inputFor(current, held.map((c) => c.code)));
      if (!parsed.success) throw new InvalidError("Some partner fields are missing or invalid.", toFieldIssues(parsed.error));
      const p = parsed.data;
      if (!p.referralCode) throw new InvalidError("Some partner fields are missing or invalid.", [{ field: "referralCode", message: "Enter a referral code." }]);
      const referralCode = p.referralCode;
      wantedCoupons = p.couponCodes;
      const heldByKey = new Map(held.map((c) => [c.code.toLowerCase(), c]));
      const wantedByKey = new Map(p.couponCodes.map((c) => [c.toLowerCase(), c]));
      const added = p.couponCodes.filter((c) => !heldByKey.has(c.toLowerCase()));
      const removed = held.filter((c) => !wantedByKey.has(c.code.toLowerCase()));
      const recased = held.filter((c) => wantedByKey.has(c.code.toLowerCase()) && wantedByKey.get(c.code.toLowerCase()) !== c.code);
      if (added.length && p.status !== "approved") throw couponsNeedApproval();
      await assertCouponsFree(tx, added, id);
      if (referralCode.toLowerCase() !== current.referralCode.toLowerCase()) {
        await lockRefNamespace(tx);
        if (await slugExists(tx, referralCode)) throw referralCodeTaken();
      }

      const next = {
        name: p.name,
        email: p.email,
        status: p.status,
        referralCode,
        commissionType: p.commissionType ?? null,
        commissionRate: p.commissionRate ?? null,
        payoutMethod: p.payoutMethod,
        payoutDetails: p.payoutDetails,
        notes: p.notes,
      };
      const [row] = await tx
        .update(partners)
        .set({ ...next, approvedAt: p.status === "approved" ? (current.approvedAt ?? now) : current.approvedAt, updatedAt: now })
        .where(eq(partners.id, id))
        .returning();
      if (removed.length) await tx.delete(couponCodes).where(inArray(couponCodes.id, removed.map((c) => c.id)));
      for (const c of recased) await tx.update(couponCodes).set({ code: wantedByKey.get(c.code.toLowerCase())! }).where(eq(couponCodes.id, c.id));
      if (added.length) await tx.insert(couponCodes).values(added.map((code) => ({ partnerId: id, code })));

      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of ["name", "email", "status", "referralCode", "commissionType", "commissionRate", "payoutMethod", "notes"] as const) {
        if (current[key] !== next[key]) changes[key] = { from: current[key], to: next[key] };
      }
      // Payout details are the partner's bank or PayPal data: the log says they changed, not what they are.
      if (JSON.stringify(current.payoutDetails) !== JSON.stringify(next.payoutDetails)) changes.payoutDetails = { from: "(previous details)", to: "(new details)" };
      const heldCodes = held.map((c) => c.code);
      if (heldCodes.join(",") !== p.couponCodes.join(",")) changes.couponCodes = { from: heldCodes, to: p.couponCodes };
      if (Object.keys(changes).length) await recordAudit(tx, actor, "partner.update", { type: "partner", id }, { changes });
      return partnerView(row!, (await couponsOf(tx, [id])).get(id) ?? []);
    });
    forgetRefs(db);
    return updated;
  } catch (error) {
    if (error instanceof AppError) throw error;
    partnerConflict(error, wantedCoupons);
  }
}

