// GET /api/admin/audit-log: the activity log as CSV (admin session required).
import { getDb } from "@/db/client";
import { csvResponse } from "@/lib/http/csv";
import { withAdmin } from "@/lib/http/with-admin";
import { actorLabel, describeAction, listAuditLog } from "@/lib/services/audit-log";

const MAX_ROWS = 50_000;

export const GET = withAdmin(async () => {
  const entries = await listAuditLog(await getDb(), { limit: MAX_ROWS });
  const rows = entries.map((e) => ({
    time: e.createdAt.toISOString(),
    actor: actorLabel(e),
    action: describeAction(e.action),
    entity: e.entityType,
    entityId: e.entityId ?? "",
    details: JSON.stringify(e.details),
  }));
  return csvResponse("activity.csv", rows, ["time", "actor", "action", "entity", "entityId", "details"]);
});
