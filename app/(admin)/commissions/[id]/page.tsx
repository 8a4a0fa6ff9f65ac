import { ArrowLeft, ArrowRight } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { DetailRow } from "@/components/ui/detail-row";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatMoney } from "@/lib/domain/money";
import { orNullIfNotFound } from "@/lib/errors";
import { formatDateTime } from "@/lib/format/dates";
import { formatRate } from "@/lib/format/rates";
import { getCommission, type CommissionDetail } from "@/lib/services/commission-list";
import { getSettings } from "@/lib/services/settings";
import { CommissionActions } from "../commission-actions";
import { voidReasonLabel } from "@/lib/format/void-reason";
import { RATE_SOURCE_LABELS } from "../commission-row";

// GET /commissions/<id>: one commission, what it was earned on, what can be done to it now,
// and its whole history: who changed it, when, from what to what, and why.

export const metadata: Metadata = { title: "Commission" };

const ATTRIBUTION_LABELS: Record<string, string> = {
  coupon: "Coupon code",
  click: "Referral click",
  lifetime: "Lifetime customer",
  ip_user_agent: "Same IP and browser as a click",
  manual: "Entered by hand",
  none: "Unattributed",
};

function load(id: string): Promise<CommissionDetail | null> {
  return orNullIfNotFound(getDb().then((db) => getCommission(db, id)));
}

export default async function CommissionPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const { id } = await params;
  const c = await load(id);
  if (!c) notFound();
  const { timezone } = await getSettings(await getDb());
  const money = (minor: number) => formatMoney(minor, c.currency);
  const what = c.kind === "lead" ? `lead “${c.leadEvent}”` : `order ${c.orderExternalId}`;
  const inPayout = c.payoutId !== null;

  return (
    <div className="space-y-6">
      <Link href="/commissions" className="inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800">
        <ArrowLeft className="h-4 w-4" aria-hidden /> Commissions
      </Link>
      <PageHeader
        title={`Commission for ${what}`}
        description={
          <>
            Earned by{" "}
            <Link href={`/partners/${c.partnerId}`} className="font-medium text-brand-700 hover:underline">
              {c.partnerName}
            </Link>{" "}
            on {formatDateTime(c.createdAt, timezone)}
          </>
        }
      />

      <div className="grid gap-6 lg:grid-cols-3">
        <Section title="Details" className="lg:col-span-2">
          <dl className="-my-2.5 divide-y divide-zinc-100">
            <DetailRow label="Commission">
              <span className="text-base font-semibold" data-numeric data-testid="commission-amount">
                {money(c.amount)}
              </span>
              {c.originalAmount !== c.amount && (
                <span className="ml-2 text-zinc-500" data-numeric>
                  of {money(c.originalAmount)} before refunds
                </span>
              )}
            </DetailRow>
            <DetailRow label="Status">
              <span className="flex flex-wrap items-center gap-2" data-testid="commission-status">
                <StatusBadge status={c.status} />
                {c.status === "void" && c.voidReason && <span className="text-zinc-600">{voidReasonLabel(c.voidReason)}</span>}
                {c.status === "pending" && <span className="text-zinc-500">approved automatically on {formatDateTime(c.holdUntil, timezone)}</span>}
              </span>
            </DetailRow>
            <DetailRow label="Rate">
              {RATE_SOURCE_LABELS[c.rateSource]}
              {c.rateType && c.rate !== null ? ` · ${formatRate(c.rateType, c.rate, c.currency)}` : c.rateSource === "rate_group" ? " · several rates" : ""}
            </DetailRow>
            {c.kind === "sale" ? (
              <>
                <DetailRow label="Order">
                  <span className="font-medium">{c.orderExternalId}</span>
                  <span className="text-zinc-500" data-numeric>
                    {" "}
                    · {money(c.orderAmount ?? 0)}
                    {c.refundedAmount ? `, ${money(c.refundedAmount)} refunded` : ""}
                  </span>
                </DetailRow>
                <DetailRow label="Attribution">
                  {ATTRIBUTION_LABELS[c.attribution ?? "none"] ?? c.attribution}
                  {c.couponCode && <span className="text-zinc-500"> ({c.couponCode})</span>}
                </DetailRow>
              </>
            ) : (
              <DetailRow label="Lead event">{c.leadEvent}</DetailRow>
            )}
            <DetailRow label="Customer">
              {c.customerId ? (
                <Link href={`/customers/${c.customerId}`} className="font-medium text-brand-700 hover:underline">
                  {c.customerEmail ?? c.customerName ?? c.customerExternalId}
                </Link>
              ) : (
                <span className="text-zinc-500">Not reported</span>
              )}
            </DetailRow>
            <DetailRow label="Payout">
              {inPayout ? (
                <Badge tone="blue">Paid in a payout{c.payoutCreatedAt ? ` on ${formatDateTime(c.payoutCreatedAt, timezone)}` : ""}</Badge>
              ) : c.status === "paid" ? (
                "Marked as paid by hand (outside a payout)"
              ) : (
                <span className="text-zinc-500">Not paid yet</span>
              )}
            </DetailRow>
          </dl>
        </Section>

        <Section title="Actions" description="Approve before the hold period ends, void with a reason, or record that you paid it outside the app.">
          <CommissionActions id={c.id} status={c.status} inPayout={inPayout} label={what} />
        </Section>
      </div>

      {c.refunds.length > 0 && (
        <Section title="Refunds" description="Refunds reduce an unpaid commission in proportion; after payout they are clawed back from the next payout.">
          <ul className="divide-y divide-zinc-100 text-sm">
            {c.refunds.map((r) => (
              <li key={r.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  {formatDateTime(r.createdAt, timezone)}
                  {r.externalId && <span className="text-zinc-500"> · {r.externalId}</span>}
                </span>
                <span data-numeric>
                  {money(r.amount)} refunded
                  {r.commissionReduction !== 0 && <span className="text-zinc-500"> · commission {money(-Math.abs(r.commissionReduction))}</span>}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section title="History" description="Every change to this commission: who, when, from what to what, and why.">
        <ol className="relative space-y-4 border-l border-zinc-200 pl-5" aria-label="Commission history">
          {c.history.map((h) => (
            <li key={h.id} className="relative" data-testid="history-entry">
              <span className="absolute top-1.5 -left-[25px] h-2.5 w-2.5 rounded-full bg-zinc-300 ring-4 ring-white" aria-hidden />
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                {h.fromStatus && h.fromStatus !== h.toStatus ? (
                  <>
                    <StatusBadge status={h.fromStatus} />
                    <ArrowRight className="h-3.5 w-3.5 text-zinc-400" aria-label="to" />
                    <StatusBadge status={h.toStatus} />
                  </>
                ) : (
                  <StatusBadge status={h.toStatus} />
                )}
                {h.fromAmount !== null && h.fromAmount !== h.toAmount ? (
                  <span className="text-zinc-700" data-numeric>
                    {money(h.fromAmount)} → {money(h.toAmount)}
                  </span>
                ) : (
                  h.fromAmount === null && (
                    <span className="text-zinc-700" data-numeric>
                      {money(h.toAmount)}
                    </span>
                  )
                )}
              </div>
              <p className="mt-1 text-xs text-zinc-500">
                <time dateTime={h.createdAt.toISOString()}>{formatDateTime(h.createdAt, timezone)}</time> · by <span className="font-medium text-zinc-700">{h.actor}</span>
              </p>
              {h.reason && <p className="mt-1 text-sm text-zinc-700">{h.reason}</p>}
            </li>
          ))}
        </ol>
      </Section>
    </div>
  );
}
