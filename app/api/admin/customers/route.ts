// GET /api/admin/customers: referred customers as CSV, with the search, partner filter and
// sort of the page's URL (admin session required). Amounts as decimals of the currency.
import { getDb } from "@/db/client";
import { toDecimalString } from "@/lib/domain/money";
import { csvResponse } from "@/lib/http/csv";
import { withAdmin } from "@/lib/http/with-admin";
import { customerListSpec } from "@/lib/schemas/customers";
import { parseListParams } from "@/lib/schemas/list-params";
import { exportCustomers } from "@/lib/services/customers";
import { getSettings } from "@/lib/services/settings";

const COLUMNS = ["customerId", "email", "name", "partner", "partnerId", "referredAt", "firstOrderAt", "orders", "revenue", "commission", "currency"];

export const GET = withAdmin(async (request) => {
  const db = await getDb();
  const params = parseListParams(Object.fromEntries(request.nextUrl.searchParams), customerListSpec);
  const settings = await getSettings(db);
  const rows = await exportCustomers(db, params);
  const money = (minor: number) => toDecimalString(minor, settings.currency);
  return csvResponse(
    "customers.csv",
    rows.map((r) => ({
      customerId: r.externalId.startsWith("email:") ? "" : r.externalId,
      email: r.email ?? "",
      name: r.name ?? "",
      partner: r.partnerName,
      partnerId: r.partnerId,
      referredAt: r.referredAt?.toISOString() ?? "",
      firstOrderAt: r.firstOrderAt?.toISOString() ?? "",
      orders: r.orders,
      revenue: money(r.revenue),
      commission: money(r.commission),
      currency: settings.currency,
    })),
    COLUMNS,
  );
});
