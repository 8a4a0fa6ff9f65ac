import { describe, expect, test } from "vitest";
import { availableActions, checkTransition, type CommissionAction, type TransitionCheck } from "./commission-status";
import type { CommissionStatus } from "@/lib/schemas/enums";

// Each row says whether the step must succeed: "→ status" is allowed and lands there,
// "✗ reason" is refused with that short reason (and a message a person can act on).
const to = (status: CommissionStatus): TransitionCheck => ({ ok: true, to: status });
const refused = (short: string): TransitionCheck => ({ ok: false, short, message: expect.stringMatching(/\S/) });

describe("checkTransition", () => {
  test.each<[CommissionAction, CommissionStatus, boolean, TransitionCheck]>([
    ["approve", "pending", false, to("approved")],
    ["approve", "approved", false, refused("not pending")],
    ["approve", "paid", false, refused("not pending")],
    ["approve", "void", false, refused("not pending")],
    ["void", "pending", false, to("void")],
    ["void", "approved", false, to("void")],
    ["void", "paid", false, refused("paid by hand")],
    ["void", "paid", true, to("void")],
    ["void", "void", false, refused("already void")],
    ["mark_paid", "approved", false, to("paid")],
    ["mark_paid", "pending", false, refused("not approved")],
    ["mark_paid", "paid", false, refused("already paid")],
    ["mark_paid", "void", false, refused("not approved")],
    ["mark_unpaid", "paid", false, to("approved")],
    ["mark_unpaid", "paid", true, refused("in a payout")],
    ["mark_unpaid", "approved", false, refused("not paid")],
    ["mark_unpaid", "pending", false, refused("not paid")],
    ["mark_unpaid", "void", false, refused("not paid")],
  ])("%s on %s (in payout: %s)", (action, status, inPayout, expected) => {
    expect(checkTransition(action, { status, inPayout })).toEqual(expected);
  });

  test("voiding a commission marked paid by hand explains clawbacks", () => {
    const result = checkTransition("void", { status: "paid", inPayout: false });
    expect(result).toEqual({ ok: false, short: "paid by hand", message: expect.stringMatching(/clawback/) });
  });
});

test("availableActions lists only what would succeed", () => {
  expect(availableActions({ status: "pending", inPayout: false })).toEqual(["approve", "void"]);
  expect(availableActions({ status: "approved", inPayout: false })).toEqual(["void", "mark_paid"]);
  expect(availableActions({ status: "paid", inPayout: false })).toEqual(["mark_unpaid"]);
  expect(availableActions({ status: "paid", inPayout: true })).toEqual(["void"]);
  expect(availableActions({ status: "void", inPayout: false })).toEqual([]);
});
