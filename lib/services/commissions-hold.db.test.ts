import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { commissionEvents, commissions } from "@/db/schema";
import { partner, sale, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { approveDueCommissions } from "./commissions-hold";
import { recordRefund } from "./tracking/refunds";
import { API_ACTOR } from "@/lib/testing/fixtures";

const t = setupTestDatabase();
const DAY = 86_400_000;

test("pending commissions become approved once the hold period has passed, and only then", async () => {
  const p = await partner(t.db, { couponCodes: [uid("HOLD")] });
  const now = new Date();
  const old = await sale(t.db, { couponCode: p.couponCodes[0] }, { now: new Date(now.getTime() - 31 * DAY) });
  const fresh = await sale(t.db, { couponCode: p.couponCodes[0] }, { now: new Date(now.getTime() - 29 * DAY) });
  const refunded = await sale(t.db, { couponCode: p.couponCodes[0] }, { now: new Date(now.getTime() - 40 * DAY) });
  await recordRefund(t.db, { orderId: refunded.body.orderId }, { actor: API_ACTOR, now: new Date(now.getTime() - 35 * DAY) });

  expect(await approveDueCommissions(t.db, now)).toBe(1);
  const status = async (id: string) => (await t.db.select().from(commissions).where(eq(commissions.id, id)))[0]!.status;
  expect(await status(old.body.commission!.id)).toBe("approved");
  expect(await status(fresh.body.commission!.id)).toBe("pending");
  expect(await status(refunded.body.commission!.id)).toBe("void");
  const history = await t.db.select().from(commissionEvents).where(eq(commissionEvents.commissionId, old.body.commission!.id));
  expect(history.at(-1)).toMatchObject({ fromStatus: "pending", toStatus: "approved", actorType: "system", reason: "hold period ended" });

  // running again (or from two processes at once) approves nothing twice
  expect(await Promise.all([approveDueCommissions(t.db, now), approveDueCommissions(t.db, now)])).toEqual([0, 0]);
  expect(await approveDueCommissions(t.db, new Date(now.getTime() + 2 * DAY))).toBe(1);
});
