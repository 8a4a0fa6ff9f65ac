import { getDb } from "@/db/client";
import { approveDueCommissions } from "@/lib/services/commissions-hold";
import { pruneAddressLimits } from "@/lib/services/address-limits";
import { pruneSignInThrottles } from "@/lib/services/sign-in-throttle";
import { pruneTrackingEvents } from "@/lib/services/tracking-events";

// Work that must happen on time whether or not anyone opens a page: commissions whose hold
// period has ended become approved within a minute. Several processes may run this at once
// (safe: see approveDueCommissions).

const MINUTE = 60_000;
let started = false;

export function startBackgroundJobs(): void {
  if (started) return;
  started = true;
  let runs = 0;
  const tick = async () => {
    try {
      const db = await getDb();
      const approved = await approveDueCommissions(db);
      if (approved) console.log(`✓ ${approved} commission(s) approved: hold period ended`);
      if (runs++ % 60 === 0) {
        await pruneTrackingEvents(db);
        // Throttle rows for accounts and addresses nobody has tried lately (a spray of
        // made-up emails would otherwise leave one row each for good).
        await pruneSignInThrottles(db);
        await pruneAddressLimits(db);
      }
    } catch (error) {
      console.error("Background job failed (will retry in a minute):", error instanceof Error ? error.message : error);
    }
  };
  void tick();
  setInterval(tick, MINUTE).unref();
}
