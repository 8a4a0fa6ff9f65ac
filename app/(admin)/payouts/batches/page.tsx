import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatMoney } from "@/lib/domain/money";
import { formatDateTime } from "@/lib/format/dates";
import { listBatches } from "@/lib/services/payout-batch-list";
import { getSettings } from "@/lib/services/settings";
import { PayoutTabs } from "../payout-tabs";

// GET /payouts/batches: PayPal batches, open ones first (they wait for "Mark paid" or
// "Cancel"), then the newest. A batch is made from a selection of the Due list.

export const metadata: Metadata = { title: "PayPal batches" };

const th = "px-4 py-2.5 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase";
const td = "px-4 py-2.5 whitespace-nowrap text-zinc-700";

export default async function PaypalBatchesPage() {
  await requireAdminPage();
  const db = await getDb();
  const [batches, { timezone }] = await Promise.all([listBatches(db), getSettings(db)]);

  return (
    <>
      <PageHeader title="Payouts" description="What you owe your partners, and every payment you recorded." />
      <PayoutTabs />
      {batches.length === 0 ? (
        <Card className="p-8 text-center" data-testid="empty-state">
          <p className="font-medium text-zinc-900">No PayPal batches yet</p>
          <p className="mt-1 text-sm text-zinc-500">Select partners paid by PayPal on the Due tab and choose “PayPal batch…” to make PayPal&apos;s mass-payout file.</p>
        </Card>
      ) : (
        <Card className="overflow-x-auto">
          <table className="min-w-full text-sm" aria-label="PayPal batches">
            <thead className="border-b border-zinc-200">
              <tr>
                <th className={th}>Made</th>
                <th className={th}>Status</th>
                <th className={`${th} text-right`}>Lines</th>
                <th className={`${th} text-right`}>Amount</th>
                <th className={th}>PayPal batch id</th>
                <th className={th}>Made by</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {batches.map((b) => (
                <tr key={b.id} data-testid="batch-row">
                  <td className={td} data-essential="identity">
                    <Link href={`/payouts/batches/${b.id}`} className="font-medium text-brand-700 hover:underline" data-testid="batch-link">
                      {formatDateTime(b.createdAt, timezone)}
                    </Link>
                  </td>
                  <td className={td} data-essential="status">
                    <StatusBadge status={b.status} />
                  </td>
                  <td className={`${td} text-right tabular-nums`}>{b.itemCount.toLocaleString("en-US")}</td>
                  <td className={`${td} text-right font-medium tabular-nums`} data-essential="money">
                    {formatMoney(b.amount, b.currency)}
                  </td>
                  <td className={td}>{b.reference ? <span className="font-mono text-xs">{b.reference}</span> : "—"}</td>
                  <td className={td}>{b.createdBy ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
