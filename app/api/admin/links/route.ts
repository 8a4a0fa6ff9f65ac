// GET /api/admin/links: custom links with their numbers as CSV, with the page's search,
// filter and sort (admin session required). Amounts as decimals of the program's currency.
import { getDb } from "@/db/client";
import { bpsToPercentString, toDecimalString } from "@/lib/domain/money";
import { csvResponse } from "@/lib/http/csv";
import { withAdmin } from "@/lib/http/with-admin";
import { parseLinkListParams } from "@/lib/schemas/links";
import { exportLinks } from "@/lib/services/links";
import { getSettings } from "@/lib/services/settings";

const COLUMNS = ["slug", "url", "partner", "partnerEmail", "destinationUrl", "rateType", "rate", "clicks", "sales", "revenue", "commission", "currency", "createdBy", "createdAt"];

export const GET = withAdmin(async (request) => {
  const db = await getDb();
  const params = parseLinkListParams(Object.fromEntries(request.nextUrl.searchParams));
  const [rows, settings] = await Promise.all([exportLinks(db, params), getSettings(db)]);
  const money = (minor: number) => toDecimalString(minor, settings.currency);
  return csvResponse(
    "links.csv",
    rows.map((r) => ({
      slug: r.slug,
      url: r.url,
      partner: r.partnerName,
      partnerEmail: r.partnerEmail,
      destinationUrl: r.destinationUrl,
      rateType: r.commissionType ?? "partner's rate",
      rate: r.commissionType === "percentage" ? `${bpsToPercentString(r.commissionRate!)}%` : r.commissionType === "fixed" ? money(r.commissionRate!) : "",
      clicks: r.clicks,
      sales: r.sales,
      revenue: money(r.revenue),
      commission: money(r.commission),
      currency: settings.currency,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
    })),
    COLUMNS,
  );
});
