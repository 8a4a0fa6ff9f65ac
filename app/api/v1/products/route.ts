// PUT /api/v1/products: bulk upsert of the store's catalog. The body is a JSON array of
// products {id, name, url?, price?, categoryIds?, imageUrl?}; all of them are saved or, when
// any row is invalid, none (422 naming every bad row as "<index>.<field>").
import { MalformedError } from "@/lib/errors";
import { readBodyText } from "@/lib/http/read-body";
import { withApiKey } from "@/lib/http/with-api-key";
import { upsertProducts } from "@/lib/services/catalog";

/** 5,000 products (the most one request takes) of a few hundred bytes each fit easily. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

async function readProducts(request: Request): Promise<unknown[]> {
  const text = await readBodyText(request, MAX_BODY_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new MalformedError("The request body is not valid JSON.");
  }
  if (!Array.isArray(json)) throw new MalformedError('The request body must be a JSON array of products, e.g. [{"id": "sku-1", "name": "Trail Runner", "price": 12900}].');
  return json;
}

export const PUT = withApiKey({ scope: "full" }, async ({ request, db, actor }) => {
  const result = await upsertProducts(db, actor, await readProducts(request));
  // 201 when the request added products, 200 when it only updated existing ones (a repeat).
  return Response.json(result, { status: result.created > 0 ? 201 : 200 });
});
