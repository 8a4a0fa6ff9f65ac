import { expect, test } from "vitest";
import { formatRate, formatRateOrDefault } from "./rates";

test.each([
  ["percentage", 1000, "USD", "10 %"],
  ["percentage", 1250, "USD", "12.5 %"],
  ["fixed", 500, "USD", "$5.00"],
  ["fixed", 500, "JPY", "¥500"],
] as const)("%s %i %s → %s", (type, rate, currency, text) => {
  expect(formatRate(type, rate, currency)).toBe(text);
});

test("no rate of its own reads as the program default", () => {
  expect(formatRateOrDefault(null, null, "USD")).toBe("Program default");
});
