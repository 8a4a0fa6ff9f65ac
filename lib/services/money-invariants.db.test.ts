import { and, eq, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { payouts } from "@/db/schema";
import { percentOf } from "@/lib/domain/money";
import { reversedShare } from "@/lib/domain/refund";
import { API_ACTOR, partner, sale, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM } from "./actor";
import { balanceOf, createPayout, voidPayout } from "./payouts";
import { recordRefund } from "./tracking/refunds";

// A randomised run of the money paths with concurrency: sales, partial and full refunds,
// payouts and voided payouts in random order, several at once. Whatever the interleaving,
// each partner's completed payouts + balance + pending must equal what the rules give for
// their orders: commission − the share reversed by refunds, to the cent.

const t = setupTestDatabase();
const DAY = 86_400_000;

function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

interface OrderModel {
  orderId: string;
  partnerId: string;
  amount: number;
  refunded: number;
}

test("paid + balance + pending equals the rules for every partner, after thousands of concurrent operations", async () => {
  const random = rng(Number(process.env.MONEY_SEED ?? 20261123));
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const partners = await Promise.all(Array.from({ length: 6 }, () => partner(t.db, { couponCodes: [uid("INV")], payoutMethod: "other" })));
  const orders: OrderModel[] = [];
  const payoutIds: string[] = [];
  const SALES = 2000;

  let sales = 0;
  while (sales < SALES) {
    const batch: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      const roll = random();
      if (roll < 0.7 && sales < SALES) {
        sales++;
        const p = pick(partners);
        const amount = 1 + Math.floor(random() * 30_000);
        const ageDays = random() < 0.8 ? 40 : 1; // most are past the hold period
        batch.push(
          sale(t.db, { amount, couponCode: p.couponCodes[0] }, { now: new Date(Date.now() - ageDays * DAY) }).then(({ body }) => {
            orders.push({ orderId: body.orderId, partnerId: p.id, amount, refunded: 0 });
          }),
        );
      } else if (roll < 0.85 && orders.length) {
        const o = pick(orders);
        const left = o.amount - o.refunded;
        if (left <= 0) continue;
        const amount = random() < 0.3 ? left : 1 + Math.floor(random() * left);
        o.refunded += amount; // reserved before sending, so concurrent refunds never overdraw the model
        batch.push(
          recordRefund(t.db, { orderId: o.orderId, amount }, { actor: API_ACTOR }).catch((error: unknown) => {
            o.refunded -= amount;
            throw error;
          }),
        );
      } else if (roll < 0.97) {
        batch.push(
          createPayout(t.db, SYSTEM, { partnerId: pick(partners).id }).then(
            (p) => payoutIds.push(p.id),
            (error: { code?: string }) => {
              if (error.code !== "nothing_due") throw error;
            },
          ),
        );
      } else if (payoutIds.length) {
        const id = payoutIds.splice(Math.floor(random() * payoutIds.length), 1)[0]!;
        batch.push(voidPayout(t.db, SYSTEM, id, { reason: "randomised void" }));
      }
    }
    await Promise.all(batch);
  }

  for (const p of partners) {
    const expected = orders
      .filter((o) => o.partnerId === p.id)
      .reduce((sum, o) => {
        const commission = percentOf(o.amount, 1000); // program default 10 %
        return sum + commission - reversedShare(commission, o.refunded, o.amount);
      }, 0);
    const [paid] = await t.db
      .select({ total: sql<string>`coalesce(sum(${payouts.amount}), 0)` })
      .from(payouts)
      .where(and(eq(payouts.partnerId, p.id), eq(payouts.status, "completed")));
    const { balance, pending } = await balanceOf(t.db, p.id);
    expect({ partner: p.name, total: Number(paid!.total) + balance + pending }).toEqual({ partner: p.name, total: expected });
  }
}, 240_000);
