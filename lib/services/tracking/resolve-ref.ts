import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import type { Db } from "@/db/types";
import type { PartnerStatus } from "@/lib/schemas/enums";

export interface ResolvedRef {
  partnerId: string;
  partnerStatus: PartnerStatus;
  linkId: string | null;
  /** A custom link's destination; null for a partner's referral code. */
  destinationUrl: string | null;
}

/**
 * A `ref` names a partner's referral code or a custom link's slug (case-insensitive).
 * One round trip; a referral code wins if both exist.
 */
export async function resolveRef(db: Db, ref: string): Promise<ResolvedRef | undefined> {
  const key = ref.toLowerCase();
  const [row] = await queryRows<{ partner_id: string; status: PartnerStatus; link_id: string | null; destination_url: string | null }>(
    db,
    sql`select partner_id, status, link_id, destination_url from (
          select p.id as partner_id, p.status, null::uuid as link_id, null::text as destination_url, 0 as priority
            from partners p where lower(p.referral_code) = ${key}
          union all
          select l.partner_id, p.status, l.id, l.destination_url, 1
            from links l join partners p on p.id = l.partner_id where lower(l.slug) = ${key}
        ) refs order by priority limit 1`,
  );
  return row && { partnerId: row.partner_id, partnerStatus: row.status, linkId: row.link_id, destinationUrl: row.destination_url };
}

/** The custom link with this slug (for /a/<slug>), never a referral code. */
export async function resolveSlug(db: Db, slug: string): Promise<ResolvedRef | undefined> {
  const [row] = await queryRows<{ partner_id: string; status: PartnerStatus; link_id: string; destination_url: string }>(
    db,
    sql`select l.partner_id, p.status, l.id as link_id, l.destination_url
          from links l join partners p on p.id = l.partner_id where lower(l.slug) = ${slug.toLowerCase()} limit 1`,
  );
  return row && { partnerId: row.partner_id, partnerStatus: row.status, linkId: row.link_id, destinationUrl: row.destination_url };
}

/** A partner's referral code only (for /r/<code>). */
export async function resolveReferralCode(db: Db, code: string): Promise<ResolvedRef | undefined> {
  const [row] = await queryRows<{ partner_id: string; status: PartnerStatus }>(
    db,
    sql`select id as partner_id, status from partners where lower(referral_code) = ${code.toLowerCase()} limit 1`,
  );
  return row && { partnerId: row.partner_id, partnerStatus: row.status, linkId: null, destinationUrl: null };
}
