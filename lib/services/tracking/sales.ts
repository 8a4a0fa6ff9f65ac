import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { customers, links, orderItems, orders, partners } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Attribution } from "@/lib/domain/attribution";
import { computeCommission } from "@/lib/domain/commission";
import { rateOrNull } from "@/lib/domain/rates";
import { requestHash } from "@/lib/domain/request-hash";
import { InvalidError } from "@/lib/errors";
import type { AttributionRule } from "@/lib/schemas/enums";
import type { ProgramSettings } from "@/lib/schemas/settings";
import type { SaleBody } from "@/lib/schemas/tracking";
import { hashIp } from "@/lib/server/ip-hash";
import type { Actor } from "../actor";
import { groupRatesFor } from "../catalog";
import { findAttribution } from "./attribution-lookup";
import { insertCommission, newCommissionId, summarize, type CommissionSummary, type NewCommission } from "./commission-rows";
import { customerKey, upsertCustomer } from "./customers";
import { DuplicateRequest, replay } from "./replay";

// POST /api/track/sale, and the admin's manual sale: one order and its commission, exactly
// once per orderId. The unique index on orders.external_id decides between concurrent
// posts; the loser's transaction rolls back and it answers with the winner's answer.

export interface SaleResponse {
  orderId: string;
  attributed: boolean;
  attribution: AttributionRule;
  partnerId: string | null;
  commission: CommissionSummary | null;
}

export interface SaleOptions {
  actor: Actor;
  settings: ProgramSettings;
  now?: Date;
  /** A manual sale: the admin names the partner instead of the attribution rules. */
  partnerId?: string;
}

type SaleAttribution = Attribution | { rule: "manual"; partnerId: string; clickId: null; linkId: null };

export async function recordSale(db: Db, body: SaleBody, options: SaleOptions): Promise<{ created: boolean; body: SaleResponse }> {
  const { settings, actor } = options;
  const now = options.now ?? new Date();
  const currency = body.currency ?? settings.currency;
  if (currency !== settings.currency) {
    throw new InvalidError("Some fields are missing or invalid.", [{ field: "currency", message: `This program counts in ${settings.currency}; send amounts in ${settings.currency}.` }]);
  }
  const hash = requestHash({ ...body, ...(options.partnerId ? { partnerId: options.partnerId } : {}) });

  // No lookup first: a repeated orderId is rare, and the unique index on the insert below
  // finds it anyway (then the transaction rolls back and the first answer is replayed).
  try {
    return await db.transaction(async (tx) => {
      const ipHash = hashIp(body.ip);
      const customerExternalId = customerKey(body.customer);
      const attribution: SaleAttribution = options.partnerId
        ? { rule: "manual", partnerId: options.partnerId, clickId: null, linkId: null }
        : await findAttribution(tx, { couponCode: body.couponCode, visitorId: body.visitorId, customerExternalId, ipHash, userAgent: body.userAgent, now, settings });

      const [partner] = attribution.partnerId
        ? await tx.select({ email: partners.email, type: partners.commissionType, rate: partners.commissionRate }).from(partners).where(eq(partners.id, attribution.partnerId))
        : [];
      if (options.partnerId && !partner) throw new InvalidError("No partner with this id.", [{ field: "partnerId", message: "No partner with this id." }]);
      const [link] = attribution.linkId
        ? await tx.select({ type: links.commissionType, rate: links.commissionRate }).from(links).where(eq(links.id, attribution.linkId))
        : [];

      // Self-referral: the customer's email (as sent, or as the store reported it before) is the partner's.
      let customerEmail = body.customer?.email?.toLowerCase();
      if (partner && !customerEmail && customerExternalId) {
        const [stored] = await tx.select({ email: customers.email }).from(customers).where(eq(customers.externalId, customerExternalId));
        customerEmail = stored?.email ?? undefined;
      }
      const selfReferral = !!partner && !!customerEmail && customerEmail === partner.email.toLowerCase();
      const blocked = selfReferral && settings.blockSelfReferrals;
      // The customer becomes the partner's for life (unless they are the partner).
      const customer = body.customer ? await upsertCustomer(tx, body.customer, blocked ? null : attribution.partnerId, now) : null;

      const orderRowId = randomUUID();
      const items = body.items ?? [];
      let planned: NewCommission | null = null;
      if (attribution.partnerId && partner) {
        const groupRates = await groupRatesFor(tx, items.map((i) => i.productId));
        const result = computeCommission({
          amount: body.amount,
          items,
          linkRate: link ? rateOrNull(link.type, link.rate) : null,
          groupRateFor: (id) => groupRates.get(id) ?? null,
          partnerRate: rateOrNull(partner.type, partner.rate),
          programRate: { type: settings.defaultCommissionType, value: settings.defaultCommissionRate },
          isUpgrade: body.isUpgrade ?? false,
          disableUpgradeReferrals: settings.disableUpgradeReferrals,
          selfReferral,
          blockSelfReferrals: settings.blockSelfReferrals,
        });
        planned = {
          id: newCommissionId(),
          partnerId: attribution.partnerId,
          kind: "sale",
          orderId: orderRowId,
          amount: result.amount,
          currency,
          rateSource: result.source,
          rate: result.rate,
          voidReason: result.voidReason,
          holdDays: settings.holdDays,
          now,
        };
      }

      const response: SaleResponse = {
        orderId: body.orderId,
        attributed: !!attribution.partnerId,
        attribution: attribution.rule,
        partnerId: attribution.partnerId,
        commission: planned ? summarize(planned) : null,
      };
      const inserted = await tx
        .insert(orders)
        .values({
          id: orderRowId,
          externalId: body.orderId,
          amount: body.amount,
          currency,
          customerId: customer?.id ?? null,
          partnerId: attribution.partnerId,
          linkId: attribution.linkId,
          clickId: attribution.clickId,
          attribution: attribution.rule,
          couponCode: body.couponCode ?? null,
          isUpgrade: body.isUpgrade ?? false,
          selfReferral,
          ipHash,
          userAgent: body.userAgent ?? null,
          metadata: body.metadata ?? null,
          requestHash: hash,
          response: response as unknown as Record<string, unknown>,
          createdBy: actor.type === "admin" ? actor.id : null,
          createdAt: now,
        })
        .onConflictDoNothing({ target: orders.externalId })
        .returning({ id: orders.id });
      if (!inserted.length) throw new DuplicateRequest();

      if (items.length) {
        await tx.insert(orderItems).values(items.map((i) => ({ orderId: orderRowId, productId: i.productId, quantity: i.quantity, amount: i.amount })));
      }
      if (planned) await insertCommission(tx, actor, planned);
      return { created: true, body: response };
    });
  } catch (error) {
    if (!(error instanceof DuplicateRequest)) throw error;
    const [winner] = await db.select({ requestHash: orders.requestHash, response: orders.response }).from(orders).where(eq(orders.externalId, body.orderId));
    return replay<SaleResponse>(winner!, hash, `Order ${body.orderId}`);
  }
}
