// GET /api/v1/commissions?partnerId=&status=&limit=&cursor=: commissions, newest first.
import { z } from "zod";
import { parseValues } from "@/lib/http/parse-body";
import { pageQuerySchema } from "@/lib/http/cursor";
import { withApiKey } from "@/lib/http/with-api-key";
import { COMMISSION_STATUSES } from "@/lib/schemas/enums";
import { listCommissionsForApi } from "@/lib/services/api-lists";

const querySchema = pageQuerySchema.extend({
  partnerId: z.uuid({ error: "Expected a partner id." }).optional(),
  status: z.enum(COMMISSION_STATUSES).optional(),
});

export const GET = withApiKey({ scope: "full" }, async ({ request, db }) => {
  const query = parseValues(Object.fromEntries(new URL(request.url).searchParams), querySchema);
  return Response.json(await listCommissionsForApi(db, query));
});
