import { describe, expect, test } from "vitest";
import { refundEffect, type RefundInput } from "./refund";

const unpaid = (originalAmount: number, amount = originalAmount) => ({ originalAmount, amount, status: "approved" as const, adjustments: 0 });

describe("a refund before payout", () => {
  test("a full refund voids the commission", () => {
    expect(refundEffect({ orderAmount: 10_000, refundedBefore: 0, refundAmount: 10_000, commission: unpaid(1000) })).toEqual({
      kind: "reduce",
      reduction: 1000,
      newAmount: 0,
      voided: true,
    });
  });
  test("a partial refund reduces it in proportion", () => {
    expect(refundEffect({ orderAmount: 10_000, refundedBefore: 0, refundAmount: 2500, commission: unpaid(1000) })).toEqual({
      kind: "reduce",
      reduction: 250,
      newAmount: 750,
      voided: false,
    });
  });
  test("a pending commission is reduced the same way", () => {
    const effect = refundEffect({ orderAmount: 300, refundedBefore: 0, refundAmount: 100, commission: { originalAmount: 100, amount: 100, status: "pending", adjustments: 0 } });
    expect(effect).toMatchObject({ kind: "reduce", newAmount: 67 });
  });
});

describe("partial refunds that add up to the order reverse exactly 100 %", () => {
  test.each<[number, number, number[]]>([
    [1000, 333, [333, 333, 334]],
    [10_000, 1001, [1, 1, 1, 9997]],
    [999, 100, Array(9).fill(111)],
    [7, 3, [1, 1, 1, 1, 1, 1, 1]],
    [100_003, 12_347, [50_000, 50_000, 3]],
  ])("order %i, commission %i, refunds %j", (orderAmount, commission, parts) => {
    let refundedBefore = 0;
    let current = commission;
    let reversedTotal = 0;
    for (const refundAmount of parts) {
      const effect = refundEffect({ orderAmount, refundedBefore, refundAmount, commission: unpaid(commission, current) });
      if (effect.kind !== "reduce") throw new Error("expected a reduction");
      expect(effect.reduction).toBeGreaterThanOrEqual(0);
      reversedTotal += effect.reduction;
      current = effect.newAmount;
      refundedBefore += refundAmount;
    }
    expect(reversedTotal).toBe(commission);
    expect(current).toBe(0);
  });
});

describe("a refund after payout claws back", () => {
  test("the full commission when the whole order is refunded", () => {
    expect(refundEffect({ orderAmount: 5000, refundedBefore: 0, refundAmount: 5000, commission: { originalAmount: 500, amount: 500, status: "paid", adjustments: 0 } })).toEqual({
      kind: "clawback",
      adjustment: -500,
    });
  });
  test("what is left after a partial refund before payout", () => {
    // 40 % refunded before payout (commission 1000 → 600 paid), then the rest
    const effect = refundEffect({ orderAmount: 10_000, refundedBefore: 4000, refundAmount: 6000, commission: { originalAmount: 1000, amount: 600, status: "paid", adjustments: 0 } });
    expect(effect).toEqual({ kind: "clawback", adjustment: -600 });
  });
});

describe("after a payout was voided once clawbacks had been made against it", () => {
  // 1000 paid, 40 % refunded (−400 clawed back), the payout voided (1000 owed again, −400 stands)
  const afterVoid = { originalAmount: 1000, amount: 1000, status: "approved" as const, adjustments: -400 };
  test("refunding the rest leaves nothing owed: the commission takes only what is left", () => {
    const effect = refundEffect({ orderAmount: 10_000, refundedBefore: 4000, refundAmount: 6000, commission: afterVoid });
    expect(effect).toEqual({ kind: "reduce", reduction: 600, newAmount: 400, voided: false });
    // accounted afterwards: 400 + (−400) = 0, what the rules give for a fully refunded order
  });
  test("a further partial refund moves it by exactly its share", () => {
    const effect = refundEffect({ orderAmount: 10_000, refundedBefore: 4000, refundAmount: 1000, commission: afterVoid });
    expect(effect).toEqual({ kind: "reduce", reduction: 100, newAmount: 900, voided: false }); // 900 − 400 = 500 = 1000 − 500
  });
});

describe("nothing to change", () => {
  test.each<[string, RefundInput]>([
    ["no commission (unattributed order)", { orderAmount: 100, refundedBefore: 0, refundAmount: 100, commission: null }],
    ["a void commission", { orderAmount: 100, refundedBefore: 0, refundAmount: 50, commission: { originalAmount: 0, amount: 0, status: "void", adjustments: 0 } }],
  ])("%s", (_name, input) => {
    expect(refundEffect(input)).toEqual({ kind: "none" });
  });
  test.each([
    [100, 0, 101],
    [100, 60, 41],
    [100, 0, 0],
    [0, 0, 1],
  ])("refunding more than what is left is refused (order %i, refunded %i, refund %i)", (orderAmount, refundedBefore, refundAmount) => {
    expect(() => refundEffect({ orderAmount, refundedBefore, refundAmount, commission: unpaid(10) })).toThrow(RangeError);
  });
});
