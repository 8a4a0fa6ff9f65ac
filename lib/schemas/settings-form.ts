import { parseMoney, parsePercent } from "@/lib/domain/money";
import { ATTRIBUTION_MODELS, COMMISSION_TYPES } from "./enums";
import type { ProgramSettings } from "./settings";

// The Settings form speaks in what people type: "10" for 10 %, "50.00" for fifty dollars.
// This turns its fields into the stored units (basis points, minor units), naming the field
// of any value that cannot be read. Range and format rules are then checked by
// programSettingsSchema in the service, so both the form and the CLI get the same rules.

export type SettingsFormResult =
  | { ok: true; patch: Partial<Record<keyof ProgramSettings, unknown>> }
  | { ok: false; errors: Record<string, string> };

const BOOLEAN_FIELDS = ["trackingEnabled", "lifetimeAttribution", "disableUpgradeReferrals", "brandedCoupons", "blockSelfReferrals", "applicationsOpen"] as const;

function wholeNumber(text: string): number | null {
  return /^\s*\d{1,9}\s*$/.test(text) ? Number(text) : null;
}

export function parseSettingsForm(form: FormData): SettingsFormResult {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const errors: Record<string, string> = {};
  const patch: Partial<Record<keyof ProgramSettings, unknown>> = {
    name: text("name"),
    currency: text("currency").toUpperCase(),
    timezone: text("timezone"),
    storeUrl: text("storeUrl"),
    attributionModel: text("attributionModel"),
    defaultCommissionType: text("defaultCommissionType"),
  };
  for (const field of BOOLEAN_FIELDS) patch[field] = form.get(field) === "on";

  for (const field of ["cookieDays", "holdDays"] as const) {
    const value = wholeNumber(text(field));
    if (value === null) errors[field] = "Enter a whole number of days.";
    else patch[field] = value;
  }

  const currency = /^[A-Z]{3}$/.test(String(patch.currency)) ? String(patch.currency) : "USD";
  const money = (field: string): number | null => {
    const value = parseMoney(text(field), currency);
    if (value === null) errors[field] = `Enter an amount in ${currency}, like 50.00.`;
    return value;
  };

  const minPayout = text("minPayout") === "" ? 0 : money("minPayout");
  if (minPayout !== null) patch.minPayout = minPayout;

  if (!(ATTRIBUTION_MODELS as readonly string[]).includes(String(patch.attributionModel))) errors.attributionModel = "Pick an attribution model.";
  if (!(COMMISSION_TYPES as readonly string[]).includes(String(patch.defaultCommissionType))) {
    errors.defaultCommissionType = "Pick percentage or fixed.";
  } else if (patch.defaultCommissionType === "percentage") {
    const bps = parsePercent(text("defaultCommissionRate"));
    if (bps === null) errors.defaultCommissionRate = "Enter a percentage like 10 or 12.5.";
    else patch.defaultCommissionRate = bps;
  } else {
    const amount = money("defaultCommissionRate");
    if (amount !== null) patch.defaultCommissionRate = amount;
  }

  const events = form.getAll("actionEvent").map((v) => String(v).trim());
  const amounts = form.getAll("actionAmount").map((v) => String(v).trim());
  const actions: Record<string, number> = {};
  events.forEach((event, i) => {
    const amountText = amounts[i] ?? "";
    if (!event && !amountText) return; // an empty row is ignored
    if (!event) errors.actionCommissions = "Name every event, e.g. signup.";
    else if (event in actions) errors.actionCommissions = `The event "${event}" is listed twice.`;
    const amount = parseMoney(amountText, currency);
    if (amount === null) errors.actionCommissions = `Enter an amount in ${currency} for "${event || "the event"}".`;
    else if (event) actions[event] = amount;
  });
  patch.actionCommissions = actions;

  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, patch };
}

/** A service error on `actionCommissions.<event>` is shown on the action-commissions field. */
export function settingsFieldFor(field: string): string {
  return field.startsWith("actionCommissions") ? "actionCommissions" : field;
}
