import { ChevronRight, Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { Card, Section } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { CopyButton } from "@/components/ui/copy-button";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatMoney } from "@/lib/domain/money";
import { formatDate } from "@/lib/format/dates";
import { formatRateOrDefault } from "@/lib/format/rates";
import { approveDueCommissions } from "@/lib/services/commissions-hold";
import { findPartnerDetail } from "@/lib/services/partner-detail";
import { getSettings } from "@/lib/services/settings";
import { resetPartnerPasswordAction } from "../actions";
import { PartnerStatusActions } from "../partner-status-actions";
import { ActivityChart } from "./activity-chart";
import { KpiCard } from "./kpi-card";
import { CommissionsList, CustomersList, LinksList, PayoutsList } from "./partner-lists";
import { PayoutDetails } from "./payout-details";

export const metadata: Metadata = { title: "Partner" };

const count = new Intl.NumberFormat("en-US");
const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

function CopyRow({ label, value, copyLabel, testId }: { label: string; value: string; copyLabel: string; testId?: string }) {
  return (
    <div className="space-y-1.5">
      <p className="text-sm font-medium text-zinc-800">{label}</p>
      <div className="flex items-center gap-2">
        <code className="min-w-0 flex-1 truncate rounded-md bg-zinc-50 px-3 py-2 text-xs text-zinc-800 ring-1 ring-zinc-200 ring-inset" data-testid={testId} title={value}>
          {value}
        </code>
        <CopyButton value={value} label={copyLabel} />
      </div>
    </div>
  );
}

