import { expect, test } from "vitest";
import { activityRefs, activityText, formatActivity } from "@/lib/format/activity";
import { link, partner, sale, settings, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM } from "./actor";
import { listAuditLog } from "./audit-log";
import { resolveAuditNames } from "./audit-names";
import { createPayout } from "./payouts";

// The activity log as the Settings → Activity page reads it: rows the services wrote, their
// ids resolved to names (one query per kind), then formatted.

const t = setupTestDatabase();

test("a payout, a link and a partner read by name, with money in the program's currency", async () => {
  await settings(t.db, { holdDays: 0 });
  const ada = await partner(t.db, { name: uid("Ada "), couponCodes: [uid("ADA")], payoutMethod: "stripe", payoutDetails: { accountId: "acct_1A2b3C4d5E6f" } });
  const spring = await link(t.db, ada.id, { slug: uid("spring-") });
  await sale(t.db, { amount: 52_800, couponCode: ada.couponCodes[0] });
  const payout = await createPayout(t.db, SYSTEM, { partnerId: ada.id, transactionId: "tr_1" });

  const page = await listAuditLog(t.db, { limit: 10 });
  const names = await resolveAuditNames(t.db, activityRefs(page));
  const ctx = { currency: "USD", names, defaultCommissionType: "percentage" as const };
  const views = new Map(page.map((e) => [e.action, formatActivity(e, ctx)]));

  const paid = views.get("payout.create")!;
  expect(paid.title).toBe("Payout recorded");
  expect(paid.subject).toEqual({ text: `$52.80 to ${ada.name}`, href: `/payouts/${payout.id}` });
  expect(activityText(paid)).toBe(`Partner: ${ada.name}; Amount: $52.80; Method: Stripe; Transaction id: tr_1`);
  expect(paid.fields[0]!.value).toEqual([{ text: ada.name, href: `/partners/${ada.id}` }]);
  expect(views.get("link.create")!.subject?.text).toBe(`/a/${spring.slug}`);
  expect(views.get("partner.create")!.subject).toEqual({ text: ada.name, href: `/partners/${ada.id}` });
  await settings(t.db, { holdDays: 30 });
});
