// GET /api/v1/partners/{id}: one partner, as POST answers it.
// PATCH /api/v1/partners/{id}: change the fields given (name, email, status, referralCode,
// commissionType, commissionRate, couponCodes, payoutMethod, payoutDetails, notes).
import { z } from "zod";
import { parseJsonBody } from "@/lib/http/parse-body";
import { withApiKey } from "@/lib/http/with-api-key";
import { getPartner } from "@/lib/services/partner-lookup";
import { patchPartner } from "@/lib/services/partners";

export const GET = withApiKey<{ id: string }>({ scope: "full" }, async ({ db, params }) => Response.json(await getPartner(db, params.id)));

export const PATCH = withApiKey<{ id: string }>({ scope: "full" }, async ({ request, db, actor, params }) => {
  const body = await parseJsonBody(request, z.record(z.string(), z.unknown()));
  return Response.json(await patchPartner(db, actor, params.id, body));
});
