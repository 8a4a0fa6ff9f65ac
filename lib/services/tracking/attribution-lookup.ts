import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import { timestamptz } from "@/db/sql-helpers";
import type { Db } from "@/db/types";
import { attribute, windowStart, type Attribution, type ClickCandidate, type PartnerRef } from "@/lib/domain/attribution";
import type { ClickDeclineReason, CommissionType } from "@/lib/schemas/enums";
import type { ProgramSettings } from "@/lib/schemas/settings";

// Loads what lib/domain/attribution.ts needs, one rule at a time: a later rule is only
// queried when the earlier ones found nothing, since the first match wins anyway. The SQL
// narrows to clicks that could count; the domain function still applies every rule.
// Each query also brings the partner's (and the click's link's) commission terms, so that a
// sale needs no further reads before computing its commission.

export interface AttributionQuery {
  couponCode?: string | null;
  visitorId?: string | null;
  customerExternalId?: string | null;
  ipHash?: string | null;
  userAgent?: string | null;
  now: Date;
  settings: Pick<ProgramSettings, "cookieDays" | "attributionModel" | "lifetimeAttribution">;
}

/** What a sale needs of the partner it is attributed to. */
export interface PartnerTerms {
  email: string;
  commissionType: CommissionType | null;
  commissionRate: number | null;
}

/** The commission terms of the link the attributing click came through. */
export interface LinkTerms {
  commissionType: CommissionType | null;
  commissionRate: number | null;
}

export interface SaleAttribution {
  attribution: Attribution;
  /** Terms of attribution.partnerId, read with the attribution (null when not attributed). */
  partner: PartnerTerms | null;
  link: LinkTerms | null;
}

type TermsRow = { email: string; commission_type: CommissionType | null; commission_rate: number | null };
type ClickRow = TermsRow & {
  id: number;
  declined_reason: ClickDeclineReason | null;
  partner_id: string;
  link_id: string | null;
  created_at: Date | string;
  approved: boolean;
  link_commission_type: CommissionType | null;
  link_commission_rate: number | null;
};

/** Terms seen while looking, by partner and by link id. */
interface Seen {
  partners: Map<string, PartnerTerms>;
  links: Map<string, LinkTerms>;
}

function notePartner(seen: Seen, partnerId: string, r: TermsRow): void {
  seen.partners.set(partnerId, { email: r.email, commissionType: r.commission_type, commissionRate: r.commission_rate === null ? null : Number(r.commission_rate) });
}

function toCandidate(r: ClickRow): ClickCandidate {
  return { id: Number(r.id), partnerId: r.partner_id, linkId: r.link_id, createdAt: new Date(r.created_at), partnerApproved: r.approved, declinedReason: r.declined_reason };
}

async function clicksWhere(db: Db, condition: ReturnType<typeof sql>, q: AttributionQuery, seen: Seen): Promise<ClickCandidate[]> {
  const order = q.settings.attributionModel === "first_click" ? sql`own.created_at asc, own.id asc` : sql`own.created_at desc, own.id desc`;
  // The visitor's (or the IP + agent's) own clicks come first, whatever the statistics say:
  // with stale statistics the planner once chose to walk every approved partner's clicks
  // looking for the visitor (28 ms a sale); the materialised CTE rules that plan out.
  const rows = await queryRows<ClickRow>(
    db,
    sql`with own as materialized (
          select c.id, c.partner_id, c.link_id, c.created_at, c.declined_reason from clicks c
           where ${condition} and (c.declined_reason is null or c.declined_reason = 'duplicate')
             and c.created_at >= ${timestamptz(windowStart(q.now, q.settings.cookieDays))} and c.created_at <= ${timestamptz(q.now)}
        )
        select own.id, own.partner_id, own.link_id, own.created_at, own.declined_reason, true as approved, p.email, p.commission_type, p.commission_rate,
               l.commission_type as link_commission_type, l.commission_rate as link_commission_rate
          from own join partners p on p.id = own.partner_id and p.status = 'approved'
          left join links l on l.id = own.link_id
         order by ${order} limit 1`,
  );
  for (const r of rows) {
    notePartner(seen, r.partner_id, r);
    if (r.link_id) seen.links.set(r.link_id, { commissionType: r.link_commission_type, commissionRate: r.link_commission_rate === null ? null : Number(r.link_commission_rate) });
  }
  return rows.map(toCandidate);
}

export async function findAttribution(db: Db, q: AttributionQuery): Promise<Attribution> {
  return (await findSaleAttribution(db, q)).attribution;
}

/** The attribution, with the terms of the partner (and link) it names. */
export async function findSaleAttribution(db: Db, q: AttributionQuery): Promise<SaleAttribution> {
  const seen: Seen = { partners: new Map(), links: new Map() };
  const input = {
    now: q.now,
    cookieDays: q.settings.cookieDays,
    model: q.settings.attributionModel,
    lifetimeAttribution: q.settings.lifetimeAttribution,
    coupon: null as PartnerRef | null,
    visitorClicks: [] as ClickCandidate[],
    lifetimePartner: null as PartnerRef | null,
    ipUserAgentClicks: [] as ClickCandidate[],
  };
  const settle = () => attribute(input);
  const found = (): SaleAttribution => {
    const attribution = settle();
    return {
      attribution,
      partner: attribution.partnerId ? (seen.partners.get(attribution.partnerId) ?? null) : null,
      link: attribution.linkId ? (seen.links.get(attribution.linkId) ?? null) : null,
    };
  };

  if (q.couponCode) {
    const [row] = await queryRows<TermsRow & { partner_id: string; approved: boolean }>(
      db,
      sql`select c.partner_id, p.status = 'approved' as approved, p.email, p.commission_type, p.commission_rate
            from coupon_codes c join partners p on p.id = c.partner_id where lower(c.code) = ${q.couponCode.toLowerCase()}`,
    );
    if (row) {
      input.coupon = { partnerId: row.partner_id, partnerApproved: row.approved };
      notePartner(seen, row.partner_id, row);
    }
    if (settle().rule !== "none") return found();
  }
  if (q.visitorId) {
    input.visitorClicks = await clicksWhere(db, sql`c.visitor_id = ${q.visitorId}`, q, seen);
    if (settle().rule !== "none") return found();
  }
  if (q.settings.lifetimeAttribution && q.customerExternalId) {
    const [row] = await queryRows<TermsRow & { partner_id: string; approved: boolean }>(
      db,
      sql`select c.partner_id, p.status = 'approved' as approved, p.email, p.commission_type, p.commission_rate
            from customers c join partners p on p.id = c.partner_id where c.external_id = ${q.customerExternalId}`,
    );
    if (row) {
      input.lifetimePartner = { partnerId: row.partner_id, partnerApproved: row.approved };
      notePartner(seen, row.partner_id, row);
    }
    if (settle().rule !== "none") return found();
  }
  if (q.ipHash && q.userAgent) {
    input.ipUserAgentClicks = await clicksWhere(db, sql`c.ip_hash = ${q.ipHash} and c.user_agent = ${q.userAgent}`, q, seen);
  }
  return found();
}
