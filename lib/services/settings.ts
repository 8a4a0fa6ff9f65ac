import "server-only";
import { eq } from "drizzle-orm";
import { programSettings } from "@/db/schema";
import type { Db } from "@/db/types";
import { InvalidError } from "@/lib/errors";
import { toFieldIssues } from "@/lib/schemas/issues";
import { programSettingsSchema, SETTING_KEYS, type ProgramSettings } from "@/lib/schemas/settings";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { forgetTrackingSettings } from "./tracking-settings";

function pick(row: typeof programSettings.$inferSelect): ProgramSettings {
  return Object.fromEntries(SETTING_KEYS.map((k) => [k, row[k]])) as ProgramSettings;
}

export async function getSettings(db: Db): Promise<ProgramSettings> {
  const [row] = await db.select().from(programSettings).where(eq(programSettings.id, 1));
  if (!row) throw new Error("program_settings row 1 is missing; run `npm run cli -- db migrate`");
  return pick(row);
}

/**
 * Applies a partial change to the program settings. The merged result is validated as a
 * whole (a percentage above 100 % is refused even when only the type changed); nothing is
 * written when anything is wrong.
 */
export async function updateSettings(db: Db, actor: Actor, patch: Partial<Record<keyof ProgramSettings, unknown>>): Promise<ProgramSettings> {
  const updated = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(programSettings).where(eq(programSettings.id, 1)).for("update");
    if (!row) throw new Error("program_settings row 1 is missing");
    const current = pick(row);
    const parsed = programSettingsSchema.safeParse({ ...current, ...patch });
    if (!parsed.success) throw new InvalidError("Some settings are not valid.", toFieldIssues(parsed.error));
    const next = parsed.data;
    const changed = SETTING_KEYS.filter((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]));
    if (changed.length === 0) return current;
    await tx.update(programSettings).set({ ...next, updatedAt: new Date() }).where(eq(programSettings.id, 1));
    await recordAudit(tx, actor, "settings.update", { type: "program_settings", id: "1" }, {
      changes: Object.fromEntries(changed.map((k) => [k, { from: current[k], to: next[k] }])),
    });
    return next;
  });
  forgetTrackingSettings(db);
  return updated;
}
