import { describe, expect, test } from "vitest";
import { bpsToPercentString, formatMoney, mulDivRoundHalfUp, parseMoney, parsePercent, percentOf, toDecimalString } from "./money";

describe("percentOf rounds half up", () => {
  test.each([
    [10_000, 1000, 1000], // the case users quote: $100.00 at 10 % earns $10.00
    [1, 5000, 1], // 0.5 → 1
    [3, 5000, 2], // 1.5 → 2
    [5, 1000, 1], // 0.5 → 1
    [4, 1000, 0], // 0.4 → 0
    [14, 1250, 2], // 1.75 → 2
    [12, 1250, 2], // 1.5 → 2
    [0, 1000, 0],
    [999, 0, 0],
    [9_007_199_254_740, 10_000, 9_007_199_254_740], // no precision lost past 2^53 in the product
  ])("%i at %i bps is %i", (amount, bps, expected) => {
    expect(percentOf(amount, bps)).toBe(expected);
  });
});

describe("mulDivRoundHalfUp", () => {
  test("proportional shares that add up to the whole reverse exactly the whole", () => {
    const commission = 333;
    const total = 1000;
    let reversed = 0;
    let refunded = 0;
    for (const part of [333, 333, 334]) {
      refunded += part;
      const shouldHaveReversed = mulDivRoundHalfUp(commission, refunded, total);
      reversed += shouldHaveReversed - reversed;
    }
    expect(reversed).toBe(commission);
  });
  test.each([
    [-1, 1, 1],
    [1, 1, 0],
    [1.5, 1, 1],
  ])("rejects %d × %d ÷ %d", (a, b, c) => {
    expect(() => mulDivRoundHalfUp(a, b, c)).toThrow(RangeError);
  });
});

describe("parseMoney", () => {
  test.each([
    ["12", "USD", 1200],
    ["12.5", "USD", 1250],
    ["12.50", "USD", 1250],
    ["1,234.56", "USD", 123456],
    ["0", "USD", 0],
    [" 7.05 ", "EUR", 705],
    ["500", "JPY", 500],
    ["1.234", "KWD", 1234],
    ["12.345", "USD", null], // more decimals than cents: refused, not rounded
    ["1.5", "JPY", null],
    ["-5", "USD", null],
    ["abc", "USD", null],
    ["", "USD", null],
  ])("%j %s → %j", (text, currency, expected) => {
    expect(parseMoney(text, currency)).toBe(expected);
  });
});

describe("formatting", () => {
  test.each([
    [123450, "USD", "$1,234.50"],
    [5, "USD", "$0.05"],
    [500, "JPY", "¥500"],
  ])("formatMoney(%i, %s) = %s", (minor, currency, expected) => {
    expect(formatMoney(minor, currency)).toBe(expected);
  });
  test.each([
    [123450, "USD", "1234.50"],
    [5, "USD", "0.05"],
    [500, "JPY", "500"],
  ])("toDecimalString(%i, %s) = %s", (minor, currency, expected) => {
    expect(toDecimalString(minor, currency)).toBe(expected);
    expect(parseMoney(expected, currency)).toBe(minor);
  });
  test.each([
    ["10", 1000],
    ["12.5", 1250],
    ["12.55%", 1255],
    ["0.01", 1],
    ["100", 10000],
    ["12.555", null],
    ["ten", null],
  ])("parsePercent(%j) = %j", (text, bps) => {
    expect(parsePercent(text)).toBe(bps);
  });
  test.each([
    [1000, "10"],
    [1250, "12.5"],
    [1, "0.01"],
  ])("bpsToPercentString(%i) = %s", (bps, text) => {
    expect(bpsToPercentString(bps)).toBe(text);
  });
});
