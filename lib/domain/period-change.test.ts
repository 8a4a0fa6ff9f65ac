import { describe, expect, test } from "vitest";
import { changeBetween, describeChange, formatChange } from "./period-change";

describe("change against the previous period", () => {
  test.each<[number | null, number | null, string]>([
    [11_230, 10_000, "+12.3 %"],
    [9_600, 10_000, "−4.0 %"],
    [0, 10_000, "−100.0 %"],
    [5, 0, "new"],
    [0, 0, "no change"],
    [7, 7, "no change"],
    // conversion rates: null when there were no clicks
    [0.05, null, "new"],
    [0, null, "—"],
    [null, 0.02, "—"],
    [null, null, "—"],
  ])("%s against %s → %s", (current, previous, text) => {
    expect(formatChange(changeBetween(current, previous))).toBe(text);
  });

  test("the sentence for screen readers says the direction in words", () => {
    expect(describeChange(changeBetween(150, 100), "$1.00")).toBe("up 50.0 % from $1.00 in the previous period");
    expect(describeChange(changeBetween(50, 100), "$1.00")).toBe("down 50.0 % from $1.00 in the previous period");
    expect(describeChange(changeBetween(50, 0), "$0.00")).toBe("new: none in the previous period");
  });
});
