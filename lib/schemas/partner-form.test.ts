import { describe, expect, test } from "vitest";
import { parsePartnerForm, partnerFormFieldFor } from "./partner-form";
import { isValidIban } from "./partners";

function form(overrides: Record<string, string | string[]> = {}): FormData {
  const values: Record<string, string | string[]> = {
    name: " Jane Doe ",
    email: "jane@example.com",
    status: "approved",
    referralCode: "",
    rateType: "default",
    rate: "",
    couponCodes: ["JANE20", " ", "jane-summer"],
    payoutMethod: "",
    notes: "",
    ...overrides,
  };
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) for (const item of [v].flat()) data.append(k, item);
  return data;
}

describe("parsePartnerForm", () => {
  test("turns typed values into stored units; blanks mean none", () => {
    expect(parsePartnerForm(form(), "USD")).toEqual({
      ok: true,
      input: {
        name: "Jane Doe",
        email: "jane@example.com",
        status: "approved",
        referralCode: null,
        couponCodes: ["JANE20", "jane-summer"],
        notes: null,
        commissionType: null,
        commissionRate: null,
        payoutMethod: null,
        payoutDetails: {},
      },
    });
  });

  test.each([
    ["percentage", "12.5", "USD", 1250],
    ["percentage", "100", "USD", 10_000],
    ["fixed", "5.00", "USD", 500],
    ["fixed", "1,250", "USD", 125_000],
    ["fixed", "500", "JPY", 500],
  ])("%s %s (%s) is stored as %i", (rateType, rate, currency, stored) => {
    const result = parsePartnerForm(form({ rateType, rate }), currency);
    expect(result).toMatchObject({ ok: true, input: { commissionType: rateType, commissionRate: stored } });
  });

  test.each([
    ["percentage", "twelve", "rate"],
    ["percentage", "100.01", "rate"],
    ["percentage", "12.345", "rate"],
    ["fixed", "5.001", "rate"],
    ["fixed", "-5", "rate"],
    ["bogus", "5", "rateType"],
  ])("%s %s is an error on %s", (rateType, rate, field) => {
    const result = parsePartnerForm(form({ rateType, rate }), "USD");
    expect(result.ok).toBe(false);
    expect(Object.keys((result as { errors: Record<string, string> }).errors)).toEqual([field]);
  });

  test("payout details are read from the chosen method's inputs only", () => {
    const result = parsePartnerForm(
      form({ payoutMethod: "bank_transfer", accountHolder: "Jane", iban: "DE89 3704 0044 0532 0130 00", bic: "", paypalEmail: "left@over.com" }),
      "USD",
    );
    expect(result).toMatchObject({ ok: true, input: { payoutMethod: "bank_transfer", payoutDetails: { accountHolder: "Jane", iban: "DE89 3704 0044 0532 0130 00", bic: "" } } });
    expect(parsePartnerForm(form({ payoutMethod: "stripe", stripeAccountId: "acct_123" }), "USD")).toMatchObject({ input: { payoutDetails: { accountId: "acct_123" } } });
    expect(parsePartnerForm(form({ payoutMethod: "cash" }), "USD")).toMatchObject({ ok: false, errors: { payoutMethod: expect.any(String) } });
  });
});

test.each([
  ["commissionRate", null, "rate"],
  ["commissionType", null, "rateType"],
  ["couponCodes.2", null, "couponCodes"],
  ["payoutDetails.email", "paypal", "paypalEmail"],
  ["payoutDetails.accountId", "stripe", "stripeAccountId"],
  ["payoutDetails.iban", "bank_transfer", "iban"],
  ["email", null, "email"],
])("a service error on %s (method %s) shows on the %s input", (field, method, input) => {
  expect(partnerFormFieldFor(field, method)).toBe(input);
});

test.each([
  ["DE89 3704 0044 0532 0130 00", true],
  ["gb82west12345698765432", true],
  ["DE89 3704 0044 0532 0130 01", false],
  ["DE89", false],
  ["1234567890123456", false],
])("IBAN %s valid: %s", (iban, valid) => {
  expect(isValidIban(iban)).toBe(valid);
});
