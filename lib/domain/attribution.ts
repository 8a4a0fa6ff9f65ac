import type { AttributionModel, ClickDeclineReason } from "@/lib/schemas/enums";

// Which partner a sale or lead belongs to (SPEC.md §2 "Attribution of a sale"), first match
// wins: the coupon code of an approved partner → the visitor id's click inside the cookie
// window (latest for last-click, earliest for first-click) → the customer's lifetime
// partner → a click inside the window with the same hashed IP and user agent. Bot clicks,
// clicks of partners who are not approved and clicks outside the window never count. A click
// declined as a duplicate does attribute: de-duplication decides what a click counts as in
// reports, not whether the visitor id it issued earns (two shoppers behind one office or
// carrier address who click the same partner within the hour both get their sales).

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PartnerRef {
  partnerId: string;
  partnerApproved: boolean;
}

export interface ClickCandidate extends PartnerRef {
  id: number;
  linkId: string | null;
  createdAt: Date;
  declinedReason: ClickDeclineReason | null;
}

export interface AttributionInput {
  now: Date;
  cookieDays: number;
  model: AttributionModel;
  lifetimeAttribution: boolean;
  coupon: PartnerRef | null;
  visitorClicks: ClickCandidate[];
  lifetimePartner: PartnerRef | null;
  ipUserAgentClicks: ClickCandidate[];
}

export type Attribution =
  | { rule: "coupon" | "lifetime"; partnerId: string; clickId: null; linkId: null }
  | { rule: "click" | "ip_user_agent"; partnerId: string; clickId: number; linkId: string | null }
  | { rule: "none"; partnerId: null; clickId: null; linkId: null };

export const UNATTRIBUTED: Attribution = { rule: "none", partnerId: null, clickId: null, linkId: null };

/** The earliest moment a click may have happened and still attribute at `now`. */
export function windowStart(now: Date, cookieDays: number): Date {
  return new Date(now.getTime() - cookieDays * DAY_MS);
}

/** Whether a click with this decline reason may attribute a sale. */
export function clickMayAttribute(declinedReason: ClickDeclineReason | null): boolean {
  return declinedReason === null || declinedReason === "duplicate";
}

/** The click the model picks among those that may attribute, or null. */
export function pickClick(clicks: ClickCandidate[], input: Pick<AttributionInput, "now" | "cookieDays" | "model">): ClickCandidate | null {
  const from = windowStart(input.now, input.cookieDays).getTime();
  const to = input.now.getTime();
  let best: ClickCandidate | null = null;
  for (const click of clicks) {
    const at = click.createdAt.getTime();
    if (!clickMayAttribute(click.declinedReason) || !click.partnerApproved || at < from || at > to) continue;
    const later = !best || at > best.createdAt.getTime() || (at === best.createdAt.getTime() && click.id > best.id);
    if (!best || (input.model === "last_click" ? later : !later)) best = click;
  }
  return best;
}

export function attribute(input: AttributionInput): Attribution {
  if (input.coupon?.partnerApproved) return { rule: "coupon", partnerId: input.coupon.partnerId, clickId: null, linkId: null };
  const visitorClick = pickClick(input.visitorClicks, input);
  if (visitorClick) return { rule: "click", partnerId: visitorClick.partnerId, clickId: visitorClick.id, linkId: visitorClick.linkId };
  if (input.lifetimeAttribution && input.lifetimePartner?.partnerApproved) {
    return { rule: "lifetime", partnerId: input.lifetimePartner.partnerId, clickId: null, linkId: null };
  }
  const fingerprintClick = pickClick(input.ipUserAgentClicks, input);
  if (fingerprintClick) {
    return { rule: "ip_user_agent", partnerId: fingerprintClick.partnerId, clickId: fingerprintClick.id, linkId: fingerprintClick.linkId };
  }
  return UNATTRIBUTED;
}
