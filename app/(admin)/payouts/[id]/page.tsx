import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Section } from "@/components/ui/card";
import { DetailRow } from "@/components/ui/detail-row";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatMoney } from "@/lib/domain/money";
import { orNullIfNotFound } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { PAYOUT_METHOD_LABELS } from "@/lib/schemas/payout-lists";
import { getPayout, type PayoutDetail } from "@/lib/services/payout-history";
import { getSettings } from "@/lib/services/settings";
import { VoidPayout } from "./void-payout";

// GET /payouts/<id>: one payout, what it paid (commissions, and the clawbacks netted against
// it), who recorded it, and the void action.

export const metadata: Metadata = { title: "Payout" };

const th = "px-3 py-2 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase first:pl-0";
const td = "px-3 py-2 whitespace-nowrap text-zinc-700 first:pl-0";

function load(id: string): Promise<PayoutDetail | null> {
  return orNullIfNotFound(getDb().then((db) => getPayout(db, id)));
}

export default async function PayoutPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const p = await load((await params).id);
  if (!p) notFound();
  const { timezone } = await getSettings(await getDb());
  const money = (minor: number) => formatMoney(minor, p.currency);
  const isVoid = p.status === "void";

  return (
    <div className="space-y-6">
      <Link href="/payouts/history" className="inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800">
        <ArrowLeft className="h-4 w-4" aria-hidden /> Payout history
      </Link>
      <PageHeader
        title={`Payout of ${money(p.amount)} to ${p.partnerName}`}
        description={`Recorded on ${formatDateTime(p.createdAt, timezone)} by ${p.recordedBy}`}
        actions={isVoid ? undefined : <VoidPayout id={p.id} amount={money(p.amount)} />}
      />

      <Section title="Details">
        <dl className="-my-2.5 divide-y divide-zinc-100">
          <DetailRow label="Status">
            <span className="flex flex-wrap items-center gap-2" data-testid="payout-status">
              <StatusBadge status={p.status} />
              {isVoid && (
                <span className="text-zinc-600">
                  {p.voidedAt ? `on ${formatDateTime(p.voidedAt, timezone)} ` : ""}by {p.voidedBy}: {p.voidReason}
                </span>
              )}
            </span>
          </DetailRow>
          <DetailRow label="Partner">
            <Link href={`/partners/${p.partnerId}`} className="font-medium text-brand-700 hover:underline">
              {p.partnerName}
            </Link>
            <span className="text-zinc-500"> · {p.partnerEmail}</span>
          </DetailRow>
          <DetailRow label="Amount">
            <span className="font-semibold" data-numeric data-testid="payout-amount">
              {money(p.amount)}
            </span>
          </DetailRow>
          <DetailRow label="Method">{PAYOUT_METHOD_LABELS[p.method] ?? p.method}</DetailRow>
          <DetailRow label="Transaction id">{p.transactionId ? <span className="font-mono text-xs">{p.transactionId}</span> : "—"}</DetailRow>
          {p.note && <DetailRow label="Note">{p.note}</DetailRow>}
          <DetailRow label="Recorded by">{p.recordedBy}</DetailRow>
        </dl>
      </Section>

      {isVoid ? (
        <Section title="What it paid">
          <p className="text-sm text-zinc-500">Voided: its commissions went back to approved and its clawbacks to the balance, so they are due again.</p>
        </Section>
      ) : (
        <>
          <Section title="Commissions" description={`${p.commissions.length} commission${p.commissions.length === 1 ? "" : "s"} marked paid by this payout.`}>
            {/* relative: the sr-only and wide cells scroll in this box, not the page */}
            <div className="relative overflow-x-auto">
              <table className="min-w-full text-sm" aria-label="Commissions in this payout">
                <thead>
                  <tr>
                    <th className={th}>Order</th>
                    <th className={th}>Date</th>
                    <th className={`${th} text-right`}>Commission</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100">
                  {p.commissions.map((c) => (
                    <tr key={c.id} data-testid="payout-commission">
                      <td className={td} data-essential="identity">
                        <Link href={`/commissions/${c.id}`} className="font-medium text-brand-700 hover:underline">
                          {c.kind === "lead" ? `Lead: ${c.leadEvent ?? "event"}` : (c.orderId ?? "—")}
                        </Link>
                      </td>
                      <td className={td}>{formatDate(c.createdAt, timezone)}</td>
                      <td className={`${td} text-right tabular-nums`} data-essential="money">
                        {money(c.amount)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
          {p.adjustments.length > 0 && (
            <Section title="Clawbacks and adjustments" description="Netted against this payout: clawbacks of refunds or voids after an earlier payout, and what a PayPal batch sent beyond what its commissions were still worth.">
              {/* relative: the sr-only and wide cells scroll in this box, not the page */}
              <div className="relative overflow-x-auto">
                <table className="min-w-full text-sm" aria-label="Adjustments in this payout">
                  <thead>
                    <tr>
                      <th className={th}>Reason</th>
                      <th className={th}>Date</th>
                      <th className={`${th} text-right`}>Amount</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-zinc-100">
                    {p.adjustments.map((a) => (
                      <tr key={a.id} data-testid="payout-adjustment">
                        <td className={`${td} whitespace-normal`} data-essential="identity">
                          {a.reason}
                        </td>
                        <td className={td}>{formatDate(a.createdAt, timezone)}</td>
                        <td className={`${td} text-right tabular-nums`} data-essential="money">
                          {money(a.amount)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Section>
          )}
        </>
      )}
    </div>
  );
}
