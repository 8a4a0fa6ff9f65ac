import { describe, expect, test } from "vitest";
import { availableActions, checkTransition, type CommissionAction } from "./commission-status";
import type { CommissionStatus } from "@/lib/schemas/enums";

describe("checkTransition", () => {
  test.each<[CommissionAction, CommissionStatus, boolean, CommissionStatus | string]>([
    ["approve", "pending", false, "approved"],
    ["approve", "approved", false, "not pending"],
    ["approve", "paid", false, "not pending"],
    ["approve", "void", false, "not pending"],
    ["void", "pending", false, "void"],
    ["void", "approved", false, "void"],
    ["void", "paid", false, "paid by hand"],
    ["void", "paid", true, "void"],
    ["void", "void", false, "already void"],
    ["mark_paid", "approved", false, "paid"],
    ["mark_paid", "pending", false, "not approved"],
    ["mark_paid", "paid", false, "already paid"],
    ["mark_paid", "void", false, "not approved"],
    ["mark_unpaid", "paid", false, "approved"],
    ["mark_unpaid", "paid", true, "in a payout"],
    ["mark_unpaid", "approved", false, "not paid"],
    ["mark_unpaid", "pending", false, "not paid"],
    ["mark_unpaid", "void", false, "not paid"],
  ])("%s on %s (in payout: %s) → %s", (action, status, inPayout, expected) => {
    const result = checkTransition(action, { status, inPayout });
    if (result.ok) expect(result.to).toBe(expected);
    else expect(result.short).toBe(expected);
  });

  test("voiding a commission marked paid by hand explains clawbacks", () => {
    const result = checkTransition("void", { status: "paid", inPayout: false });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/clawback/);
  });
});

test("availableActions lists only what would succeed", () => {
  expect(availableActions({ status: "pending", inPayout: false })).toEqual(["approve", "void"]);
  expect(availableActions({ status: "approved", inPayout: false })).toEqual(["void", "mark_paid"]);
  expect(availableActions({ status: "paid", inPayout: false })).toEqual(["mark_unpaid"]);
  expect(availableActions({ status: "paid", inPayout: true })).toEqual(["void"]);
  expect(availableActions({ status: "void", inPayout: false })).toEqual([]);
});
