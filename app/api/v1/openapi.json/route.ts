// GET /api/v1/openapi.json: the API described as OpenAPI 3.1 (public: it holds no data).
import { openApiDocument } from "@/lib/openapi/document";

export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
