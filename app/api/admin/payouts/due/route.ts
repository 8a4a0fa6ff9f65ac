// GET /api/admin/payouts/due: the Due list as CSV, with the search, method filter and sort of
// the page's URL (admin session required). Amounts as decimals of the currency.
import { getDb } from "@/db/client";
import { toDecimalString } from "@/lib/domain/money";
import { csvResponse } from "@/lib/http/csv";
import { withAdmin } from "@/lib/http/with-admin";
import { parseListParams } from "@/lib/schemas/list-params";
import { dueListSpec } from "@/lib/schemas/payout-lists";
import { allDuePartners } from "@/lib/services/payout-due";
import { getSettings } from "@/lib/services/settings";

const COLUMNS = [
  "partnerId",
  "partner",
  "email",
  "status",
  "balance",
  "currency",
  "commissions",
  "oldestCommission",
  "pending",
  "payoutMethod",
  "paypalEmail",
  "accountHolder",
  "iban",
  "bic",
  "stripeAccountId",
  "instructions",
];

export const GET = withAdmin(async (request) => {
  const db = await getDb();
  const params = parseListParams(Object.fromEntries(request.nextUrl.searchParams), dueListSpec);
  const settings = await getSettings(db);
  const rows = await allDuePartners(db, { q: params.q, method: params.filters.method, sort: params.sort, dir: params.dir }, { minPayout: settings.minPayout });
  const money = (minor: number) => toDecimalString(minor, settings.currency);
  return csvResponse(
    "payouts-due.csv",
    rows.map((r) => {
      const d = r.payoutDetails;
      return {
        partnerId: r.partnerId,
        partner: r.name,
        email: r.email,
        status: r.status,
        balance: money(r.balance),
        currency: settings.currency,
        commissions: r.commissionCount,
        oldestCommission: r.oldestCommissionAt?.toISOString() ?? "",
        pending: money(r.pending),
        payoutMethod: r.payoutMethod ?? "",
        paypalEmail: r.payoutMethod === "paypal" ? (d.email ?? "") : "",
        accountHolder: r.payoutMethod === "bank_transfer" ? (d.accountHolder ?? "") : "",
        iban: r.payoutMethod === "bank_transfer" ? (d.iban ?? "") : "",
        bic: r.payoutMethod === "bank_transfer" ? (d.bic ?? "") : "",
        stripeAccountId: r.payoutMethod === "stripe" ? (d.accountId ?? "") : "",
        instructions: r.payoutMethod === "other" ? (d.instructions ?? "") : "",
      };
    }),
    COLUMNS,
  );
});
