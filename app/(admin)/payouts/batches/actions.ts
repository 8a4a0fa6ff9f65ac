"use server";

import { getDb } from "@/db/client";
import { adminActor } from "@/lib/auth/admin";
import { adminAction } from "@/lib/auth/admin-action";
import { formatMoney } from "@/lib/domain/money";
import { cancelBatch, createPaypalBatch, markBatchPaid } from "@/lib/services/payout-batches";
import { refreshPayoutPages } from "../refresh";

// Server actions of PayPal batches: make one from the selected Due rows, mark it paid with
// PayPal's batch id, cancel it. Each checks the admin session and calls one service.

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

export const createPaypalBatchAction = adminAction(async (admin, formData) => {
  const batch = await createPaypalBatch(await getDb(), adminActor(admin), {
    partnerIds: formData.getAll("partnerIds").filter((v) => typeof v === "string"),
    note: field(formData, "note") ?? "",
  });
  refreshPayoutPages();
  const skipped = batch.skipped.length ? ` Left out: ${batch.skipped.map((s) => `${s.partnerName} (${s.reason})`).join(", ")}.` : "";
  return {
    ok: true,
    message: `PayPal batch made: ${batch.lines} line${batch.lines === 1 ? "" : "s"}, ${formatMoney(batch.amount, batch.currency)}.${skipped}`,
    values: { batchId: batch.id },
  };
});

export const markBatchPaidAction = adminAction(async (admin, formData) => {
  const result = await markBatchPaid(await getDb(), adminActor(admin), field(formData, "id") ?? "", { reference: field(formData, "reference") ?? "" });
  refreshPayoutPages();
  const n = result.differences.length;
  const differences = n ? ` ${n} line${n === 1 ? "" : "s"} had commissions refunded or voided after the export: the excess is clawed back from the next payout.` : "";
  return { ok: true, message: `Marked paid: ${result.payouts} payout${result.payouts === 1 ? "" : "s"} recorded.${differences}` };
});

export const cancelBatchAction = adminAction(async (admin, formData) => {
  await cancelBatch(await getDb(), adminActor(admin), field(formData, "id") ?? "", { reason: field(formData, "reason") ?? "" });
  refreshPayoutPages();
  return { ok: true, message: "Batch cancelled: its partners are due again." };
});
