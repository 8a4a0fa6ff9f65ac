import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, Section } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatMoney } from "@/lib/domain/money";
import { orNullIfNotFound } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { CUSTOMER_ORDERS_SHOWN, getCustomer, type CustomerDetail } from "@/lib/services/customers";
import { getSettings } from "@/lib/services/settings";
import { voidReasonLabel } from "@/lib/format/void-reason";

// GET /customers/<id>: a customer, the partner who referred them and when, and everything
// they did: orders (items, refunds, the commission each earned) and lead events.

export const metadata: Metadata = { title: "Customer" };

const ATTRIBUTION: Record<string, string> = {
  coupon: "coupon",
  click: "referral click",
  lifetime: "lifetime customer",
  ip_user_agent: "IP and browser",
  manual: "entered by hand",
  none: "unattributed",
};

function load(id: string): Promise<CustomerDetail | null> {
  return orNullIfNotFound(getDb().then((db) => getCustomer(db, id)));
}

function Kpi({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card className="px-4 py-3">
      <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">{label}</p>
      <p className="mt-1 text-lg font-semibold text-zinc-900" data-numeric data-testid={testId}>
        {value}
      </p>
    </Card>
  );
}

function CommissionCell({
  id,
  amount,
  originalAmount,
  clawedBack = 0,
  status,
  voidReason,
  currency,
}: {
  id: string | null;
  amount: number | null;
  originalAmount?: number | null;
  /** Negative adjustments a refund after payment left against it. */
  clawedBack?: number;
  status: string | null;
  voidReason: string | null;
  currency: string;
}) {
  if (!id || amount === null || !status) return <span className="text-zinc-400">None</span>;
  return (
    <Link href={`/commissions/${id}`} className="group inline-flex flex-col items-end gap-0.5" aria-label={`Commission ${formatMoney(amount, currency)}, ${status}`}>
      <span className="font-medium text-zinc-900 group-hover:text-brand-700 group-hover:underline" data-numeric>
        {formatMoney(amount, currency)}
        {originalAmount != null && originalAmount !== amount && <span className="text-xs font-normal text-zinc-500"> of {formatMoney(originalAmount, currency)}</span>}
      </span>
      <span className="flex items-center gap-1">
        <StatusBadge status={status} />
        {status === "void" && voidReason && <span className="text-xs text-zinc-500">{voidReasonLabel(voidReason)}</span>}
      </span>
      {clawedBack !== 0 && (
        <span className="text-xs text-red-700" data-numeric data-testid="clawed-back">
          {formatMoney(clawedBack, currency)} clawed back
        </span>
      )}
    </Link>
  );
}

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const { id } = await params;
  const detail = await load(id);
  if (!detail) notFound();
  const { currency, timezone } = await getSettings(await getDb());
  const { customer, totals, orders, leads } = detail;
  const money = (minor: number) => formatMoney(minor, currency);
  const storeId = customer.externalId.startsWith("email:") ? null : customer.externalId;

  return (
    <div className="space-y-6">
      <Link href="/customers" className="inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800">
        <ArrowLeft className="h-4 w-4" aria-hidden /> Customers
      </Link>
      <PageHeader
        title={customer.name ?? customer.email ?? customer.externalId}
        description={
          customer.partnerId ? (
            <>
              Referred by{" "}
              <Link href={`/partners/${customer.partnerId}`} className="font-medium text-brand-700 hover:underline" data-testid="customer-partner">
                {customer.partnerName}
              </Link>
              {customer.referredAt && <> on {formatDateTime(customer.referredAt, timezone)}</>}
            </>
          ) : (
            "Not referred by a partner."
          )
        }
      />

      <div className="grid gap-3 sm:grid-cols-3">
        <Kpi label="Orders" value={totals.orders.toLocaleString("en-US")} testId="customer-orders" />
        <Kpi label="Revenue, net of refunds" value={money(totals.revenue)} testId="customer-revenue" />
        <Kpi label="Commission" value={money(totals.commission)} testId="customer-commission" />
      </div>

      <Section title="Details">
        <dl className="grid gap-x-6 gap-y-3 text-sm wrap-anywhere sm:grid-cols-2 [&>*]:min-w-0">
          <div>
            <dt className="text-zinc-500">Email</dt>
            <dd className="text-zinc-900">{customer.email ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-zinc-500">Name</dt>
            <dd className="text-zinc-900">{customer.name ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-zinc-500">Customer id in the store</dt>
            <dd className="text-zinc-900">{storeId ?? "— (reported by email only)"}</dd>
          </div>
          <div>
            <dt className="text-zinc-500">First seen</dt>
            <dd className="text-zinc-900">{formatDateTime(customer.createdAt, timezone)}</dd>
          </div>
          {customer.partnerId && (
            <div>
              <dt className="text-zinc-500">Partner</dt>
              <dd className="flex items-center gap-2 text-zinc-900">
                {customer.partnerName} <span className="text-zinc-500">{customer.partnerEmail}</span>
                {customer.partnerStatus !== "approved" && <StatusBadge status={customer.partnerStatus!} />}
              </dd>
            </div>
          )}
        </dl>
      </Section>

      <Section title="Orders" description={orders.length >= CUSTOMER_ORDERS_SHOWN ? `The latest ${CUSTOMER_ORDERS_SHOWN} orders.` : undefined}>
        {orders.length === 0 ? (
          <p className="text-sm text-zinc-500">No orders yet.</p>
        ) : (
          <div className="-mx-5 overflow-x-auto sm:-mx-6">
            <table className="min-w-full text-sm" aria-label="Orders">
              <thead>
                <tr className="border-b border-zinc-200 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase">
                  <th className="px-5 py-2 sm:px-6">Order</th>
                  <th className="px-3 py-2">Items</th>
                  <th className="px-3 py-2 text-right">Amount</th>
                  <th className="px-3 py-2">Refunds</th>
                  <th className="px-5 py-2 text-right sm:px-6">Commission</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 align-top">
                {orders.map((o) => (
                  <tr key={o.id} data-testid="customer-order">
                    <td className="px-5 py-3 sm:px-6" data-essential="identity">
                      <p className="font-medium break-all text-zinc-900">{o.externalId}</p>
                      <p className="text-xs text-zinc-500">
                        {formatDateTime(o.createdAt, timezone)} · {ATTRIBUTION[o.attribution] ?? o.attribution}
                        {o.couponCode && ` (${o.couponCode})`}
                        {o.partnerName && o.partnerId !== customer.partnerId && ` · ${o.partnerName}`}
                      </p>
                    </td>
                    <td className="px-3 py-3">
                      {o.items.length === 0 ? (
                        <span className="text-zinc-400">—</span>
                      ) : (
                        <ul className="space-y-0.5">
                          {o.items.map((item, i) => (
                            <li key={i} className="whitespace-nowrap">
                              {item.productId} <span className="text-zinc-500">× {item.quantity}</span>{" "}
                              <span className="text-zinc-600" data-numeric>
                                {money(item.amount)}
                              </span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="px-3 py-3 text-right whitespace-nowrap" data-numeric data-essential="money">
                      {money(o.amount)}
                    </td>
                    <td className="px-3 py-3">
                      {o.refunds.length === 0 ? (
                        <span className="text-zinc-400">—</span>
                      ) : (
                        <ul className="space-y-0.5">
                          {o.refunds.map((r) => (
                            <li key={r.id} className="whitespace-nowrap">
                              <span data-numeric>{money(r.amount)}</span> <span className="text-zinc-500">on {formatDate(r.createdAt, timezone)}</span>
                              {r.externalId && <span className="text-xs text-zinc-500"> · {r.externalId}</span>}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="px-5 py-3 text-right sm:px-6" data-essential="money">
                      <CommissionCell
                        id={o.commissionId}
                        amount={o.commissionAmount}
                        originalAmount={o.commissionOriginalAmount}
                        clawedBack={o.commissionClawedBack}
                        status={o.commissionStatus}
                        voidReason={o.commissionVoidReason}
                        currency={currency}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section title="Leads" description="Sign-ups and other events the store reported for this customer.">
        {leads.length === 0 ? (
          <p className="text-sm text-zinc-500">No lead events.</p>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {leads.map((l) => (
              <li key={l.id} className="flex flex-wrap items-start justify-between gap-3 py-3 text-sm" data-testid="customer-lead">
                <div>
                  <p className="font-medium text-zinc-900">
                    <Badge tone="purple">{l.eventName}</Badge>
                  </p>
                  <p className="mt-1 text-xs text-zinc-500">
                    {formatDateTime(l.createdAt, timezone)}
                    {l.partnerName && ` · ${l.partnerName}`}
                  </p>
                </div>
                <CommissionCell id={l.commissionId} amount={l.commissionAmount} status={l.commissionStatus} voidReason={l.commissionVoidReason} currency={currency} />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
