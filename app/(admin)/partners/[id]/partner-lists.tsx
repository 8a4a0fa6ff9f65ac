import Link from "next/link";
import { Section } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatMoney } from "@/lib/domain/money";
import { formatDate } from "@/lib/format/dates";
import { formatRateOrDefault } from "@/lib/format/rates";
import type { PartnerDetail } from "@/lib/services/partner-detail";

// The lists at the bottom of the partner page: custom links, recent commissions, payouts and
// customers. Each shows a few rows; the full lists live on their own pages.

const count = new Intl.NumberFormat("en-US");
const th = "px-3 py-2 text-left text-xs font-medium tracking-wide whitespace-nowrap text-zinc-500 uppercase first:pl-5 sm:first:pl-6 last:pr-5 sm:last:pr-6";
const td = "px-3 py-2.5 whitespace-nowrap text-zinc-700 first:pl-5 sm:first:pl-6 last:pr-5 sm:last:pr-6";

function Table({ label, head, children }: { label: string; head: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="-mx-5 -mb-5 overflow-x-auto sm:-mx-6 sm:-mb-6">
      <table className="min-w-full text-sm" aria-label={label}>
        <thead className="border-y border-zinc-200 bg-zinc-50">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">{children}</tbody>
      </table>
    </div>
  );
}

function ViewAll({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="text-sm font-medium text-brand-700 hover:underline">
      {label}
    </Link>
  );
}

export function LinksList({ links, currency }: { links: PartnerDetail["links"]; currency: string }) {
  return (
    <Section title="Custom links" description="Links to particular pages, each with its own slug and, optionally, its own rate.">
      {links.length === 0 ? (
        <p className="text-sm text-zinc-500">No custom links. The partner can make their own in their dashboard.</p>
      ) : (
        <Table
          label="Custom links"
          head={
            <>
              <th className={th}>Link</th>
              <th className={th}>Destination</th>
              <th className={th}>Rate</th>
              <th className={`${th} text-right`}>Clicks</th>
            </>
          }
        >
          {links.map((l) => (
            <tr key={l.id}>
              <td className={td} data-essential="identity">
                <div className="flex items-center gap-2">
                  <code className="text-zinc-900">/a/{l.slug}</code>
                  <CopyButton value={l.url} label="Copy" />
                </div>
              </td>
              <td className={`${td} max-w-72 truncate`} title={l.destinationUrl}>
                {l.destinationUrl}
              </td>
              <td className={td}>{formatRateOrDefault(l.commissionType, l.commissionRate, currency, "Partner's rate")}</td>
              <td className={`${td} text-right tabular-nums`}>{count.format(l.clicks)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}

export function CommissionsList({ partnerId, commissions, currency, timezone }: { partnerId: string; commissions: PartnerDetail["commissions"]; currency: string; timezone: string }) {
  return (
    <Section title="Recent commissions" actions={<ViewAll href={`/commissions?partner=${partnerId}`} label="View all commissions" />}>
      {commissions.length === 0 ? (
        <p className="text-sm text-zinc-500">No commissions yet.</p>
      ) : (
        <Table
          label="Recent commissions"
          head={
            <>
              <th className={th}>Date</th>
              <th className={th}>For</th>
              <th className={th}>Status</th>
              <th className={`${th} text-right`}>Amount</th>
            </>
          }
        >
          {commissions.map((c) => (
            <tr key={c.id}>
              <td className={td}>{formatDate(c.createdAt, timezone)}</td>
              <td className={td} data-essential="identity">
                <span className="block max-w-32 truncate" title={c.kind === "sale" ? `Order ${c.reference ?? ""}` : `Lead: ${c.reference ?? ""}`}>
                  {c.kind === "sale" ? `Order ${c.reference ?? ""}` : `Lead: ${c.reference ?? ""}`}
                </span>
              </td>
              <td className={td} data-essential="status">
                <StatusBadge status={c.status} />
              </td>
              <td className={`${td} text-right tabular-nums`} data-essential="money">
                {formatMoney(c.amount, currency)}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}

const METHODS: Record<string, string> = { paypal: "PayPal", bank_transfer: "Bank transfer", stripe: "Stripe", other: "Other" };

export function PayoutsList({ partnerId, payouts, currency, timezone }: { partnerId: string; payouts: PartnerDetail["payouts"]; currency: string; timezone: string }) {
  return (
    <Section title="Payouts" actions={<ViewAll href={`/payouts?partner=${partnerId}`} label="View all payouts" />}>
      {payouts.length === 0 ? (
        <p className="text-sm text-zinc-500">No payouts yet.</p>
      ) : (
        <Table
          label="Payouts"
          head={
            <>
              <th className={th}>Date</th>
              <th className={th}>Method</th>
              <th className={th}>Status</th>
              <th className={`${th} text-right`}>Amount</th>
            </>
          }
        >
          {payouts.map((p) => (
            <tr key={p.id}>
              <td className={td} data-essential="identity">
                {formatDate(p.createdAt, timezone)}
              </td>
              <td className={td}>
                {METHODS[p.method] ?? p.method}
                {p.transactionId && (
                  <span className="block max-w-40 truncate text-xs text-zinc-500" title={p.transactionId}>
                    {p.transactionId}
                  </span>
                )}
              </td>
              <td className={td} data-essential="status">
                <StatusBadge status={p.status} />
              </td>
              <td className={`${td} text-right tabular-nums`} data-essential="money">
                {formatMoney(p.amount, p.currency || currency)}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}

export function CustomersList({ customers, currency, timezone }: { customers: PartnerDetail["customers"]; currency: string; timezone: string }) {
  return (
    <Section title="Recent customers" description="Customers this partner referred; with lifetime attribution their later orders count too.">
      {customers.length === 0 ? (
        <p className="text-sm text-zinc-500">No referred customers yet.</p>
      ) : (
        <Table
          label="Recent customers"
          head={
            <>
              <th className={th}>Customer</th>
              <th className={th}>Referred</th>
              <th className={`${th} text-right`}>Orders</th>
              <th className={`${th} text-right`}>Revenue</th>
            </>
          }
        >
          {customers.map((c) => (
            <tr key={c.id}>
              <td className={td} data-essential="identity">
                <div className="max-w-64">
                  <Link href={`/customers/${c.id}`} className="block truncate font-medium text-zinc-900 hover:underline" title={c.name || c.email || c.externalId || undefined}>
                    {c.name || c.email || c.externalId}
                  </Link>
                  {c.name && c.email && (
                    <span className="block truncate text-xs text-zinc-500" title={c.email}>
                      {c.email}
                    </span>
                  )}
                </div>
              </td>
              <td className={td}>{c.referredAt ? formatDate(c.referredAt, timezone) : "—"}</td>
              <td className={`${td} text-right tabular-nums`}>{count.format(c.orders)}</td>
              <td className={`${td} text-right tabular-nums`} data-essential="money">
                {formatMoney(c.revenue, currency)}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
