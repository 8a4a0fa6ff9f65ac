import { formatMoney } from "@/lib/domain/money";
import { formatDateTime } from "@/lib/format/dates";
import { formatRate } from "@/lib/format/rates";
import { voidReasonLabel } from "@/lib/format/void-reason";
import type { CommissionStatus, RateSource } from "@/lib/schemas/enums";
import type { CommissionListRow } from "@/lib/services/commission-list";

// What the Commissions table shows of a row, formatted on the server (program time zone,
// program currency) so the browser renders exactly what the server did.

export const RATE_SOURCE_LABELS: Record<RateSource, string> = {
  link: "Link",
  rate_group: "Rate group",
  partner: "Partner",
  program: "Program",
  action: "Action",
  manual: "Manual",
};

export interface CommissionRowView {
  id: string;
  createdAt: string;
  date: string;
  partnerId: string;
  partnerName: string;
  /** The store's order id, or the lead event for lead commissions. */
  source: string;
  kind: "sale" | "lead";
  manual: boolean;
  customerId: string | null;
  customerEmail: string | null;
  orderAmount: string | null;
  amount: string;
  /** The amount before refunds reduced it, when they did. */
  originalAmount: string | null;
  status: CommissionStatus;
  voidReason: string | null;
  rateSource: string;
  rate: string | null;
  inPayout: boolean;
}

export function commissionRowView(row: CommissionListRow, timezone: string): CommissionRowView {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    date: formatDateTime(row.createdAt, timezone),
    partnerId: row.partnerId,
    partnerName: row.partnerName,
    source: row.kind === "lead" ? `Lead: ${row.leadEvent ?? "event"}` : (row.orderExternalId ?? "—"),
    kind: row.kind,
    manual: row.attribution === "manual",
    customerId: row.customerId,
    customerEmail: row.customerEmail,
    orderAmount: row.orderAmount === null ? null : formatMoney(row.orderAmount, row.currency),
    amount: formatMoney(row.amount, row.currency),
    originalAmount: row.originalAmount !== row.amount ? formatMoney(row.originalAmount, row.currency) : null,
    status: row.status,
    voidReason: row.status === "void" ? voidReasonLabel(row.voidReason) : null,
    rateSource: RATE_SOURCE_LABELS[row.rateSource],
    rate: row.rateType && row.rate !== null ? formatRate(row.rateType, row.rate, row.currency) : null,
    inPayout: row.payoutId !== null,
  };
}
