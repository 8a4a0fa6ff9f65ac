import { KpiCard, type KpiChange } from "@/components/ui/kpi-card";
import { formatMoney } from "@/lib/domain/money";
import { changeBetween, describeChange, formatChange } from "@/lib/domain/period-change";
import type { OverviewCards as Cards } from "@/lib/services/overview/get-overview";

const counts = new Intl.NumberFormat("en-US");

function percent(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)} %`;
}

/** The card's change line; none when there is nothing to compare (a rate without clicks). */
function change(current: number | null, previous: number | null, show: (n: number | null) => string): KpiChange | undefined {
  const c = changeBetween(current, previous);
  if (c.kind === "none") return undefined;
  return {
    text: formatChange(c),
    description: describeChange(c, show(previous)),
    direction: c.kind === "up" || c.kind === "new" ? "up" : c.kind === "down" ? "down" : "flat",
  };
}

/** The period's figures, each with its change against the previous period. Definitions: lib/services/overview/get-overview.ts. */
export function OverviewCards({ cards, currency }: { cards: Cards; currency: string }) {
  const money = (n: number | null) => formatMoney(n ?? 0, currency);
  const count = (n: number | null) => counts.format(n ?? 0);
  const items = [
    { id: "revenue", label: "Revenue", hint: "referred orders in this period, net of refunds", figure: cards.revenue, show: money },
    { id: "conversions", label: "Conversions", hint: "referred orders in this period", figure: cards.conversions, show: count },
    { id: "clicks", label: "Clicks", hint: "counted clicks on partner links in this period", figure: cards.clicks, show: count },
    { id: "conversion-rate", label: "Conversion rate", hint: "conversions per click", figure: cards.conversionRate, show: percent },
    // Commissions by what happened to them since: earned in the period, not balances (Owed now is).
    { id: "commissions-paid", label: "Earned, paid", hint: "commissions earned in this period, paid since", figure: cards.commissionsPaid, show: money },
    { id: "commissions-outstanding", label: "Earned, approved", hint: "earned in this period, approved, not paid yet", figure: cards.commissionsOutstanding, show: money },
    { id: "commissions-pending", label: "Earned, in hold", hint: "earned in this period, still in the hold period", figure: cards.commissionsPending, show: money },
    { id: "payouts", label: "Payouts made", hint: "paid out to partners in this period", figure: cards.payouts, show: money },
  ];
  return (
    <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {items.map((item) => (
        <KpiCard
          key={item.id}
          testId={`card-${item.id}`}
          label={item.label}
          value={item.show(item.figure.current)}
          hint={item.hint}
          change={change(item.figure.current, item.figure.previous, item.show)}
        />
      ))}
    </dl>
  );
}
