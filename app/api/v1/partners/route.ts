// POST /api/v1/partners: create a partner (default approved) with coupons; answers its links.
import { parseJsonBody } from "@/lib/http/parse-body";
import { withApiKey } from "@/lib/http/with-api-key";
import { createPartner } from "@/lib/services/partners";
import { z } from "zod";

export const POST = withApiKey(async ({ request, db, actor }) => {
  const body = await parseJsonBody(request, z.record(z.string(), z.unknown()));
  return Response.json(await createPartner(db, actor, body), { status: 201 });
});
