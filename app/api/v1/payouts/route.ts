// GET /api/v1/payouts?partnerId=&limit=&cursor=: payouts, newest first.
// POST /api/v1/payouts {partnerId, method, transactionId?, note?, amount?}: pay a partner's whole
// balance; with `amount` (what the caller saw and sent) a balance that moved since answers 409
// balance_changed with the current figure, and nothing is written.
import { z } from "zod";
import { parseJsonBody, parseValues } from "@/lib/http/parse-body";
import { pageQuerySchema } from "@/lib/http/cursor";
import { withApiKey } from "@/lib/http/with-api-key";
import { listPayoutsForApi } from "@/lib/services/api-lists";
import { createPayout } from "@/lib/services/payouts";

const querySchema = pageQuerySchema.extend({ partnerId: z.uuid({ error: "Expected a partner id." }).optional() });

export const GET = withApiKey({ scope: "full" }, async ({ request, db }) => {
  const query = parseValues(Object.fromEntries(new URL(request.url).searchParams), querySchema);
  return Response.json(await listPayoutsForApi(db, query));
});

export const POST = withApiKey({ scope: "full" }, async ({ request, db, actor }) => {
  const body = await parseJsonBody(request, z.record(z.string(), z.unknown()));
  const payout = await createPayout(db, actor, body);
  const { id, partnerId, amount, currency, method, transactionId, commissionIds } = payout;
  return Response.json({ id, partnerId, amount, currency, method, transactionId, commissionIds }, { status: 201 });
});
