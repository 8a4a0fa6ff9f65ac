"use server";

import { getDb } from "@/db/client";
import { adminActor } from "@/lib/auth/admin";
import { adminAction } from "@/lib/auth/admin-action";
import { formatMoney } from "@/lib/domain/money";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/schemas/form-state";
import { bulkPaySummary, decodePayments, encodePayment, payAllPreviewSchema } from "@/lib/schemas/payout-bulk";
import { payAllDue } from "@/lib/services/payout-bulk";
import { duePayments } from "@/lib/services/payout-due";
import { createPayout, voidPayout } from "@/lib/services/payouts";
import { getSettings } from "@/lib/services/settings";
import { refreshPayoutPages } from "./refresh";

// Server actions of the Payouts pages. Each checks the admin session (adminAction), calls one
// service (which parses its input with zod and locks the partner's row), and refreshes the
// pages that show balances.

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

/** The form's amount (minor units, what the dialog showed); anything else is left for the schema to refuse. */
const amountOf = (text: string | undefined) => (text && /^\d+$/.test(text) ? Number(text) : text);

export const payPartnerAction = adminAction(async (admin, formData): Promise<FormState> => {
  const values = { method: field(formData, "method") ?? "", transactionId: field(formData, "transactionId") ?? "", note: field(formData, "note") ?? "" };
  try {
    const payout = await createPayout(await getDb(), adminActor(admin), {
      partnerId: field(formData, "partnerId"),
      amount: amountOf(field(formData, "amount")),
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
    // The balance moved since the dialog opened: nothing was written; the dialog shows the
    // current figure and pays that only when the merchant confirms it.
    if (error instanceof AppError && error.code === "balance_changed") {
      refreshPayoutPages();
      const current = error.details?.[0]?.message.replace(/^Due now: /, "") ?? "";
      const { currency } = await getSettings(await getDb());
      return { ok: false, message: error.message, values: { ...values, currentAmount: current, currentBalance: formatMoney(Number(current), currency) } };
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
  const result = await payAllDue(await getDb(), adminActor(admin), {
    payments: decodePayments(formData.getAll("payment")),
    reference: field(formData, "reference") ?? "",
    note: field(formData, "note") ?? "",
  });
  refreshPayoutPages();
  return { ok: result.paid.length > 0, message: bulkPaySummary(result), values: { paid: String(result.paid.length), skipped: String(result.skipped.length) } };
});

export interface PayAllPreview {
  /** `partnerId:amount` per partner, as the form sends them back. */
  payments: string[];
  names: string[];
  total: string;
  /** Partners due in all (more than `payments` when the run is capped). */
  due: number;
}

/** What "Pay all due" would pay now with the list's filters: shown in its dialog, then sent back as is. */
export const previewPayAllAction = adminAction(async (_admin, formData): Promise<FormState & { preview?: PayAllPreview }> => {
  const db = await getDb();
  const settings = await getSettings(db);
  const filters = payAllPreviewSchema.parse({ q: field(formData, "q"), method: field(formData, "method") || undefined });
  const { payments, summary } = await duePayments(db, filters, { minPayout: settings.minPayout });
  return {
    ok: true,
    preview: {
      payments: payments.map(encodePayment),
      names: payments.map((p) => `${p.name} (${formatMoney(p.amount, settings.currency)})`),
      total: formatMoney(
        payments.reduce((s, p) => s + p.amount, 0),
        settings.currency,
      ),
      due: summary.partners,
    },
  };
});

export const voidPayoutAction = adminAction(async (admin, formData) => {
  await voidPayout(await getDb(), adminActor(admin), field(formData, "id") ?? "", { reason: field(formData, "reason") ?? "" });
  refreshPayoutPages();
  return { ok: true, message: "Payout voided: its commissions are due again." };
});
