// POST /api/track/sale: record an order and its commission, exactly once per orderId.
import { parseJsonBody } from "@/lib/http/parse-body";
import { trackingApi } from "@/lib/http/tracking-api";
import { saleSchema } from "@/lib/schemas/tracking";
import { recordSale } from "@/lib/services/tracking/sales";

export const POST = trackingApi({ kind: "sale", scope: "tracking" }, async ({ request, db, actor, settings }) => {
  const body = await parseJsonBody(request, saleSchema);
  const result = await recordSale(db, body, { actor, settings, groupCommit: true });
  const c = result.body.commission;
  return {
    status: result.created ? 201 : 200,
    body: result.body,
    reference: body.orderId,
    outcome: `${result.created ? "" : "repeat: "}${result.body.attributed ? `attributed via ${result.body.attribution.replaceAll("_", " ")}` : "not attributed"}${c ? `, commission ${c.amount} ${c.status}` : ""}`,
  };
});
