import { and, eq, isNull, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { commissions, payouts } from "@/db/schema";
import { queryRows } from "@/db/open";
import { percentOf } from "@/lib/domain/money";
import { reversedShare } from "@/lib/domain/refund";
import { API_ACTOR, partner, sale, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM } from "./actor";
import { changeCommissionStatus } from "./commissions";
import { cancelBatch, createPaypalBatch, markBatchPaid } from "./payout-batches";
import { balanceOf, createPayout, voidPayout } from "./payouts";
import { recordRefund } from "./tracking/refunds";

// A randomised run of every money path with concurrency: sales, partial and full refunds,
// payouts (some with the amount the caller saw), voided payouts, commissions voided (before
// and after payout), marked paid by hand and unpaid again, and PayPal batches made, marked
// paid or cancelled, several at once in random order. After every step the ledger must be
// whole, for every partner:
//
//   Σ completed payouts + Σ commissions marked paid by hand + balance + pending
//     = Σ over their orders of (commission − the share reversed by refunds), 0 for a voided one
//
// i.e. what the partner was actually paid plus what they are owed (or owe) equals what they
// earned and kept, to the cent. And the rows agree with themselves: a payout's amount is the
// sum of what it settles, and a voided commission leaves no clawback for money never paid.

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
  commissionId: string;
  partnerId: string;
  amount: number;
  refunded: number;
  voided: boolean;
}

/** What the rules say a partner earned and kept on these orders. */
function earnedAndKept(orders: OrderModel[], partnerId: string): number {
  return orders
    .filter((o) => o.partnerId === partnerId && !o.voided)
    .reduce((sum, o) => {
      const commission = percentOf(o.amount, 1000); // program default 10 %
      return sum + commission - reversedShare(commission, o.refunded, o.amount);
    }, 0);
}

/** What the ledger says the partner was paid (payouts, and by hand) plus is owed now. */
async function paidAndOwed(partnerId: string): Promise<number> {
  const [paid] = await t.db
    .select({ total: sql<string>`coalesce(sum(${payouts.amount}), 0)` })
    .from(payouts)
    .where(and(eq(payouts.partnerId, partnerId), eq(payouts.status, "completed")));
  const [byHand] = await t.db
    .select({ total: sql<string>`coalesce(sum(${commissions.amount}), 0)` })
    .from(commissions)
    .where(and(eq(commissions.partnerId, partnerId), eq(commissions.status, "paid"), isNull(commissions.payoutId)));
  const { balance, pending } = await balanceOf(t.db, partnerId);
  return Number(paid!.total) + Number(byHand!.total) + balance + pending;
}

/** Rows that break the ledger's own arithmetic (none expected). */
async function inconsistentRows(): Promise<unknown[]> {
  const payoutsOff = await queryRows(
    t.db,
    sql`select p.id, p.amount,
               coalesce((select sum(amount) from commissions where payout_id = p.id), 0)
             + coalesce((select sum(amount) from adjustments where payout_id = p.id), 0) as settles
          from payouts p
         where p.status = 'completed'
           and p.amount <> coalesce((select sum(amount) from commissions where payout_id = p.id), 0)
                         + coalesce((select sum(amount) from adjustments where payout_id = p.id), 0)`,
  );
  // A voided commission keeps nothing: never paid → its adjustments net to 0; paid in a
  // (completed) payout → its adjustments claw back exactly its amount.
  const orphans = await queryRows(
    t.db,
    sql`select c.id, c.amount, c.payout_id, coalesce(sum(a.amount), 0) as adjusted
          from commissions c left join adjustments a on a.commission_id = c.id
         where c.status = 'void'
         group by c.id
        having coalesce(sum(a.amount), 0) <> case when c.payout_id is null then 0 else -c.amount end`,
  );
  return [...payoutsOff, ...orphans];
}

const EXPECTED_REFUSALS = new Set(["nothing_due", "balance_changed", "invalid_transition", "batch_closed", "commission_changed"]);
const refusedAsExpected = (error: { code?: string }) => {
  if (!EXPECTED_REFUSALS.has(error.code ?? "")) throw error;
};

