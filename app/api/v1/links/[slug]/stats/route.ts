// GET /api/v1/links/{slug}/stats: clicks, sales, revenue (net of refunds) and commission of a link.
import { withApiKey } from "@/lib/http/with-api-key";
import { linkStatsBySlug } from "@/lib/services/links";

export const GET = withApiKey<{ slug: string }>(async ({ db, params }) => Response.json(await linkStatsBySlug(db, params.slug)));
