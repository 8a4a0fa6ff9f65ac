import { ArrowLeft, Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { DetailRow } from "@/components/ui/detail-row";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatMoney } from "@/lib/domain/money";
import { orNullIfNotFound } from "@/lib/errors";
import { formatDateTime } from "@/lib/format/dates";
import { getBatch } from "@/lib/services/payout-batch-list";
import { getSettings } from "@/lib/services/settings";
import { BatchActions } from "./batch-actions";

// GET /payouts/batches/<id>: one PayPal batch: its file (downloadable again, byte for
// byte), its lines, and while open "Mark paid" (with PayPal's batch id) and "Cancel". Lines
// whose commissions changed since the export are flagged: PayPal sends what the file says.

export const metadata: Metadata = { title: "PayPal batch" };

const th = "px-3 py-2 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase first:pl-0";
const td = "px-3 py-2 whitespace-nowrap text-zinc-700 first:pl-0";

export default async function PaypalBatchPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const db = await getDb();
  const found = await orNullIfNotFound(getBatch(db, (await params).id));
  if (!found) notFound();
  const { batch, lines } = found;
  const { timezone } = await getSettings(db);
  const money = (minor: number) => formatMoney(minor, batch.currency);
  const open = batch.status === "open";

  return (
    <div className="space-y-6">
      <Link href="/payouts/batches" className="inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800">
        <ArrowLeft className="h-4 w-4" aria-hidden /> PayPal batches
      </Link>
      <PageHeader
        title={`PayPal batch of ${money(batch.amount)}`}
        description={`Made on ${formatDateTime(batch.createdAt, timezone)}${batch.createdBy ? ` by ${batch.createdBy}` : ""}: ${batch.itemCount} line${batch.itemCount === 1 ? "" : "s"}`}
        actions={
          <>
            <a href={`/api/admin/payouts/batches/${batch.id}/paypal`} download className={buttonClasses("secondary", "md")}>
              <Download className="mr-1.5 h-4 w-4" aria-hidden /> Download PayPal CSV
            </a>
            {open && <BatchActions id={batch.id} amount={money(batch.amount)} lines={batch.itemCount} />}
          </>
        }
      />

      <Section title="Details">
        <dl className="-my-2.5 divide-y divide-zinc-100">
          <DetailRow label="Status">
            <span className="flex flex-wrap items-center gap-2" data-testid="batch-status">
              <StatusBadge status={batch.status} />
              {open && <span className="text-zinc-600">Upload the file to PayPal Payouts, then mark it paid with PayPal&apos;s batch id.</span>}
              {batch.status === "paid" && (
                <span className="text-zinc-600">
                  PayPal batch <span className="font-mono text-xs">{batch.reference}</span>, recorded {batch.closedAt ? formatDateTime(batch.closedAt, timezone) : ""}
                  {batch.closedBy ? ` by ${batch.closedBy}` : ""}
                </span>
              )}
              {batch.status === "cancelled" && (
                <span className="text-zinc-600">
                  {batch.closedAt ? `on ${formatDateTime(batch.closedAt, timezone)} ` : ""}
                  {batch.closedBy ? `by ${batch.closedBy}` : ""}: {batch.cancelReason}
                </span>
              )}
            </span>
          </DetailRow>
          <DetailRow label="Amount">
            <span className="font-semibold" data-numeric>
              {money(batch.amount)}
            </span>
          </DetailRow>
          <DetailRow label="Note to recipients">{batch.note}</DetailRow>
        </dl>
      </Section>

      <Section title="Lines" description="One PayPal payment each, in the file's order.">
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm" aria-label="Lines of this batch">
            <thead>
              <tr>
                <th className={th}>#</th>
                <th className={th}>Partner</th>
                <th className={`${th} hidden xl:table-cell`}>PayPal email</th>
                <th className={`${th} hidden 2xl:table-cell`}>Unique id</th>
                <th className={`${th} text-right`}>Commissions</th>
                <th className={`${th} text-right`}>Amount</th>
                <th className={th}>Payout</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {lines.map((l) => (
                <tr key={l.line} data-testid="batch-line">
                  <td className={`${td} tabular-nums`}>{l.line}</td>
                  <td className={`${td} whitespace-normal`} data-essential="identity">
                    {/* bounded: a long name or the "changed" note would otherwise push Amount off screen */}
                    <div className="max-w-64 min-w-40">
                      <Link href={`/partners/${l.partnerId}`} className="block truncate font-medium text-brand-700 hover:underline" title={l.partnerName}>
                        {l.partnerName}
                      </Link>
                      {l.changed.length > 0 && (
                        <span className="block text-xs text-amber-700" data-testid="batch-line-changed">
                          {l.changed.length} commission{l.changed.length === 1 ? "" : "s"} changed since the export ({[...new Set(l.changed.map((c) => c.status))].join(", ")}): the excess is clawed back when marked paid
                        </span>
                      )}
                    </div>
                  </td>
                  <td className={`${td} hidden xl:table-cell`}>
                    <span className="block max-w-56 truncate" title={l.email}>
                      {l.email}
                    </span>
                  </td>
                  <td className={`${td} hidden font-mono text-xs 2xl:table-cell`}>{l.uniqueId}</td>
                  <td className={`${td} text-right tabular-nums`}>
                    {l.commissionCount}
                    {l.adjustmentCount > 0 ? ` + ${l.adjustmentCount} adj.` : ""}
                  </td>
                  <td className={`${td} text-right font-medium tabular-nums`} data-essential="money">
                    {money(l.amount)}
                  </td>
                  <td className={td}>
                    {l.payoutId ? (
                      <Link href={`/payouts/${l.payoutId}`} className="text-brand-700 hover:underline" data-testid="batch-line-payout">
                        {l.payoutStatus === "void" ? "Void" : "View"}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
    </div>
  );
}
