import "server-only";
import { isbot } from "isbot";
import { isVisitorId, newVisitorId } from "@/lib/domain/visitor-id";
import type { ClickDeclineReason } from "@/lib/schemas/enums";
import type { Db } from "@/db/types";
import { writeClick } from "./click-writer";
import type { ResolvedRef } from "./resolve-ref";

// Records one click. Bots and clicks on partners who are not approved are kept as
// declined; a repeat of the same visitor or the same hashed IP on the same link within an
// hour is kept as a declined duplicate, decided by the database (click_dedupe) in the
// statement that stores the click, so concurrent repeats cannot both count. A duplicate only
// counts differently in reports: its visitor id attributes a sale like any other click's.

export interface ClickInput {
  target: ResolvedRef;
  visitorId?: string | null;
  ipHash: string | null;
  userAgent: string | null;
  landingUrl?: string | null;
  referrer?: string | null;
  now?: Date;
}

export interface RecordedClick {
  clickId: number;
  visitorId: string;
  partnerId: string;
  linkId: string | null;
  declinedReason: ClickDeclineReason | null;
}

function clip(value: string | null | undefined, max: number): string | null {
  return value ? value.slice(0, max) : null;
}

// Browsers send a handful of distinct user agents; remembering the verdict spares running
// isbot's large pattern on every click.
const botVerdicts = new Map<string, boolean>();
export function isBotAgent(userAgent: string | null): boolean {
  if (!userAgent) return false;
  let verdict = botVerdicts.get(userAgent);
  if (verdict === undefined) {
    verdict = isbot(userAgent);
    if (botVerdicts.size >= 5000) botVerdicts.clear();
    botVerdicts.set(userAgent, verdict);
  }
  return verdict;
}

export async function recordClick(db: Db, input: ClickInput): Promise<RecordedClick> {
  const { target } = input;
  const visitorId = isVisitorId(input.visitorId) ? input.visitorId : newVisitorId();
  const declined: ClickDeclineReason | null = isBotAgent(input.userAgent) ? "bot" : target.partnerStatus !== "approved" ? "partner_not_approved" : null;
  const linkKey = `${target.partnerId}:${target.linkId ?? "r"}`;
  const keys = declined ? [] : [`v:${linkKey}:${visitorId}`, ...(input.ipHash ? [`i:${linkKey}:${input.ipHash}`] : [])];
  const written = await writeClick(db, {
    visitorId,
    partnerId: target.partnerId,
    linkId: target.linkId,
    ipHash: input.ipHash,
    userAgent: clip(input.userAgent, 1000),
    landingUrl: clip(input.landingUrl, 2048),
    referrer: clip(input.referrer, 2048),
    declinedReason: declined,
    at: input.now ?? new Date(),
    keys,
  });
  return { clickId: written.id, visitorId, partnerId: target.partnerId, linkId: target.linkId, declinedReason: written.declinedReason };
}
