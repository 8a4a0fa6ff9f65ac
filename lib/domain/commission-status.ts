import type { CommissionStatus } from "@/lib/schemas/enums";

// What a merchant may do to a commission by hand (SPEC.md §2 "Commission statuses"):
// approve a pending one before its hold period ends, void a pending or approved one, or one
// paid in a payout (what the partner kept is then clawed back from their next payout), and
// toggle approved ↔ paid for commissions outside a payout. Everything else is refused with
// a reason a person can act on. Pure: the service checks it on the locked row.

export const COMMISSION_ACTIONS = ["approve", "void", "mark_paid", "mark_unpaid"] as const;
export type CommissionAction = (typeof COMMISSION_ACTIONS)[number];

export interface CommissionState {
  status: CommissionStatus;
  /** In a payout (paid through the app), as opposed to marked paid by hand. */
  inPayout: boolean;
}

export type TransitionCheck =
  | { ok: true; to: CommissionStatus }
  /** `short` names the reason in a bulk summary ("3 skipped: not pending"). */
  | { ok: false; short: string; message: string };

/** Past tense for summaries: "12 approved". */
export const ACTION_DONE: Record<CommissionAction, string> = {
  approve: "approved",
  void: "voided",
  mark_paid: "marked paid",
  mark_unpaid: "marked unpaid",
};

export const ACTION_LABEL: Record<CommissionAction, string> = {
  approve: "Approve",
  void: "Void",
  mark_paid: "Mark as paid",
  mark_unpaid: "Mark as unpaid",
};

const refuse = (short: string, message: string): TransitionCheck => ({ ok: false, short, message });

export function checkTransition(action: CommissionAction, c: CommissionState): TransitionCheck {
  switch (action) {
    case "approve":
      if (c.status === "pending") return { ok: true, to: "approved" };
      return refuse("not pending", c.status === "void" ? "A void commission cannot be approved." : `Only pending commissions can be approved; this one is already ${c.status}.`);
    case "void":
      if (c.status === "pending" || c.status === "approved") return { ok: true, to: "void" };
      if (c.status === "void") return refuse("already void", "This commission is already void.");
      if (c.inPayout) return { ok: true, to: "void" };
      return refuse(
        "paid by hand",
        "A commission marked paid by hand cannot be voided: the app does not know what was paid. If it was not really paid, mark it as unpaid first; a refund after payout becomes a clawback on the partner's next payout.",
      );
    case "mark_paid":
      if (c.status === "approved") return { ok: true, to: "paid" };
      if (c.status === "paid") return refuse("already paid", "This commission is already paid.");
      return refuse("not approved", c.status === "pending" ? "Approve this commission before marking it as paid." : "A void commission cannot be marked as paid.");
    case "mark_unpaid":
      if (c.status === "paid" && !c.inPayout) return { ok: true, to: "approved" };
      if (c.status === "paid") return refuse("in a payout", "This commission was paid in a payout; it cannot be marked as unpaid by hand.");
      return refuse("not paid", "Only a commission marked as paid can be marked as unpaid.");
  }
}

/** The actions a merchant can take on a commission now, in the order buttons show them. */
export function availableActions(c: CommissionState): CommissionAction[] {
  return COMMISSION_ACTIONS.filter((a) => checkTransition(a, c).ok);
}
