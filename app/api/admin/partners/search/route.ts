// GET /api/admin/partners/search?q=&approved=1: partners matching the text, for the partner
// type-ahead of forms and list filters (admin session required). `approved=1`: only partners
// who can earn (the manual sale).
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/http/with-admin";
import { searchPartnerOptions } from "@/lib/services/partner-options";

export const GET = withAdmin(async (request) => {
  const params = request.nextUrl.searchParams;
  const partners = await searchPartnerOptions(await getDb(), params.get("q") ?? "", { approvedOnly: params.get("approved") === "1" });
  return NextResponse.json({
    options: partners.map((p) => ({ value: p.id, label: p.name, detail: `${p.email} · ${p.referralCode}${p.status === "approved" ? "" : ` · ${p.status}`}` })),
  });
});
