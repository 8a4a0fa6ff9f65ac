import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { localDate } from "@/lib/domain/date-range";
import { formatRateOrDefault } from "@/lib/format/rates";
import { partnerOption } from "@/lib/services/partner-options";
import { getSettings } from "@/lib/services/settings";
import { ManualSaleForm } from "./manual-sale-form";

// GET /commissions/new: a sale entered by hand for an approved partner (a phone order, a
// sale the tracking missed). It is recorded exactly as the tracking API records one, with
// attribution "manual", and earns by the same rules. ?partner=<id> picks the partner.

export const metadata: Metadata = { title: "Record a sale" };

export default async function NewSalePage({ searchParams }: { searchParams: Promise<{ partner?: string | string[] }> }) {
  await requireAdminPage();
  const db = await getDb();
  const settings = await getSettings(db);
  const wanted = (await searchParams).partner;
  const partner = await partnerOption(db, typeof wanted === "string" ? wanted : undefined);
  const preselected = partner?.status === "approved" ? { value: partner.id, label: partner.name, detail: partner.email } : undefined;

  return (
    <div className="space-y-6">
      <Link href="/commissions" className="inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800">
        <ArrowLeft className="h-4 w-4" aria-hidden /> Commissions
      </Link>
      <PageHeader
        title="Record a sale"
        description={`For a sale the tracking did not see, such as a phone order. The partner earns by the usual rules (custom product rates, the partner's rate, or the program's ${formatRateOrDefault(settings.defaultCommissionType, settings.defaultCommissionRate, settings.currency)}), and the commission waits out the hold period like any other.`}
      />
      <ManualSaleForm currency={settings.currency} today={localDate(new Date(), settings.timezone)} timeZone={settings.timezone} preselected={preselected} />
    </div>
  );
}
