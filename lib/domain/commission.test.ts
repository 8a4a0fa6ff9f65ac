import { describe, expect, test } from "vitest";
import { computeCommission, type CommissionInput } from "./commission";
import type { Rate } from "./rates";

const pct = (bps: number): Rate => ({ type: "percentage", value: bps });
const fixed = (minor: number): Rate => ({ type: "fixed", value: minor });

const groups: Record<string, Rate> = { shoe: pct(2000), sock: fixed(150), book: pct(500) };

function sale(overrides: Partial<CommissionInput> = {}): CommissionInput {
  return {
    amount: 10_000,
    items: [],
    linkRate: null,
    groupRateFor: (id) => groups[id] ?? null,
    partnerRate: null,
    programRate: pct(1000),
    isUpgrade: false,
    disableUpgradeReferrals: false,
    selfReferral: false,
    blockSelfReferrals: true,
    ...overrides,
  };
}

describe("the cases users quote", () => {
  test("a 10000-cent order at 10 % earns 1000", () => {
    expect(computeCommission(sale()).amount).toBe(1000);
  });
  test.each([1, 999, 10_000, 1_000_000, 0])("a fixed 500 earns 500 whatever the order total (%i)", (amount) => {
    expect(computeCommission(sale({ amount, programRate: fixed(500) })).amount).toBe(500);
    expect(computeCommission(sale({ amount, partnerRate: fixed(500) })).amount).toBe(500);
  });
});

describe("precedence: link → rate group → partner → program", () => {
  test.each<[string, Partial<CommissionInput>, number, string]>([
    ["program default", {}, 1000, "program"],
    ["partner rate beats program", { partnerRate: pct(1500) }, 1500, "partner"],
    ["partner fixed per order", { partnerRate: fixed(700) }, 700, "partner"],
    ["rate group beats partner", { partnerRate: pct(1500), items: [{ productId: "shoe", quantity: 1, amount: 10_000 }] }, 2000, "rate_group"],
    ["fixed group rate × quantity", { items: [{ productId: "sock", quantity: 4, amount: 10_000 }] }, 600, "rate_group"],
    [
      "link beats rate group and partner",
      { linkRate: pct(3000), partnerRate: pct(1500), items: [{ productId: "shoe", quantity: 1, amount: 10_000 }] },
      3000,
      "link",
    ],
    ["fixed link rate per order", { linkRate: fixed(999), items: [{ productId: "sock", quantity: 9, amount: 10_000 }] }, 999, "link"],
    ["items without a group use the partner rate", { partnerRate: pct(1500), items: [{ productId: "hat", quantity: 2, amount: 10_000 }] }, 1500, "partner"],
  ])("%s", (_name, overrides, amount, source) => {
    const result = computeCommission(sale(overrides));
    expect(result.amount).toBe(amount);
    expect(result.source).toBe(source);
  });
});

describe("mixed carts", () => {
  test("grouped lines at their rate, the rest of the order at the base rate", () => {
    // shoe 6000 at 20 % = 1200; socks 2 × 150 = 300; hat 1500 + shipping 500 = 2000 at 10 % = 200
    const result = computeCommission(
      sale({
        amount: 8500,
        items: [
          { productId: "shoe", quantity: 1, amount: 6000 },
          { productId: "sock", quantity: 2, amount: 500 },
          { productId: "hat", quantity: 1, amount: 1500 },
        ],
      }),
    );
    expect(result).toEqual({ amount: 1700, source: "rate_group", rate: null, voidReason: null });
  });

  test("a fixed base rate is paid once for the ungrouped part", () => {
    const result = computeCommission(
      sale({
        programRate: fixed(500),
        items: [
          { productId: "shoe", quantity: 1, amount: 5000 },
          { productId: "hat", quantity: 3, amount: 5000 },
        ],
      }),
    );
    expect(result.amount).toBe(1000 + 500);
  });

  test("a fixed base rate adds nothing when every line has a group", () => {
    const result = computeCommission(sale({ programRate: fixed(500), items: [{ productId: "shoe", quantity: 1, amount: 10_000 }] }));
    expect(result).toEqual({ amount: 2000, source: "rate_group", rate: pct(2000), voidReason: null });
  });

  test("discounted orders: grouped lines worth more than the order leave no negative rest", () => {
    const result = computeCommission(sale({ amount: 4000, items: [{ productId: "shoe", quantity: 1, amount: 5000 }] }));
    expect(result.amount).toBe(1000);
  });
});

describe("rounding half up at .5", () => {
  test.each([
    [5, pct(1000), 1], // 0.5
    [15, pct(1000), 2], // 1.5
    [25, pct(1000), 3], // 2.5
    [14, pct(1000), 1], // 1.4
    [333, pct(1250), 42], // 41.625
    [1, pct(5000), 1], // 0.5
  ])("%i at %j earns %i", (amount, rate, expected) => {
    expect(computeCommission(sale({ amount, programRate: rate })).amount).toBe(expected);
  });
  test("each grouped line rounds on its own", () => {
    const items = [
      { productId: "book", quantity: 1, amount: 10 }, // 0.5 → 1
      { productId: "book", quantity: 1, amount: 10 }, // 0.5 → 1
    ];
    expect(computeCommission(sale({ amount: 20, items })).amount).toBe(2);
  });
});

describe("zero and nothing", () => {
  test("a zero-amount order at a percentage earns 0", () => {
    expect(computeCommission(sale({ amount: 0 })).amount).toBe(0);
  });
  test("a 0 % rate earns 0", () => {
    expect(computeCommission(sale({ partnerRate: pct(0) })).amount).toBe(0);
  });
  test("upgrades earn nothing when that setting is on, and normally otherwise", () => {
    expect(computeCommission(sale({ isUpgrade: true, disableUpgradeReferrals: true }))).toMatchObject({ amount: 0, voidReason: "upgrade" });
    expect(computeCommission(sale({ isUpgrade: true, disableUpgradeReferrals: false })).amount).toBe(1000);
  });
  test("a self-referral earns nothing and is flagged when blocking is on", () => {
    expect(computeCommission(sale({ selfReferral: true, linkRate: pct(5000) }))).toMatchObject({ amount: 0, voidReason: "self_referral" });
    expect(computeCommission(sale({ selfReferral: true, blockSelfReferrals: false })).amount).toBe(1000);
  });
  test("never below zero", () => {
    for (const amount of [0, 1, 7, 10_000]) {
      for (const rate of [pct(0), pct(1), fixed(0)]) {
        expect(computeCommission(sale({ amount, programRate: rate })).amount).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
