import "server-only";
import { eq } from "drizzle-orm";
import { partners } from "@/db/schema";
import type { Db } from "@/db/types";
import { InvalidError, NotFoundError } from "@/lib/errors";
import type { PayoutMethod } from "@/lib/schemas/enums";
import { toFieldIssues } from "@/lib/schemas/issues";
import { portalSettingsSchema } from "@/lib/schemas/portal";
import { recordAudit } from "./audit";

// The portal's Settings page: a partner reads and changes their own name and payout details.
// The partner id always comes from the portal session, never from the request, so no input
// can reach another partner's row.

export interface PartnerProfile {
  name: string;
  email: string;
  payoutMethod: PayoutMethod | null;
  payoutDetails: Record<string, string>;
}

const columns = { name: partners.name, email: partners.email, payoutMethod: partners.payoutMethod, payoutDetails: partners.payoutDetails };

export async function getPartnerProfile(db: Db, partnerId: string): Promise<PartnerProfile> {
  const [row] = await db.select(columns).from(partners).where(eq(partners.id, partnerId));
  if (!row) throw new NotFoundError("This partner no longer exists.");
  return row;
}

/** Saves the signed-in partner's settings; the merchant's pages read the same row at once. */
export async function updatePartnerProfile(db: Db, partnerId: string, input: unknown): Promise<PartnerProfile> {
  const parsed = portalSettingsSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Some settings are missing or invalid.", toFieldIssues(parsed.error));
  return db.transaction(async (tx) => {
    const [before] = await tx.select(columns).from(partners).where(eq(partners.id, partnerId)).for("update");
    if (!before) throw new NotFoundError("This partner no longer exists.");
    const [row] = await tx
      .update(partners)
      .set({ ...parsed.data, updatedAt: new Date() })
      .where(eq(partners.id, partnerId))
      .returning(columns);
    // Which fields changed, not their values: payout details stay out of the audit log.
    const changed = (["name", "payoutMethod", "payoutDetails"] as const).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(row![k]));
    if (changed.length) {
      await recordAudit(tx, { type: "partner", id: partnerId, label: before.email }, "partner.update_settings", { type: "partner", id: partnerId }, { changed });
    }
    return row!;
  });
}
