import "server-only";
import { desc, lt } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import type { Db } from "@/db/types";

export type AuditEntry = typeof auditLog.$inferSelect;

/** Newest first, `limit` at a time; `before` is the id of the last entry already shown. */
export async function listAuditLog(db: Db, { limit = 50, before }: { limit?: number; before?: number } = {}): Promise<AuditEntry[]> {
  return db
    .select()
    .from(auditLog)
    .where(before ? lt(auditLog.id, before) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

/** "settings.update" → "Settings update" for people reading the log. */
export function describeAction(action: string): string {
  const text = action.replace(/[._]/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function actorLabel(entry: Pick<AuditEntry, "actorType" | "actorId" | "details">): string {
  const label = (entry.details as { actor?: string }).actor;
  return label ?? (entry.actorType === "system" ? "System" : entry.actorType === "cli" ? "Command line" : (entry.actorId ?? entry.actorType));
}
