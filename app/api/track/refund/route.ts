// POST /api/track/refund: a full or partial refund of an order; adjusts its commission.
import { parseJsonBody } from "@/lib/http/parse-body";
import { trackingApi } from "@/lib/http/tracking-api";
import { refundSchema } from "@/lib/schemas/tracking";
import { recordRefund } from "@/lib/services/tracking/refunds";

export const POST = trackingApi({ kind: "refund", scope: "tracking" }, async ({ request, db, actor }) => {
  const body = await parseJsonBody(request, refundSchema);
  const result = await recordRefund(db, body, { actor });
  const { commission, adjustment } = result.body;
  return {
    status: 200,
    body: result.body,
    reference: body.refundId ? `${body.orderId} · ${body.refundId}` : body.orderId,
    outcome: `${result.created ? "" : "repeat: "}refunded ${result.body.refunded}${commission ? `, commission now ${commission.amount} ${commission.status}` : ""}${adjustment ? `, clawback ${adjustment.amount}` : ""}`,
  };
});
