import { describe, expect, test } from "vitest";
import { parseSettingsForm } from "./settings-form";

function form(overrides: Record<string, string | string[]> = {}): FormData {
  const values: Record<string, string | string[]> = {
    name: "Acme Partners",
    currency: "usd",
    timezone: "Europe/Berlin",
    storeUrl: "https://shop.example.com",
    trackingEnabled: "on",
    applicationsOpen: "on",
    cookieDays: "60",
    attributionModel: "first_click",
    lifetimeAttribution: "on",
    defaultCommissionType: "percentage",
    defaultCommissionRate: "12.5",
    holdDays: "14",
    minPayout: "50.00",
    actionEvent: ["signup", ""],
    actionAmount: ["2.00", ""],
    ...overrides,
  };
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) for (const item of [v].flat()) data.append(k, item);
  return data;
}

describe("parseSettingsForm", () => {
  test("turns typed values into stored units", () => {
    const result = parseSettingsForm(form());
    expect(result).toEqual({
      ok: true,
      patch: {
        name: "Acme Partners",
        currency: "USD",
        timezone: "Europe/Berlin",
        storeUrl: "https://shop.example.com",
        trackingEnabled: true,
        lifetimeAttribution: true,
        disableUpgradeReferrals: false, // unchecked boxes are absent from the form
        brandedCoupons: false,
        blockSelfReferrals: false,
        applicationsOpen: true,
        cookieDays: 60,
        holdDays: 14,
        attributionModel: "first_click",
        defaultCommissionType: "percentage",
        defaultCommissionRate: 1250,
        minPayout: 5000,
        actionCommissions: { signup: 200 },
      },
    });
  });

  test("a fixed default rate is an amount in the chosen currency", () => {
    const result = parseSettingsForm(form({ defaultCommissionType: "fixed", defaultCommissionRate: "5", currency: "JPY", minPayout: "1000", actionAmount: ["200", ""] }));
    expect(result.ok && result.patch).toMatchObject({ defaultCommissionRate: 5, minPayout: 1000, currency: "JPY" });
  });

  test.each([
    [{ cookieDays: "thirty" }, "cookieDays"],
    [{ holdDays: "-1" }, "holdDays"],
    [{ minPayout: "12.345" }, "minPayout"],
    [{ defaultCommissionRate: "ten" }, "defaultCommissionRate"],
    [{ defaultCommissionType: "tiered" }, "defaultCommissionType"],
    [{ attributionModel: "linear" }, "attributionModel"],
    [{ actionEvent: ["signup", "signup"], actionAmount: ["1", "2"] }, "actionCommissions"],
    [{ actionEvent: ["", ""], actionAmount: ["2.00", ""] }, "actionCommissions"],
    [{ actionEvent: ["signup"], actionAmount: ["lots"] }, "actionCommissions"],
  ])("%j is refused on %s", (overrides, field) => {
    const result = parseSettingsForm(form(overrides));
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors)).toContain(field);
  });
});
