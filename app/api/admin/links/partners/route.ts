// GET /api/admin/links/partners?q=: partners matching the text, for the partner type-ahead
// of the new-link form and the partner filters (admin session required).
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/http/with-admin";
import { searchPartnerOptions } from "@/lib/services/partner-options";

export const GET = withAdmin(async (request) => {
  const partners = await searchPartnerOptions(await getDb(), request.nextUrl.searchParams.get("q") ?? "");
  return NextResponse.json({
    options: partners.map((p) => ({ value: p.id, label: p.name, detail: `${p.email} · ${p.referralCode}${p.status === "approved" ? "" : ` · ${p.status}`}` })),
  });
});
