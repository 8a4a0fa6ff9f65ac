import { Section } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatMoney } from "@/lib/domain/money";
import { formatDate } from "@/lib/format/dates";
import type { Paged, PortalCommissionRow, PortalPayoutRow } from "@/lib/services/portal/history";
import { Pager } from "./pager";
import { SimpleTable, td, th } from "./simple-table";
import { voidReasonLabel } from "@/lib/format/void-reason";

// The partner's commissions and payouts, newest first, each paged under its own URL name.

const METHODS: Record<string, string> = { paypal: "PayPal", bank_transfer: "Bank transfer", stripe: "Stripe", other: "Other" };

interface ListContext {
  base: string;
  current: Record<string, string | undefined>;
  timezone: string;
}

export function CommissionsTable({ list, context }: { list: Paged<PortalCommissionRow>; context: ListContext }) {
  return (
    <Section title="Commissions" description="Every order and lead you earned on. Pending ones are approved when the hold period ends.">
      {list.total === 0 ? (
        <p className="text-sm text-zinc-500">No commissions yet. They appear here as soon as a referred customer buys.</p>
      ) : (
        <SimpleTable
          label="Commissions"
          head={
            <>
              <th className={th}>Date</th>
              <th className={th}>Order</th>
              <th className={`${th} text-right`}>Sale</th>
              <th className={`${th} text-right`}>Commission</th>
              <th className={th}>Status</th>
            </>
          }
        >
          {list.rows.map((c) => (
            <tr key={c.id} data-testid="commission-row">
              <td className={td}>{formatDate(c.createdAt, context.timezone)}</td>
              <td className={td} data-essential="identity">
                <span className="block max-w-48 truncate" title={(c.kind === "sale" ? c.reference : `Lead: ${c.reference ?? ""}`) ?? undefined}>
                  {c.kind === "sale" ? c.reference : `Lead: ${c.reference ?? ""}`}
                </span>
              </td>
              <td className={`${td} text-right tabular-nums`}>{c.orderAmount === null ? "—" : formatMoney(c.orderAmount, c.currency)}</td>
              <td className={`${td} text-right tabular-nums`} data-essential="money">
                {formatMoney(c.amount, c.currency)}
                {c.clawedBack !== 0 && (
                  <span className="block text-xs text-red-700" data-testid="clawed-back">
                    {formatMoney(c.clawedBack, c.currency)} clawed back (refund)
                  </span>
                )}
              </td>
              <td className={td} data-essential="status">
                <StatusBadge status={c.status} />
                {c.status === "void" && c.voidReason && (
                  <span className="ml-2 text-xs text-zinc-500" data-testid="void-reason">
                    {voidReasonLabel(c.voidReason)}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </SimpleTable>
      )}
      <Pager {...context} name="commissions" page={list.page} size={list.size} total={list.total} shown={list.rows.length} label="Commissions" />
    </Section>
  );
}

export function PayoutsTable({ list, context }: { list: Paged<PortalPayoutRow>; context: ListContext }) {
  // Only a partner with a void payout on this page needs to know what "Void" means.
  const description = list.rows.some((p) => p.status === "void")
    ? "Money sent to you. A void payout was recorded by mistake and never counted as paid."
    : "Money sent to you.";
  return (
    <Section title="Payouts" description={description}>
      {list.total === 0 ? (
        <p className="text-sm text-zinc-500">No payouts yet.</p>
      ) : (
        <SimpleTable
          label="Payouts"
          head={
            <>
              <th className={th}>Date</th>
              <th className={`${th} text-right`}>Amount</th>
              <th className={th}>Method</th>
              <th className={th}>Transaction id</th>
              <th className={th}>Status</th>
            </>
          }
        >
          {list.rows.map((p) => (
            <tr key={p.id} data-testid="payout-row" className={p.status === "void" ? "text-zinc-400" : undefined}>
              <td className={td} data-essential="identity">
                {formatDate(p.createdAt, context.timezone)}
              </td>
              <td className={`${td} text-right tabular-nums`} data-essential="money">
                {p.status === "void" ? <s>{formatMoney(p.amount, p.currency)}</s> : formatMoney(p.amount, p.currency)}
              </td>
              <td className={td}>{METHODS[p.method] ?? p.method}</td>
              <td className={`${td} font-mono text-xs`}>{p.transactionId ?? "—"}</td>
              <td className={td} data-essential="status">
                <StatusBadge status={p.status} />
              </td>
            </tr>
          ))}
        </SimpleTable>
      )}
      <Pager {...context} name="payouts" page={list.page} size={list.size} total={list.total} shown={list.rows.length} label="Payouts" />
    </Section>
  );
}