export default async function PartnerPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const { id } = await params;
  const db = await getDb();
  await approveDueCommissions(db);
  const settings = await getSettings(db);
  const partner = await findPartnerDetail(db, id, { timezone: settings.timezone });
  if (!partner) notFound();

  const { currency, timezone } = settings;
  const money = (minor: number) => formatMoney(minor, currency);
  const k = partner.kpis;
  const rate = k.clicks ? `${((k.conversions / k.clicks) * 100).toFixed(1)} %` : "—";
  const last30 = partner.daily.reduce((sum, d) => ({ clicks: sum.clicks + d.clicks, conversions: sum.conversions + d.conversions }), { clicks: 0, conversions: 0 });

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="flex items-center gap-1 text-sm text-zinc-500">
        <Link href="/partners" className="hover:text-zinc-800 hover:underline">
          Partners
        </Link>
        <ChevronRight className="h-4 w-4" aria-hidden />
        <span className="truncate text-zinc-800">{partner.name}</span>
      </nav>

      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="truncate text-2xl font-semibold tracking-tight text-zinc-900">{partner.name}</h1>
            <span data-testid="partner-status">
              <StatusBadge status={partner.status} />
            </span>
          </div>
          <p className="mt-1 text-sm text-zinc-500">
            {partner.email} · joined {formatDate(partner.createdAt, timezone)}
            {partner.approvedAt && ` · approved ${formatDate(partner.approvedAt, timezone)}`}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <PartnerStatusActions partner={{ id: partner.id, name: partner.name, status: partner.status, couponCount: partner.couponCodes.length }} size="md" />
          <Link href={`/partners/${partner.id}/edit`} className={buttonClasses("secondary")}>
            <Pencil className="h-4 w-4" aria-hidden /> Edit
          </Link>
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-7">
        <KpiCard label="Clicks" value={count.format(k.clicks)} testId="kpi-clicks" />
        <KpiCard label="Conversions" value={count.format(k.conversions)} testId="kpi-conversions" />
        <KpiCard label="Conversion rate" value={rate} />
        <KpiCard label="Revenue" value={money(k.revenue)} hint="after refunds" testId="kpi-revenue" />
        <KpiCard label="Paid" value={money(k.paid)} hint="commissions paid" testId="kpi-paid" />
        <KpiCard label="Balance" value={money(k.balance)} hint="approved, not paid yet" testId="kpi-balance" />
        <KpiCard label="Pending" value={money(k.pending)} hint="inside the hold period" testId="kpi-pending" />
      </dl>

      <Card className="p-5 sm:p-6">
        <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-base font-semibold text-zinc-900">Last 30 days</h2>
          <p className="text-sm text-zinc-500">
            {count.format(last30.clicks)} clicks · {count.format(last30.conversions)} conversions · days in {timezone}
          </p>
        </div>
        <figure aria-label={`Clicks and conversions per day, last 30 days: ${last30.clicks} clicks, ${last30.conversions} conversions`}>
          <ActivityChart data={partner.daily.map((d) => ({ label: dayLabel.format(new Date(`${d.day}T00:00:00Z`)), clicks: d.clicks, conversions: d.conversions }))} />
        </figure>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <Section title="Sharing" description="What the partner promotes, and their private dashboard.">
          <div className="space-y-4">
            <CopyRow label="Referral link" value={partner.referralLink} copyLabel="Copy link" testId="referral-link" />
            <div className="space-y-1.5">
              <p className="text-sm font-medium text-zinc-800">Coupon codes</p>
              {partner.couponCodes.length === 0 ? (
                <p className="text-sm text-zinc-500">None. {partner.status === "approved" ? "Add one by editing the partner." : "Only approved partners can hold coupons."}</p>
              ) : (
                <ul className="flex flex-wrap gap-2" data-testid="coupon-codes">
                  {partner.couponCodes.map((code) => (
                    <li key={code} className="flex max-w-full flex-wrap items-center gap-1 rounded-md bg-zinc-50 py-0.5 pr-0.5 pl-2.5 ring-1 ring-zinc-200 ring-inset">
                      <code className="text-sm break-all text-zinc-800">{code}</code>
                      <CopyButton value={code} label={`Copy ${code}`} />
                    </li>
                  ))}
                </ul>
              )}
              {partner.couponCodes.length > 0 && partner.status !== "approved" && (
                <p className="text-xs text-amber-700">These coupons do not credit sales while the partner is {partner.status}.</p>
              )}
            </div>
            {partner.dashboardUrl ? (
              <CopyRow label="Dashboard URL" value={partner.dashboardUrl} copyLabel="Copy dashboard URL" testId="dashboard-url" />
            ) : (
              <div className="space-y-1.5">
                <p className="text-sm font-medium text-zinc-800">Dashboard URL</p>
                <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900" data-testid="dashboard-url-unavailable">
                  This URL was stored under an earlier NEXTAUTH_SECRET, so it cannot be shown. It still works for the partner; “Reset password” issues a new
                  one to send them.
                </p>
              </div>
            )}
            <div className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-100 pt-4">
              <p className="text-xs text-zinc-500">{partner.hasPassword ? "The partner has set a password." : "The partner has not set a password yet."}</p>
              <ConfirmAction
                action={resetPartnerPasswordAction}
                fields={{ id: partner.id }}
                trigger="Reset password"
                title={`Reset ${partner.name}'s password?`}
                description="The current dashboard URL stops working at once and the partner is signed out. Send them the new URL: they will choose a new password on their next visit."
                confirmLabel="Reset password"
              />
            </div>
          </div>
        </Section>

        <Section title="Details" actions={<Link href={`/partners/${partner.id}/edit`} className="text-sm font-medium text-brand-700 hover:underline">Edit</Link>}>
          <dl className="grid grid-cols-[minmax(0,9rem)_1fr] gap-x-4 gap-y-3 text-sm">
            <dt className="text-zinc-500">Commission</dt>
            <dd className="text-zinc-900" data-testid="partner-rate">
              {formatRateOrDefault(partner.commissionType, partner.commissionRate, currency)}
            </dd>
            <dt className="text-zinc-500">Referral code</dt>
            <dd>
              <code className="text-zinc-900">{partner.referralCode}</code>
            </dd>
            <dt className="text-zinc-500">Payout</dt>
            <dd className="text-zinc-900">
              <PayoutDetails method={partner.payoutMethod} details={partner.payoutDetails} />
            </dd>
            <dt className="text-zinc-500">Notes</dt>
            <dd className="whitespace-pre-line text-zinc-900">{partner.notes || <span className="text-zinc-400">None</span>}</dd>
          </dl>
        </Section>
      </div>

      <LinksList links={partner.links} currency={currency} />
      <div className="grid gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <CommissionsList partnerId={partner.id} commissions={partner.commissions} currency={currency} timezone={timezone} />
        <PayoutsList partnerId={partner.id} payouts={partner.payouts} currency={currency} timezone={timezone} />
      </div>
      <CustomersList customers={partner.customers} currency={currency} timezone={timezone} />
    </div>
  );
}
