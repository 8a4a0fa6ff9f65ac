import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { customers, orders, partners } from "@/db/schema";
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
import { groupRatesFor } from "../rate-groups";
import { findSaleAttribution, type LinkTerms, type PartnerTerms } from "./attribution-lookup";
import { newCommissionId, summarize, type CommissionSummary, type NewCommission } from "./commission-rows";
import { customerKey, upsertCustomer } from "./customers";
import { DuplicateRequest, replay } from "./replay";
import { insertSale, insertSaleShared, type NewSale } from "./sale-write";

// POST /api/track/sale, and the admin's manual sale: one order and its commission, exactly
// once per orderId. The unique index on orders.external_id decides between concurrent
// posts; the loser writes nothing and answers with the winner's answer.

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
  /**
   * Let the order share its statement with concurrent sales (group commit; see
   * sale-write.ts). Only when `db` is the database itself, never an open transaction.
   */
  groupCommit?: boolean;
}

type SaleAttribution = Attribution | { rule: "manual"; partnerId: string; clickId: null; linkId: null };

export async function recordSale(db: Db, body: SaleBody, options: SaleOptions): Promise<{ created: boolean; body: SaleResponse }> {
  const { settings } = options;
  const now = options.now ?? new Date();
  const currency = body.currency ?? settings.currency;
  if (currency !== settings.currency) {
    throw new InvalidError("Some fields are missing or invalid.", [{ field: "currency", message: `This program counts in ${settings.currency}; send amounts in ${settings.currency}.` }]);
  }
  const hash = requestHash({ ...body, ...(options.partnerId ? { partnerId: options.partnerId } : {}) });

  // No lookup first: a repeated orderId is rare, and the unique index on the insert finds it
  // anyway (then nothing is written, or the customer's transaction rolls back, and the first
  // answer is replayed). The order, items and commission are one statement (sale-write.ts),
  // so only a sale that also writes its customer needs a transaction around the two writes.
  try {
    const created = body.customer ? await db.transaction((tx) => writeSale(tx, body, options, now, currency, hash)) : await writeSale(db, body, options, now, currency, hash);
    return { created: true, body: created };
  } catch (error) {
    if (!(error instanceof DuplicateRequest)) throw error;
    const [winner] = await db.select({ requestHash: orders.requestHash, response: orders.response }).from(orders).where(eq(orders.externalId, body.orderId));
    return replay<SaleResponse>(winner!, hash, `Order ${body.orderId}`);
  }
}

async function writeSale(db: Db, body: SaleBody, options: SaleOptions, now: Date, currency: string, hash: string): Promise<SaleResponse> {
  const { settings, actor } = options;
  const ipHash = hashIp(body.ip);
  const customerExternalId = customerKey(body.customer);
  let attribution: SaleAttribution;
  let partner: PartnerTerms | null;
  let link: LinkTerms | null = null;
  if (options.partnerId) {
    attribution = { rule: "manual", partnerId: options.partnerId, clickId: null, linkId: null };
    [partner = null] = await db.select({ email: partners.email, commissionType: partners.commissionType, commissionRate: partners.commissionRate }).from(partners).where(eq(partners.id, options.partnerId));
    if (!partner) throw new InvalidError("No partner with this id.", [{ field: "partnerId", message: "No partner with this id." }]);
  } else {
    // The partner's and link's terms come with the attribution, in the same query.
    const found = await findSaleAttribution(db, { couponCode: body.couponCode, visitorId: body.visitorId, customerExternalId, ipHash, userAgent: body.userAgent, now, settings });
    ({ attribution, partner, link } = found);
  }

  // Self-referral: the customer's email (as sent, or as the store reported it before) is the partner's.
  let customerEmail = body.customer?.email?.toLowerCase();
  if (partner && !customerEmail && customerExternalId) {
    const [stored] = await db.select({ email: customers.email }).from(customers).where(eq(customers.externalId, customerExternalId));
    customerEmail = stored?.email ?? undefined;
  }
  const selfReferral = !!partner && !!customerEmail && customerEmail === partner.email.toLowerCase();
  const blocked = selfReferral && settings.blockSelfReferrals;
  // The customer becomes the partner's for life (unless they are the partner).
  const customer = body.customer ? await upsertCustomer(db, body.customer, blocked ? null : attribution.partnerId, now) : null;

  const orderRowId = randomUUID();
  const items = body.items ?? [];
  let planned: NewCommission | null = null;
  if (attribution.partnerId && partner) {
    const groupRates = await groupRatesFor(db, items.map((i) => i.productId));
    const result = computeCommission({
      amount: body.amount,
      items,
      linkRate: link ? rateOrNull(link.commissionType, link.commissionRate) : null,
      groupRateFor: (id) => groupRates.get(id) ?? null,
      partnerRate: rateOrNull(partner.commissionType, partner.commissionRate),
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
  const sale: NewSale = {
    actor,
    order: {
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
      response,
      createdBy: actor.type === "admin" ? (actor.id ?? null) : null,
      createdAt: now,
    },
    items,
    commission: planned,
  };
  // A sale with a customer writes inside its own transaction; the others may share a
  // statement with concurrent sales when the caller allows it.
  const inserted = options.groupCommit && !body.customer ? await insertSaleShared(db, sale) : await insertSale(db, sale);
  // Nothing was written; with a customer, throwing also rolls its upsert back.
  if (!inserted) throw new DuplicateRequest();
  return response;
}
