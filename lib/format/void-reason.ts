// Why a commission is void, in words: the rules' own reasons (codes set by the tracking
// engine), or the merchant's reason as typed.

const RULE_REASONS: Record<string, string> = {
  self_referral: "self-referral",
  upgrade: "upgrade (upgrades earn nothing)",
  refunded: "order refunded",
};

export function voidReasonLabel(reason: string | null): string | null {
  if (!reason) return null;
  return RULE_REASONS[reason] ?? reason;
}
