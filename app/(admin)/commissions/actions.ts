"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { adminActor } from "@/lib/auth/admin";
import { adminAction } from "@/lib/auth/admin-action";
import { formatMoney } from "@/lib/domain/money";
import { ACTION_DONE, type CommissionAction } from "@/lib/domain/commission-status";
import { bulkSummary, type ManualSaleForm } from "@/lib/schemas/commissions";
import { bulkChangeCommissions, changeCommissionStatus, recordManualSale } from "@/lib/services/commissions";

// Server actions of the Commissions pages. Each checks the admin session (adminAction),
// calls one service, and refreshes the pages that show commissions.

function refreshCommissionPages() {
  revalidatePath("/commissions", "layout");
  revalidatePath("/customers", "layout");
  revalidatePath("/partners", "layout");
}

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

export const changeCommissionAction = adminAction(async (admin, formData) => {
  const action = field(formData, "action") as CommissionAction;
  await changeCommissionStatus(await getDb(), adminActor(admin), {
    id: field(formData, "id"),
    action,
    reason: field(formData, "reason"),
    expected: field(formData, "expected"),
  });
  refreshCommissionPages();
  return { ok: true, message: `Commission ${ACTION_DONE[action] ?? "changed"}.` };
});

export const bulkCommissionAction = adminAction(async (admin, formData) => {
  const result = await bulkChangeCommissions(await getDb(), adminActor(admin), {
    ids: formData.getAll("ids").filter((v) => typeof v === "string"),
    action: field(formData, "action"),
    reason: field(formData, "reason"),
  });
  refreshCommissionPages();
  return { ok: true, message: `${bulkSummary(result)}.` };
});

export const manualSaleAction = adminAction(async (admin, formData) => {
  const rows = Number(field(formData, "itemRows") ?? 0);
  const form: ManualSaleForm = {
    partnerId: field(formData, "partnerId"),
    orderId: field(formData, "orderId"),
    amount: field(formData, "amount"),
    customerEmail: field(formData, "customerEmail"),
    saleDate: field(formData, "saleDate"),
    items: Array.from({ length: Math.min(Number.isInteger(rows) ? rows : 0, 500) }, (_, i) => ({
      productId: field(formData, `items.${i}.productId`),
      quantity: field(formData, `items.${i}.quantity`),
      amount: field(formData, `items.${i}.amount`),
    })),
  };
  const result = await recordManualSale(await getDb(), adminActor(admin), form);
  refreshCommissionPages();
  const commission = result.commission;
  const earned = commission ? `${formatMoney(commission.amount, commission.currency)} (${commission.status})` : "no commission";
  const message = result.created
    ? `Sale ${result.orderId} recorded: the partner earns ${earned}.`
    : `Order ${result.orderId} was already recorded with these values; its commission is ${earned}.`;
  return { ok: true, message, values: { commissionId: commission?.id ?? "", created: String(result.created) } };
});
