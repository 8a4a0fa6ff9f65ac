import "server-only";
import { isbot } from "isbot";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import { timestamptz } from "@/db/sql-helpers";
import type { Db } from "@/db/types";
import { isVisitorId, newVisitorId } from "@/lib/domain/visitor-id";
import type { ClickDeclineReason } from "@/lib/schemas/enums";
import type { ResolvedRef } from "./resolve-ref";

// Records one click. Bots and clicks on partners who are not approved are kept as
// declined; a repeat of the same visitor or the same hashed IP on the same link within an
// hour is kept as a declined duplicate. Whether a click is a repeat is decided by the
// database in the same statement that records it (click_dedupe), so concurrent repeats
// cannot both count.

export const REPEAT_WINDOW = "1 hour";

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

export async function recordClick(db: Db, input: ClickInput): Promise<RecordedClick> {
  const { target } = input;
  const visitorId = isVisitorId(input.visitorId) ? input.visitorId : newVisitorId();
  const now = input.now ?? new Date();
  const declined: ClickDeclineReason | null = input.userAgent && isbot(input.userAgent) ? "bot" : target.partnerStatus !== "approved" ? "partner_not_approved" : null;

  const linkKey = `${target.partnerId}:${target.linkId ?? "r"}`;
  const keys = declined ? [] : [`v:${linkKey}:${visitorId}`, ...(input.ipHash ? [`i:${linkKey}:${input.ipHash}`] : [])];
  const values = sql`${visitorId}, ${target.partnerId}::uuid, ${target.linkId}::uuid, ${input.ipHash}, ${clip(input.userAgent, 1000)}, ${clip(input.landingUrl, 2048)}, ${clip(input.referrer, 2048)}`;

  const [row] = keys.length
    ? await queryRows<{ id: number; declined_reason: ClickDeclineReason | null }>(
        db,
        sql`with fresh as (
              insert into click_dedupe (key, last_seen_at)
              values ${sql.join(keys.map((k) => sql`(${k}, ${timestamptz(now)})`), sql`, `)}
              on conflict (key) do update set last_seen_at = excluded.last_seen_at
                where click_dedupe.last_seen_at <= excluded.last_seen_at - interval '1 hour'
              returning 1
            )
            insert into clicks (visitor_id, partner_id, link_id, ip_hash, user_agent, landing_url, referrer, declined_reason, created_at)
            select ${values}, case when (select count(*) from fresh) < ${keys.length} then 'duplicate' end, ${timestamptz(now)}
            returning id, declined_reason`,
      )
    : await queryRows<{ id: number; declined_reason: ClickDeclineReason | null }>(
        db,
        sql`insert into clicks (visitor_id, partner_id, link_id, ip_hash, user_agent, landing_url, referrer, declined_reason, created_at)
            values (${values}, ${declined}, ${timestamptz(now)})
            returning id, declined_reason`,
      );
  return { clickId: Number(row!.id), visitorId, partnerId: target.partnerId, linkId: target.linkId, declinedReason: row!.declined_reason };
}
