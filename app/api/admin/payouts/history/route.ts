// GET /api/admin/payouts/history: the payout history as CSV, with the filters, search and sort
// of the page's URL (admin session required). Amounts as decimals of the currency.
import { getDb } from "@/db/client";
import { toDecimalString } from "@/lib/domain/money";
import { csvResponse } from "@/lib/http/csv";
import { withAdmin } from "@/lib/http/with-admin";
import { parseListParams } from "@/lib/schemas/list-params";
import { payoutHistorySpec } from "@/lib/schemas/payout-lists";
import { exportPayouts } from "@/lib/services/payout-history";
import { getSettings } from "@/lib/services/settings";

const COLUMNS = ["date", "payoutId", "partner", "partnerEmail", "partnerId", "amount", "currency", "method", "transactionId", "note", "recordedBy", "status", "voidReason", "voidedAt"];

export const GET = withAdmin(async (request) => {
  const db = await getDb();
  const params = parseListParams(Object.fromEntries(request.nextUrl.searchParams), payoutHistorySpec);
  const settings = await getSettings(db);
  const rows = await exportPayouts(db, params, { timezone: settings.timezone });
  return csvResponse(
    "payouts.csv",
    rows.map((r) => ({
      date: r.createdAt.toISOString(),
      payoutId: r.id,
      partner: r.partnerName,
      partnerEmail: r.partnerEmail,
      partnerId: r.partnerId,
      amount: toDecimalString(r.amount, r.currency),
      currency: r.currency,
      method: r.method,
      transactionId: r.transactionId ?? "",
      note: r.note ?? "",
      recordedBy: r.recordedBy,
      status: r.status,
      voidReason: r.voidReason ?? "",
      voidedAt: r.voidedAt?.toISOString() ?? "",
    })),
    COLUMNS,
  );
});
