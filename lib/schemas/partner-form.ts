import { parseMoney, parsePercent } from "@/lib/domain/money";
import { PAYOUT_METHODS, type PayoutMethod } from "./enums";
import { PAYOUT_DETAIL_FIELDS } from "./partners";

// The partner form speaks in what people type: "12.5" for 12.5 %, "5.00" for five dollars.
// This turns its fields into the stored units (basis points, minor units) and the payout
// details object, naming the field of any value that cannot be read. Everything else is
// checked by partnerFormSchema in the service, whose field names partnerFormFieldFor maps
// back onto the form's inputs.

export type PartnerFormResult = { ok: true; input: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

/** Form input name of each payout detail (the stored key is the same across methods). */
export const PAYOUT_DETAIL_INPUTS: Record<PayoutMethod, Record<string, string>> = {
  paypal: { email: "paypalEmail" },
  bank_transfer: { accountHolder: "accountHolder", iban: "iban", bic: "bic" },
  stripe: { accountId: "stripeAccountId" },
  other: { instructions: "payoutInstructions" },
};

export function parsePartnerForm(form: FormData, currency: string): PartnerFormResult {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const errors: Record<string, string> = {};
  const input: Record<string, unknown> = {
    name: text("name"),
    email: text("email"),
    status: text("status"),
    referralCode: text("referralCode") || null,
    couponCodes: form
      .getAll("couponCodes")
      .map((v) => String(v).trim())
      .filter(Boolean),
    notes: text("notes") || null,
  };

  const rateType = text("rateType");
  if (rateType === "" || rateType === "default") {
    input.commissionType = null;
    input.commissionRate = null;
  } else if (rateType === "percentage") {
    const bps = parsePercent(text("rate"));
    if (bps === null) errors.rate = "Enter a percentage like 10 or 12.5.";
    else if (bps > 10_000) errors.rate = "A percentage can be at most 100 %.";
    else Object.assign(input, { commissionType: "percentage", commissionRate: bps });
  } else if (rateType === "fixed") {
    const amount = parseMoney(text("rate"), currency);
    if (amount === null) errors.rate = `Enter an amount in ${currency}, like 5.00.`;
    else Object.assign(input, { commissionType: "fixed", commissionRate: amount });
  } else {
    errors.rateType = "Pick the program default, a percentage or a fixed amount.";
  }

  const method = text("payoutMethod");
  if (method === "") {
    input.payoutMethod = null;
    input.payoutDetails = {};
  } else if ((PAYOUT_METHODS as readonly string[]).includes(method)) {
    const m = method as PayoutMethod;
    input.payoutMethod = m;
    input.payoutDetails = Object.fromEntries(PAYOUT_DETAIL_FIELDS[m].map((key) => [key, text(PAYOUT_DETAIL_INPUTS[m][key]!)]));
  } else {
    errors.payoutMethod = "Pick a payout method.";
  }

  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, input };
}

/** The form input that shows a service error about `field` ("payoutDetails.iban" → "iban"). */
export function partnerFormFieldFor(field: string, payoutMethod?: string | null): string {
  if (field === "commissionRate") return "rate";
  if (field === "commissionType") return "rateType";
  if (field.startsWith("couponCodes")) return "couponCodes";
  if (field.startsWith("payoutDetails.")) {
    const key = field.slice("payoutDetails.".length);
    const inputs = payoutMethod && payoutMethod in PAYOUT_DETAIL_INPUTS ? PAYOUT_DETAIL_INPUTS[payoutMethod as PayoutMethod] : undefined;
    return inputs?.[key] ?? "payoutMethod";
  }
  return field;
}
