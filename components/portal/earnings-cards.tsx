import { KpiCard } from "@/components/ui/kpi-card";
import { formatMoney } from "@/lib/domain/money";
import type { PortalActivity } from "@/lib/services/portal/activity";
import { balanceHint, pendingHint } from "@/lib/format/payout-timing";
import type { PortalEarnings } from "@/lib/services/portal/earnings";
import type { PortalPayoutTiming } from "@/lib/services/portal/payout-timing";

// The partner's money, all time (what was paid, what the next payout takes, what is still
// on hold), then the chosen period's traffic. Definitions: lib/services/portal/earnings.ts
// and activity.ts; they are the merchant's figures for this partner.

const counts = new Intl.NumberFormat("en-US");

interface Program {
  currency: string;
  minPayout: number;
  timezone: string;
}

export function EarningsCards({ earnings, timing, program }: { earnings: PortalEarnings; timing: PortalPayoutTiming; program: Program }) {
  const { currency } = program;
  const money = (n: number) => formatMoney(n, currency);
  return (
    <section aria-labelledby="earnings-title" className="space-y-3">
      <h2 id="earnings-title" className="text-lg font-semibold text-zinc-900">
        Earnings
      </h2>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <KpiCard
          testId="card-balance"
          label={earnings.balance < 0 ? "Balance (carried forward)" : "Next payout"}
          value={money(earnings.balance)}
          hint={balanceHint({ balance: earnings.balance, minPayout: program.minPayout, currency })}
        />
        <KpiCard testId="card-pending" label="Pending" value={money(earnings.pending)} hint={pendingHint({ pending: earnings.pending, ...timing, currency, timezone: program.timezone })} />
        <KpiCard testId="card-paid" label="Paid to you" value={money(earnings.paid)} hint="all time" />
      </dl>
      {timing.voidedPayoutDue && (
        <p className="text-sm text-zinc-600" data-testid="voided-payout-note">
          A payout to you was voided (recorded by mistake); its commissions are back in your balance and due again.
        </p>
      )}
      {earnings.adjustments < 0 && (
        <p className="text-sm text-zinc-600" data-testid="clawback-note">
          Refunds on orders you were already paid for reduce your balance by {money(-earnings.adjustments)}
          {earnings.approved > 0 ? `, netted against ${money(earnings.approved)} approved.` : "."}
        </p>
      )}
    </section>
  );
}

export function ActivityCards({ activity }: { activity: PortalActivity }) {
  const money = (n: number) => formatMoney(n, activity.currency);
  const items = [
    { id: "clicks", label: "Clicks", value: counts.format(activity.clicks), hint: "counted clicks on your links" },
    { id: "conversions", label: "Conversions", value: counts.format(activity.conversions), hint: "orders you referred" },
    {
      id: "conversion-rate",
      label: "Conversion rate",
      value: activity.conversionRate === null ? "—" : `${(activity.conversionRate * 100).toFixed(1)} %`,
      hint: "conversions per click",
    },
    { id: "earned", label: "Commissions earned", value: money(activity.commissions.total), hint: "in the period, not void" },
  ];
  return (
    <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {items.map((i) => (
        <KpiCard key={i.id} testId={`card-${i.id}`} label={i.label} value={i.value} hint={i.hint} />
      ))}
    </dl>
  );
}
