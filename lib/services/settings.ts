import "server-only";
import { eq, sql } from "drizzle-orm";
import { programSettings } from "@/db/schema";
import { queryRows } from "@/db/open";
import type { Db } from "@/db/types";
import { InvalidError } from "@/lib/errors";
import { toFieldIssues } from "@/lib/schemas/issues";
import { programSettingsSchema, SETTING_KEYS, type ProgramSettings } from "@/lib/schemas/settings";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { reapplyHoldPeriod } from "./hold-period";
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
 * What holds amounts in the program currency: the currency cannot change while any of these
 * exist, since every stored amount is a count of that currency's minor units (changing USD
 * to JPY would read $500.00 as ¥50,000 in the next payout or PayPal file). Paid adjustments
 * are settled history, like payouts, and do not block it.
 */
async function moneyInCurrency(tx: Db): Promise<string[]> {
  const [row] = await queryRows<{ orders: boolean; commissions: boolean; adjustments: boolean }>(
    tx,
    sql`select exists (select 1 from orders) as orders,
               exists (select 1 from commissions) as commissions,
               exists (select 1 from adjustments where payout_id is null) as adjustments`,
  );
  return [row?.orders && "orders", row?.commissions && "commissions", row?.adjustments && "unpaid adjustments"].filter((w): w is string => !!w);
}

/**
 * Applies a partial change to the program settings. The merged result is validated as a
 * whole (a percentage above 100 % is refused even when only the type changed), and the
 * currency is locked once money exists; nothing is written when anything is wrong.
 */
export async function updateSettings(
  db: Db,
  actor: Actor,
  patch: Partial<Record<keyof ProgramSettings, unknown>>,
  options: { applyHoldToPending?: boolean; now?: Date } = {},
): Promise<ProgramSettings> {
  const updated = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(programSettings).where(eq(programSettings.id, 1)).for("update");
    if (!row) throw new Error("program_settings row 1 is missing");
    const current = pick(row);
    const parsed = programSettingsSchema.safeParse({ ...current, ...patch });
    if (!parsed.success) throw new InvalidError("Some settings are not valid.", toFieldIssues(parsed.error));
    const next = parsed.data;
    if (next.currency !== current.currency) {
      const held = await moneyInCurrency(tx);
      if (held.length) {
        const what = held.length === 1 ? held[0] : `${held.slice(0, -1).join(", ")} and ${held.at(-1)}`;
        const message = `The currency is fixed once money is recorded: ${what} exist in ${current.currency}, and their amounts would be read as ${next.currency}.`;
        throw new InvalidError(message, [{ field: "currency", message }], "currency_locked");
      }
    }
    const changed = SETTING_KEYS.filter((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]));
    if (changed.length) {
      await tx.update(programSettings).set({ ...next, updatedAt: new Date() }).where(eq(programSettings.id, 1));
      await recordAudit(tx, actor, "settings.update", { type: "program_settings", id: "1" }, {
        changes: Object.fromEntries(changed.map((k) => [k, { from: current[k], to: next[k] }])),
      });
    }
    // Asked for: the (new) period applies to commissions still pending too, in this transaction.
    if (options.applyHoldToPending) await reapplyHoldPeriod(tx, actor, next.holdDays, options.now);
    return next;
  });
  forgetTrackingSettings(db);
  return updated;
}
