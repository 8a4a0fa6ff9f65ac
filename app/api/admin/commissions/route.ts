// GET /api/admin/commissions: the commissions list as CSV, with the filters, search and sort
// of the page's URL (admin session required). Amounts as decimals of the currency.
import { getDb } from "@/db/client";
import { bpsToPercentString, toDecimalString } from "@/lib/domain/money";
import { csvResponse } from "@/lib/http/csv";
import { withAdmin } from "@/lib/http/with-admin";
import { commissionListSpec } from "@/lib/schemas/commissions";
import { parseListParams } from "@/lib/schemas/list-params";
import { exportCommissions } from "@/lib/services/commission-list";
import { getSettings } from "@/lib/services/settings";

const COLUMNS = [
  "date",
  "commissionId",
  "partner",
  "partnerEmail",
  "partnerId",
  "orderId",
  "leadEvent",
  "customerEmail",
  "orderAmount",
  "commission",
  "originalCommission",
  "currency",
  "status",
  "voidReason",
  "rateSource",
  "rateType",
  "rate",
  "attribution",
  "payoutId",
];

export const GET = withAdmin(async (request) => {
  const db = await getDb();
  const params = parseListParams(Object.fromEntries(request.nextUrl.searchParams), commissionListSpec);
  const settings = await getSettings(db);
  const rows = await exportCommissions(db, params, { timezone: settings.timezone });
  return csvResponse(
    "commissions.csv",
    rows.map((r) => ({
      date: r.createdAt.toISOString(),
      commissionId: r.id,
      partner: r.partnerName,
      partnerEmail: r.partnerEmail,
      partnerId: r.partnerId,
      orderId: r.orderExternalId ?? "",
      leadEvent: r.leadEvent ?? "",
      customerEmail: r.customerEmail ?? "",
      orderAmount: r.orderAmount === null ? "" : toDecimalString(r.orderAmount, r.currency),
      commission: toDecimalString(r.amount, r.currency),
      originalCommission: toDecimalString(r.originalAmount, r.currency),
      currency: r.currency,
      status: r.status,
      voidReason: r.voidReason ?? "",
      rateSource: r.rateSource,
      rateType: r.rateType ?? "",
      rate: r.rate === null ? "" : r.rateType === "percentage" ? `${bpsToPercentString(r.rate)}%` : toDecimalString(r.rate, r.currency),
      attribution: r.attribution ?? "",
      payoutId: r.payoutId ?? "",
    })),
    COLUMNS,
  );
});
