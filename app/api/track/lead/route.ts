// POST /api/track/lead: a sign-up (or other event) of a customer, once per customer and event.
import { parseJsonBody } from "@/lib/http/parse-body";
import { trackingApi } from "@/lib/http/tracking-api";
import { leadSchema } from "@/lib/schemas/tracking";
import { recordLead } from "@/lib/services/tracking/leads";

export const POST = trackingApi({ kind: "lead", scope: "tracking" }, async ({ request, db, actor, settings }) => {
  const body = await parseJsonBody(request, leadSchema);
  const result = await recordLead(db, body, { actor, settings });
  return {
    status: result.created ? 201 : 200,
    body: result.body,
    reference: `${body.eventName} · ${body.customer.id}`,
    outcome: `${result.created ? "" : "repeat: "}${result.body.attributed ? `attributed via ${result.body.attribution.replaceAll("_", " ")}` : "not attributed"}`,
  };
});
