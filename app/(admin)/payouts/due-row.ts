import { formatMoney } from "@/lib/domain/money";
import { formatDate } from "@/lib/format/dates";
import type { PartnerStatus, PayoutMethod } from "@/lib/schemas/enums";
import type { DueRow } from "@/lib/services/payout-due";

// What the Due table shows of a partner, formatted on the server (program currency and time
// zone), so the browser renders exactly what the server did.

export interface DueRowView {
  id: string;
  name: string;
  email: string;
  status: PartnerStatus;
  balance: string;
  balanceMinor: number;
  currency: string;
  commissionCount: number;
  oldest: string | null;
  pending: string | null;
  method: PayoutMethod | null;
  /** The payout details, one line each (PayPal email; holder, IBAN, BIC; Stripe account). */
  details: string[];
  /** Where a PayPal mass payout would send the money; null when the partner cannot be in that file. */
  paypalEmail: string | null;
}

export function payoutDetailLines(method: PayoutMethod | null, details: Record<string, string>): string[] {
  const lines =
    method === "paypal"
      ? [details.email]
      : method === "bank_transfer"
        ? [details.accountHolder, details.iban && `IBAN ${details.iban}`, details.bic && `BIC ${details.bic}`]
        : method === "stripe"
          ? [details.accountId]
          : method === "other"
            ? [details.instructions]
            : [];
  return lines.filter((l): l is string => !!l);
}

export function dueRowView(row: DueRow, currency: string, timezone: string): DueRowView {
  return {
    id: row.partnerId,
    name: row.name,
    email: row.email,
    status: row.status,
    balance: formatMoney(row.balance, currency),
    balanceMinor: row.balance,
    currency,
    commissionCount: row.commissionCount,
    oldest: row.oldestCommissionAt ? formatDate(row.oldestCommissionAt, timezone) : null,
    pending: row.pending ? formatMoney(row.pending, currency) : null,
    method: row.payoutMethod,
    details: payoutDetailLines(row.payoutMethod, row.payoutDetails),
    paypalEmail: row.payoutMethod === "paypal" ? (row.payoutDetails.email ?? null) : null,
  };
}
