// GET /api/admin/products/options?kind=products|categories&q=: catalog entries matching the
// text by name or id, for the type-aheads of the rate group and product forms (admin session).
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/http/with-admin";
import { searchCatalogOptions } from "@/lib/services/rate-groups";

export const GET = withAdmin(async (request) => {
  const params = request.nextUrl.searchParams;
  const kind = params.get("kind") === "categories" ? "categories" : "products";
  const found = await searchCatalogOptions(await getDb(), kind, params.get("q") ?? "");
  return NextResponse.json({
    options: found.map((o) => ({ value: o.id, label: o.name, detail: [o.id !== o.name ? o.id : null, o.group ? `in “${o.group}”` : null].filter(Boolean).join(" · ") || undefined })),
  });
});
