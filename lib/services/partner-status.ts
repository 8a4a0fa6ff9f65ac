import "server-only";
import { eq } from "drizzle-orm";
import { partnerSessions, partners } from "@/db/schema";
import type { Db } from "@/db/types";
import { ConflictError } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";
import { PARTNER_STATUS_ACTIONS, statusActionsFor, type PartnerStatusAction } from "@/lib/schemas/partners";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { unknownPartner } from "./partner-lookup";
import { newDashboardToken } from "./partner-tokens";
import { couponsOf, dashboardUrl, partnerView, type PartnerView } from "./partner-view";
import { forgetRefs } from "./tracking/ref-cache";

/**
 * Approve, reject, suspend or reinstate. Coupons stay with a rejected or suspended partner;
 * attribution ignores partners that are not approved, so they simply stop earning.
 */
export async function changePartnerStatus(db: Db, actor: Actor, id: string, action: PartnerStatusAction): Promise<PartnerView> {
  if (!isUuid(id)) throw unknownPartner();
  const to = PARTNER_STATUS_ACTIONS[action];
  const now = new Date();
  const changed = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(partners).where(eq(partners.id, id)).for("update");
    if (!current) throw unknownPartner();
    if (!statusActionsFor(current.status).includes(action)) {
      throw new ConflictError(`This partner is ${current.status}; it cannot be ${STATUS_VERBS[action]}.`, "invalid_status_change");
    }
    const [row] = await tx
      .update(partners)
      .set({ status: to, approvedAt: to === "approved" ? (current.approvedAt ?? now) : current.approvedAt, updatedAt: now })
      .where(eq(partners.id, id))
      .returning();
    await recordAudit(tx, actor, `partner.${action}`, { type: "partner", id }, { email: current.email, from: current.status, to });
    return partnerView(row!, (await couponsOf(tx, [id])).get(id) ?? []);
  });
  forgetRefs(db);
  return changed;
}

const STATUS_VERBS: Record<PartnerStatusAction, string> = { approve: "approved", reject: "rejected", suspend: "suspended", reinstate: "reinstated" };

/**
 * "Reset password": a new dashboard token (the old /p/<token> URL stops working at once),
 * no password (the partner sets one on the next visit), and no open portal sessions.
 */
export async function resetPartnerAccess(db: Db, actor: Actor, id: string): Promise<{ dashboardUrl: string }> {
  if (!isUuid(id)) throw unknownPartner();
  const { token, hash, sealed } = newDashboardToken();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(partners)
      .set({ dashboardTokenSealed: sealed, dashboardTokenHash: hash, passwordHash: null, passwordSetAt: null, updatedAt: new Date() })
      .where(eq(partners.id, id))
      .returning({ email: partners.email });
    if (!row) throw unknownPartner();
    await tx.delete(partnerSessions).where(eq(partnerSessions.partnerId, id));
    await recordAudit(tx, actor, "partner.reset_password", { type: "partner", id }, { email: row.email });
    return { dashboardUrl: dashboardUrl(token) };
  });
}
