import { formatMoney } from "@/lib/domain/money";
import { formatDateTime } from "@/lib/format/dates";
import type { PayoutStatus } from "@/lib/schemas/enums";
import { PAYOUT_METHOD_LABELS } from "@/lib/schemas/payout-lists";
import type { PayoutListRow } from "@/lib/services/payout-history";

// What the History table shows of a payout, formatted on the server.

export interface PayoutRowView {
  id: string;
  createdAt: string;
  date: string;
  partnerId: string;
  partnerName: string;
  amount: string;
  method: string;
  transactionId: string | null;
  recordedBy: string;
  status: PayoutStatus;
  voidReason: string | null;
}

export function payoutRowView(row: PayoutListRow, timezone: string): PayoutRowView {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    date: formatDateTime(row.createdAt, timezone),
    partnerId: row.partnerId,
    partnerName: row.partnerName,
    amount: formatMoney(row.amount, row.currency),
    method: PAYOUT_METHOD_LABELS[row.method] ?? row.method,
    transactionId: row.transactionId,
    recordedBy: row.recordedBy,
    status: row.status,
    voidReason: row.voidReason,
  };
}
