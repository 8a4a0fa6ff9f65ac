// GET /api/admin/partners/export: the partner list as CSV, with the list's search, status
// filter and sort, every page (capped), money as decimal amounts in the program currency.
import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { bpsToPercentString, toDecimalString } from "@/lib/domain/money";
import { csvResponse } from "@/lib/http/csv";
import { withAdmin } from "@/lib/http/with-admin";
import { parseListParams } from "@/lib/schemas/list-params";
import { partnerListSpec } from "@/lib/schemas/partners";
import { approveDueCommissions } from "@/lib/services/commissions-hold";
import { partnerRows } from "@/lib/services/partner-list";
import { getSettings } from "@/lib/services/settings";

const MAX_ROWS = 100_000;
const COLUMNS = ["name", "email", "status", "referralCode", "couponCodes", "rateType", "rate", "clicks", "conversions", "revenue", "commissions", "balance", "pending", "currency", "joined"];

export const GET = withAdmin(async (request: NextRequest) => {
  const params = parseListParams(Object.fromEntries(request.nextUrl.searchParams), partnerListSpec);
  const db = await getDb();
  await approveDueCommissions(db);
  const settings = await getSettings(db);
  const rows = await partnerRows(db, { q: params.q, status: params.filters.status, sort: params.sort, dir: params.dir, limit: MAX_ROWS, offset: 0 });
  const money = (minor: number) => toDecimalString(minor, settings.currency);
  const csv = rows.map((r) => ({
    name: r.name,
    email: r.email,
    status: r.status,
    referralCode: r.referralCode,
    couponCodes: r.couponCodes.join(" "),
    // percentage: "12.5" (percent); fixed: "5.00" (currency); empty for the program default
    rateType: r.commissionType ?? "default",
    rate: r.commissionRate === null ? "" : r.commissionType === "percentage" ? bpsToPercentString(r.commissionRate) : money(r.commissionRate),
    clicks: r.clicks,
    conversions: r.conversions,
    revenue: money(r.revenue),
    commissions: money(r.commissions),
    balance: money(r.balance),
    pending: money(r.pending),
    currency: settings.currency,
    joined: r.createdAt.toISOString(),
  }));
  return csvResponse(`partners-${new Date().toISOString().slice(0, 10)}.csv`, csv, COLUMNS);
});
