import { describe, expect, test } from "vitest";
import { balanceHint, pendingHint } from "./payout-timing";

describe("balanceHint: the Next payout card", () => {
  test.each([
    [{ balance: 12_345, minPayout: 5_000 }, "due now: paid in the program's next payout run"],
    [{ balance: 5_000, minPayout: 5_000 }, "due now: paid in the program's next payout run"],
    [{ balance: 1, minPayout: 0 }, "due now: paid in the program's next payout run"],
    [{ balance: 4_000, minPayout: 5_000 }, "approved; paid once it reaches $50.00 ($10.00 to go)"],
    [{ balance: 0, minPayout: 5_000 }, "nothing due yet; paid once your approved balance reaches $50.00"],
    [{ balance: 0, minPayout: 0 }, "nothing due yet"],
    [{ balance: -300, minPayout: 5_000 }, "refunds after a payout exceed what is due; carried forward, never charged to you"],
  ])("%o → %s", (facts, hint) => {
    expect(balanceHint({ ...facts, currency: "USD" })).toBe(hint);
  });

  test("in the program's currency", () => {
    expect(balanceHint({ balance: 100, minPayout: 5_000, currency: "EUR" })).toContain("€50.00");
  });
});

describe("pendingHint: the Pending card", () => {
  const now = new Date("2026-12-02T12:00:00Z");
  const base = { currency: "USD", timezone: "America/Los_Angeles", now };
  test.each([
    [{ pending: 0, nextPayableAt: null, nextPayableAmount: 0 }, "inside the hold period, approved when it ends"],
    [{ pending: 3_000, nextPayableAt: new Date("2027-01-01T06:00:00Z"), nextPayableAmount: 3_000 }, "inside the hold period; payable on Dec 31, 2026"],
    [{ pending: 3_000, nextPayableAt: new Date("2026-12-10T12:00:00Z"), nextPayableAmount: 1_000 }, "inside the hold period; the first $10.00 becomes payable on Dec 10, 2026"],
    [{ pending: 3_000, nextPayableAt: new Date("2026-12-01T12:00:00Z"), nextPayableAmount: 3_000 }, "inside the hold period; payable now"],
  ])("%o → %s", (facts, hint) => {
    expect(pendingHint({ ...base, ...facts })).toBe(hint);
  });
});
