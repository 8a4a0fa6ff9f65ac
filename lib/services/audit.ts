import "server-only";
import { auditLog } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Actor } from "./actor";

/** Records who did what; call it inside the transaction that makes the change. */
export async function recordAudit(
  db: Db,
  actor: Actor,
  action: string,
  entity: { type: string; id?: string | null },
  details: Record<string, unknown> = {},
): Promise<void> {
  await db.insert(auditLog).values({
    actorType: actor.type,
    actorId: actor.id ?? null,
    action,
    entityType: entity.type,
    entityId: entity.id ?? null,
    details: actor.label ? { ...details, actor: actor.label } : details,
  });
}
