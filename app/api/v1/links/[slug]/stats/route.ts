// GET /api/v1/links/{slug}/stats: clicks, sales, revenue (net of refunds) and commission (net of clawbacks) of a link.
import { NotFoundError } from "@/lib/errors";
import { withApiKey } from "@/lib/http/with-api-key";
import { referralCodeSchema } from "@/lib/schemas/partners";
import { linkStatsBySlug } from "@/lib/services/links";

export const GET = withApiKey<{ slug: string }>({ scope: "full" }, async ({ db, params }) => {
  // Only a well-formed slug can exist; anything else (say, a NUL byte the database would
  // refuse with an error) is simply not found.
  if (!referralCodeSchema.safeParse(params.slug).success) throw new NotFoundError("No link with this slug.", "unknown_link");
  return Response.json(await linkStatsBySlug(db, params.slug));
});
