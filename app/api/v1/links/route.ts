// POST /api/v1/links: create a custom link /a/<slug> for a partner, optionally with its own rate.
import { z } from "zod";
import { parseJsonBody } from "@/lib/http/parse-body";
import { withApiKey } from "@/lib/http/with-api-key";
import { createLink } from "@/lib/services/links";

export const POST = withApiKey({ scope: "full" }, async ({ request, db, actor }) => {
  const body = await parseJsonBody(request, z.record(z.string(), z.unknown()));
  const link = await createLink(db, actor, body, "api");
  return Response.json({ id: link.id, slug: link.slug, url: link.url, partnerId: link.partnerId, destinationUrl: link.destinationUrl }, { status: 201 });
});
