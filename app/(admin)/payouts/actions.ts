"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { adminActor } from "@/lib/auth/admin";
import { adminAction } from "@/lib/auth/admin-action";
import { formatMoney } from "@/lib/domain/money";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/schemas/form-state";
import { bulkPaySummary } from "@/lib/schemas/payout-bulk";
import { payAllDue } from "@/lib/services/payout-bulk";
import { createPayout, voidPayout } from "@/lib/services/payouts";

// Server actions of the Payouts pages. Each checks the admin session (adminAction), calls one
// service (which parses its input with zod and locks the partner's row), and refreshes the
// pages that show balances.

function refreshPayoutPages() {
  revalidatePath("/payouts", "layout");
  revalidatePath("/partners", "layout");
  revalidatePath("/commissions", "layout");
}

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

export const payPartnerAction = adminAction(async (admin, formData): Promise<FormState> => {
  const values = { method: field(formData, "method") ?? "", transactionId: field(formData, "transactionId") ?? "", note: field(formData, "note") ?? "" };
  try {
    const payout = await createPayout(await getDb(), adminActor(admin), {
      partnerId: field(formData, "partnerId"),
      method: values.method || undefined,
      transactionId: values.transactionId,
      note: values.note,
    });
    refreshPayoutPages();
    return { ok: true, message: `Paid ${formatMoney(payout.amount, payout.currency)}.`, values: { payoutId: payout.id } };
  } catch (error) {
    // Paid meanwhile (a second tab, a double submit): nothing was written; the list is
    // refreshed so the partner leaves it, and the message says what happened.
    if (error instanceof AppError && error.code === "nothing_due") {
      refreshPayoutPages();
      return { ok: false, message: `${error.message} If you just paid this partner (another tab?), that payout is in the history.`, values: { ...values, nothingDue: "1" } };
    }
    if (error instanceof AppError) {
      const fieldErrors: Record<string, string> = {};
      for (const d of error.details ?? []) fieldErrors[d.field] ??= d.message;
      return { ok: false, message: error.message, fieldErrors, values };
    }
    throw error;
  }
});

export const payAllDueAction = adminAction(async (admin, formData) => {
  const scope = field(formData, "scope");
  const result = await payAllDue(await getDb(), adminActor(admin), {
    scope,
    partnerIds: scope === "selected" ? formData.getAll("partnerIds").filter((v) => typeof v === "string") : [],
    reference: field(formData, "reference") ?? "",
    note: field(formData, "note") ?? "",
    ...(scope === "all" ? { q: field(formData, "q") ?? "", method: field(formData, "method") || undefined } : {}),
  });
  refreshPayoutPages();
  return { ok: result.paid.length > 0, message: bulkPaySummary(result), values: { paid: String(result.paid.length), skipped: String(result.skipped.length) } };
});

export const voidPayoutAction = adminAction(async (admin, formData) => {
  await voidPayout(await getDb(), adminActor(admin), field(formData, "id") ?? "", { reason: field(formData, "reason") ?? "" });
  refreshPayoutPages();
  return { ok: true, message: "Payout voided: its commissions are due again." };
});
