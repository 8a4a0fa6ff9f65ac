import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/domain/money";
import type { DueSummary } from "@/lib/services/payout-due";

/**
 * What the program owes its partners today, all time: the Payouts page's "Due now" (same
 * query), so the Overview never shows a balance of its own beside a period figure.
 */
export function OwedNowCard({ owed, currency }: { owed: DueSummary; currency: string }) {
  const partners = `${owed.partners.toLocaleString("en-US")} partner${owed.partners === 1 ? "" : "s"}`;
  return (
    <Card className="flex flex-wrap items-center justify-between gap-3 p-4" data-testid="owed-now-card">
      <dl>
        <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Owed now</dt>
        <dd className="mt-1 text-xl font-semibold text-zinc-900 tabular-nums" data-testid="owed-now">
          {formatMoney(owed.amount, currency)}
        </dd>
        <dd className="mt-0.5 text-xs text-zinc-500">
          All time, whatever the range: approved balances at or above the minimum payout, {partners}
        </dd>
      </dl>
      <Link href="/payouts" className="text-sm font-medium text-brand-700 hover:underline">
        {owed.amount > 0 ? "Pay on the Payouts page" : "Payouts"} →
      </Link>
    </Card>
  );
}
