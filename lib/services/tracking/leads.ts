import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { customers, leads, partners } from "@/db/schema";
import type { Db } from "@/db/types";
import { requestHash } from "@/lib/domain/request-hash";
import type { AttributionRule } from "@/lib/schemas/enums";
import type { ProgramSettings } from "@/lib/schemas/settings";
import type { LeadBody } from "@/lib/schemas/tracking";
import { hashIp } from "@/lib/server/ip-hash";
import type { Actor } from "../actor";
import { findAttribution } from "./attribution-lookup";
import { insertCommission, newCommissionId, summarize, type CommissionSummary, type NewCommission } from "./commission-rows";
import { upsertCustomer } from "./customers";
import { DuplicateRequest, replay } from "./replay";

// POST /api/track/lead: a sign-up or similar event, once per (customer, event name). It
// links the customer to the partner for life and earns the action commission configured
// for the event, if any.

export interface LeadResponse {
  eventName: string;
  customerId: string;
  attributed: boolean;
  attribution: AttributionRule;
  partnerId: string | null;
  commission: CommissionSummary | null;
}

export async function recordLead(db: Db, body: LeadBody, options: { actor: Actor; settings: ProgramSettings; now?: Date }): Promise<{ created: boolean; body: LeadResponse }> {
  const { settings, actor } = options;
  const now = options.now ?? new Date();
  const hash = requestHash(body);
  const externalId = body.customer.id!;
  const findExisting = async (d: Db) =>
    (
      await d
        .select({ requestHash: leads.requestHash, response: leads.response })
        .from(leads)
        .innerJoin(customers, eq(customers.id, leads.customerId))
        .where(and(eq(customers.externalId, externalId), eq(leads.eventName, body.eventName)))
    )[0];

  const seen = await findExisting(db);
  if (seen) return replay<LeadResponse>(seen, hash, `Event ${body.eventName} of customer ${externalId}`);

  try {
    return await db.transaction(async (tx) => {
      const attribution = await findAttribution(tx, {
        couponCode: body.couponCode,
        visitorId: body.visitorId,
        customerExternalId: externalId,
        ipHash: hashIp(body.ip),
        userAgent: body.userAgent,
        now,
        settings,
      });
      const [partner] = attribution.partnerId ? await tx.select({ email: partners.email }).from(partners).where(eq(partners.id, attribution.partnerId)) : [];
      const selfReferral = !!partner && !!body.customer.email && body.customer.email.toLowerCase() === partner.email.toLowerCase();
      const blocked = selfReferral && settings.blockSelfReferrals;
      const customer = await upsertCustomer(tx, body.customer, blocked ? null : attribution.partnerId, now);

      const leadId = randomUUID();
      const actionAmount = settings.actionCommissions[body.eventName];
      const planned: NewCommission | null =
        attribution.partnerId && actionAmount !== undefined
          ? {
              id: newCommissionId(),
              partnerId: attribution.partnerId,
              kind: "lead",
              leadId,
              amount: blocked ? 0 : actionAmount,
              currency: settings.currency,
              rateSource: "action",
              rate: { type: "fixed", value: actionAmount },
              voidReason: blocked ? "self_referral" : null,
              holdDays: settings.holdDays,
              now,
            }
          : null;
      const response: LeadResponse = {
        eventName: body.eventName,
        customerId: externalId,
        attributed: !!attribution.partnerId,
        attribution: attribution.rule,
        partnerId: attribution.partnerId,
        commission: planned ? summarize(planned) : null,
      };
      const inserted = await tx
        .insert(leads)
        .values({
          id: leadId,
          customerId: customer.id,
          eventName: body.eventName,
          partnerId: attribution.partnerId,
          attribution: attribution.rule,
          requestHash: hash,
          response: response as unknown as Record<string, unknown>,
          createdAt: now,
        })
        .onConflictDoNothing({ target: [leads.customerId, leads.eventName] })
        .returning({ id: leads.id });
      if (!inserted.length) throw new DuplicateRequest();
      if (planned) await insertCommission(tx, actor, planned);
      return { created: true, body: response };
    });
  } catch (error) {
    if (!(error instanceof DuplicateRequest)) throw error;
    return replay<LeadResponse>((await findExisting(db))!, hash, `Event ${body.eventName} of customer ${externalId}`);
  }
}
