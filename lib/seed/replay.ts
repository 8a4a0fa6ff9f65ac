import "server-only";
import type { Db } from "@/db/types";
import { leadSchema, refundSchema, saleSchema } from "@/lib/schemas/tracking";
import type { ProgramSettings } from "@/lib/schemas/settings";
import { hashIp } from "@/lib/server/ip-hash";
import type { Actor } from "@/lib/services/actor";
import { approveDueCommissions } from "@/lib/services/commissions-hold";
import { allDuePartners } from "@/lib/services/payout-due";
import { createPayout } from "@/lib/services/payouts";
import { recordClick } from "@/lib/services/tracking/clicks";
import { recordLead } from "@/lib/services/tracking/leads";
import { recordRefund } from "@/lib/services/tracking/refunds";
import { resolveRef, type ResolvedRef } from "@/lib/services/tracking/resolve-ref";
import { recordSale } from "@/lib/services/tracking/sales";
import { payoutTransactionId } from "./payout-runs";
import { Rng } from "./random";
import { DAY_MS, type OrderPlan, type SeedEvent } from "./seed-events";

// Plays the planned events through the same services as /api/track/* and /r, /a, in time
// order, each with `now` set to its moment, so cookie windows, repeat-click windows and
// hold periods behave as they would have live. Bodies go through the API's zod schemas
// first. The server approves commissions whose hold ended every minute; here that happens
// at each day change and before each refund and payout run. A payout run pays every partner
// due (over the minimum, with a payout method) through the Payouts page's own service.

export interface ReplayCounts {
  clicks: number;
  leads: number;
  sales: number;
  refunds: number;
  payouts: number;
}

function saleBody(order: OrderPlan) {
  return saleSchema.parse({
    orderId: order.orderId,
    amount: order.amount,
    currency: "USD",
    ...(order.visitorId ? { visitorId: order.visitorId } : {}),
    ...(order.couponCode ? { couponCode: order.couponCode } : {}),
    customer: { id: order.customer.id, email: order.customer.email, name: order.customer.name },
    items: order.items,
    ...(order.isUpgrade ? { isUpgrade: true } : {}),
    ip: order.device.ip,
    userAgent: order.device.userAgent,
  });
}

export async function replayEvents(db: Db, events: SeedEvent[], options: { actor: Actor; settings: ProgramSettings }): Promise<ReplayCounts> {
  const { actor, settings } = options;
  const targets = new Map<string, ResolvedRef>();
  const counts: ReplayCounts = { clicks: 0, leads: 0, sales: 0, refunds: 0, payouts: 0 };
  let day = -1;

  for (const event of events) {
    const now = event.at;
    const today = Math.floor(now.getTime() / DAY_MS);
    if (today !== day) {
      await approveDueCommissions(db, now);
      day = today;
    }
    switch (event.kind) {
      case "click": {
        let target = targets.get(event.ref);
        if (!target) {
          target = await resolveRef(db, event.ref);
          if (!target) throw new Error(`seed: unknown ref ${event.ref}`);
          targets.set(event.ref, target);
        }
        await recordClick(db, {
          target,
          visitorId: event.visitorId,
          ipHash: hashIp(event.device.ip),
          userAgent: event.device.userAgent,
          landingUrl: event.landingUrl,
          referrer: event.referrer,
          now,
        });
        counts.clicks++;
        break;
      }
      case "lead": {
        const body = leadSchema.parse({
          eventName: "signup",
          customer: { id: event.customer.id, email: event.customer.email, name: event.customer.name },
          ...(event.visitorId ? { visitorId: event.visitorId } : {}),
          ...(event.couponCode ? { couponCode: event.couponCode } : {}),
          ip: event.device.ip,
          userAgent: event.device.userAgent,
        });
        await recordLead(db, body, { actor, settings, now });
        counts.leads++;
        break;
      }
      case "sale":
        await recordSale(db, saleBody(event.order), { actor, settings, now });
        counts.sales++;
        break;
      case "refund": {
        await approveDueCommissions(db, now);
        const body = refundSchema.parse({ orderId: event.order.orderId, refundId: event.refundId, ...(event.amount ? { amount: event.amount } : {}) });
        await recordRefund(db, body, { actor, now });
        counts.refunds++;
        break;
      }
      case "payout_run": {
        const ids = new Rng(event.seed);
        const due = await allDuePartners(db, { q: "", sort: "partner", dir: "asc" }, { minPayout: settings.minPayout, now });
        for (const partner of due) {
          if (!partner.payoutMethod) continue;
          await createPayout(db, actor, { partnerId: partner.partnerId, transactionId: payoutTransactionId(ids, partner.payoutMethod) }, now);
          counts.payouts++;
        }
        break;
      }
    }
  }
  return counts;
}
