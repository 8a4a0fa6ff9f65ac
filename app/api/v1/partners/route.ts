// GET /api/v1/partners?status=&email=&limit=&cursor=: partners, newest first.
// POST /api/v1/partners: create a partner (default approved) with coupons; answers its links.
import { z } from "zod";
import { pageQuerySchema } from "@/lib/http/cursor";
import { parseJsonBody, parseValues } from "@/lib/http/parse-body";
import { withApiKey } from "@/lib/http/with-api-key";
import { PARTNER_STATUSES } from "@/lib/schemas/enums";
import { listPartnersForApi } from "@/lib/services/api-lists";
import { createPartner } from "@/lib/services/partners";

const querySchema = pageQuerySchema.extend({
  status: z.enum(PARTNER_STATUSES).optional(),
  email: z.string().trim().max(254).optional(),
});

export const GET = withApiKey({ scope: "full" }, async ({ request, db }) => {
  const query = parseValues(Object.fromEntries(new URL(request.url).searchParams), querySchema);
  return Response.json(await listPartnersForApi(db, query));
});

export const POST = withApiKey({ scope: "full" }, async ({ request, db, actor }) => {
  const body = await parseJsonBody(request, z.record(z.string(), z.unknown()));
  return Response.json(await createPartner(db, actor, body), { status: 201 });
});
