import "server-only";
import { eq } from "drizzle-orm";
import { programSettings } from "@/db/schema";
import type { Db } from "@/db/types";
import { InvalidError } from "@/lib/errors";
import { stripeWebhookSecretSchema, type ConnectorSecretKey } from "@/lib/schemas/connector-secrets";
import { toFieldIssues } from "@/lib/schemas/issues";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";

// The connectors' signing secrets live beside the program settings but outside
// ProgramSettings, so no page, audit entry or `settings get` ever shows one. Changing a
// secret keeps the old one for ROTATION_GRACE_MS: Stripe signs with the old secret until
// the merchant rolls it there too, and deliveries in flight are still accepted.

export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

export interface SigningSecrets {
  /** The secrets a signature may be made with, current first; empty = connector off. */
  accepted: string[];
}

/** The Stripe connector's accepted secrets at `now`. */
export async function stripeSigningSecrets(db: Db, now = new Date()): Promise<SigningSecrets> {
  const [row] = await db
    .select({ current: programSettings.stripeWebhookSecret, previous: programSettings.stripeWebhookSecretPrevious, changedAt: programSettings.stripeWebhookSecretChangedAt })
    .from(programSettings)
    .where(eq(programSettings.id, 1));
  if (!row?.current) return { accepted: [] };
  const previousValid = !!row.previous && !!row.changedAt && now.getTime() - row.changedAt.getTime() < ROTATION_GRACE_MS;
  return { accepted: previousValid ? [row.current, row.previous!] : [row.current] };
}

/** Whether the connector is on (for `settings get`): never the secret itself. */
export async function connectorSecretState(db: Db, key: ConnectorSecretKey): Promise<"set" | "not set"> {
  void key;
  const [row] = await db.select({ current: programSettings.stripeWebhookSecret }).from(programSettings).where(eq(programSettings.id, 1));
  return row?.current ? "set" : "not set";
}

/**
 * Saves a connector's signing secret ("" switches it off and forgets both secrets). A new
 * secret keeps the one it replaces for ROTATION_GRACE_MS. The audit entry names the
 * setting, never the value.
 */
export async function setConnectorSecret(db: Db, actor: Actor, key: ConnectorSecretKey, value: unknown, now = new Date()): Promise<void> {
  const parsed = stripeWebhookSecretSchema.safeParse(typeof value === "string" ? value.trim() : value);
  if (!parsed.success) throw new InvalidError("Some settings are not valid.", toFieldIssues(parsed.error).map((i) => ({ ...i, field: key })));
  const secret = parsed.data || null;
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ current: programSettings.stripeWebhookSecret }).from(programSettings).where(eq(programSettings.id, 1)).for("update");
    if (!row) throw new Error("program_settings row 1 is missing");
    if (row.current === secret) return;
    await tx
      .update(programSettings)
      .set({
        stripeWebhookSecret: secret,
        stripeWebhookSecretPrevious: secret ? row.current : null,
        stripeWebhookSecretChangedAt: now,
        updatedAt: now,
      })
      .where(eq(programSettings.id, 1));
    await recordAudit(tx, actor, "settings.update", { type: "program_settings", id: "1" }, { changes: { [key]: secret ? (row.current ? "replaced" : "set") : "removed" } });
  });
}