test("paid + owed equals earned and kept for every partner after every step of thousands of concurrent operations", async () => {
  const random = rng(Number(process.env.MONEY_SEED ?? 20261123));
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const partners = await Promise.all(
    Array.from({ length: 6 }, () => partner(t.db, { couponCodes: [uid("INV")], payoutMethod: "paypal", payoutDetails: { email: `${uid("inv")}@example.com` } })),
  );
  const orders: OrderModel[] = [];
  const payoutIds: string[] = [];
  const openBatches: string[] = [];
  const paidByHand: string[] = [];
  const SALES = Number(process.env.MONEY_SALES ?? 1500);
  const seen = new Map<string, number>();
  const count = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);

  let sales = 0;
  let steps = 0;
  while (sales < SALES) {
    const batch: Promise<unknown>[] = [];
    for (let i = 0; i < 8; i++) {
      const roll = random();
      if (roll < 0.55 && sales < SALES) {
        sales++;
        const p = pick(partners);
        const amount = 1 + Math.floor(random() * 30_000);
        const ageDays = random() < 0.8 ? 40 : 1; // most are past the hold period
        batch.push(
          sale(t.db, { amount, couponCode: p.couponCodes[0] }, { now: new Date(Date.now() - ageDays * DAY) }).then(({ body }) => {
            orders.push({ orderId: body.orderId, commissionId: body.commission!.id, partnerId: p.id, amount, refunded: 0, voided: false });
          }),
        );
      } else if (roll < 0.67 && orders.length) {
        const o = pick(orders);
        const left = o.amount - o.refunded;
        if (left <= 0) continue;
        const amount = random() < 0.3 ? left : 1 + Math.floor(random() * left);
        o.refunded += amount; // reserved before sending, so concurrent refunds never overdraw the model
        batch.push(
          recordRefund(t.db, { orderId: o.orderId, amount }, { actor: API_ACTOR }).then(
            () => count("refund"),
            (error: unknown) => {
              o.refunded -= amount;
              throw error;
            },
          ),
        );
      } else if (roll < 0.77) {
        const p = pick(partners);
        // Half the time with the amount the caller saw a moment ago (it may have moved since).
        const seenAmount = random() < 0.5 ? balanceOf(t.db, p.id).then((b) => (b.balance > 0 ? b.balance : undefined)) : Promise.resolve(undefined);
        batch.push(
          seenAmount
            .then((amount) => createPayout(t.db, SYSTEM, { partnerId: p.id, transactionId: uid("TX-"), ...(amount ? { amount } : {}) }))
            .then((payout) => {
              payoutIds.push(payout.id);
              count("payout");
            }, refusedAsExpected),
        );
      } else if (roll < 0.8 && payoutIds.length) {
        const id = payoutIds.splice(Math.floor(random() * payoutIds.length), 1)[0]!;
        batch.push(voidPayout(t.db, SYSTEM, id, { reason: "randomised void" }).then(() => count("payout void"), refusedAsExpected));
      } else if (roll < 0.86 && orders.length) {
        const o = pick(orders);
        batch.push(
          changeCommissionStatus(t.db, SYSTEM, { id: o.commissionId, action: "void", reason: "randomised void" }).then(() => {
            o.voided = true;
            count("commission void");
          }, refusedAsExpected),
        );
      } else if (roll < 0.9 && orders.length) {
        const o = pick(orders);
        batch.push(
          changeCommissionStatus(t.db, SYSTEM, { id: o.commissionId, action: "mark_paid" }).then(() => {
            paidByHand.push(o.commissionId);
            count("marked paid");
          }, refusedAsExpected),
        );
      } else if (roll < 0.93 && paidByHand.length) {
        const id = paidByHand.splice(Math.floor(random() * paidByHand.length), 1)[0]!;
        batch.push(changeCommissionStatus(t.db, SYSTEM, { id, action: "mark_unpaid" }).then(() => count("marked unpaid"), refusedAsExpected));
      } else if (roll < 0.96) {
        const ids = [pick(partners).id, pick(partners).id];
        batch.push(
          createPaypalBatch(t.db, SYSTEM, { partnerIds: ids }).then((b) => {
            openBatches.push(b.id);
            count("batch");
          }, refusedAsExpected),
        );
      } else if (openBatches.length) {
        const id = openBatches.splice(Math.floor(random() * openBatches.length), 1)[0]!;
        batch.push(
          random() < 0.7
            ? markBatchPaid(t.db, SYSTEM, id, { reference: uid("PPB-") }).then(() => count("batch paid"), refusedAsExpected)
            : cancelBatch(t.db, SYSTEM, id, { reason: "randomised cancel" }).then(() => count("batch cancelled"), refusedAsExpected),
        );
      }
    }
    await Promise.all(batch);
    steps++;
    for (const p of partners) {
      expect({ step: steps, partner: p.name, total: await paidAndOwed(p.id) }).toEqual({ step: steps, partner: p.name, total: earnedAndKept(orders, p.id) });
    }
    expect(await inconsistentRows()).toEqual([]);
  }
  // Every path ran, many times.
  for (const what of ["refund", "payout", "payout void", "commission void", "marked paid", "marked unpaid", "batch", "batch paid", "batch cancelled"]) {
    expect(seen.get(what) ?? 0, what).toBeGreaterThan(5);
  }
}, 600_000);
