import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatRate } from "@/lib/format/rates";
import { findPartnerRecord } from "@/lib/services/partner-lookup";
import { getSettings } from "@/lib/services/settings";
import { updatePartnerAction } from "../../actions";
import { formValuesOf } from "../../form-values";
import { PartnerForm } from "../../partner-form";

export const metadata: Metadata = { title: "Edit partner" };

export default async function EditPartnerPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const { id } = await params;
  const db = await getDb();
  const [partner, settings] = await Promise.all([findPartnerRecord(db, id), getSettings(db)]);
  if (!partner) notFound();
  return (
    <>
      <PageHeader title={`Edit ${partner.name}`} />
      <PartnerForm
        action={updatePartnerAction}
        values={formValuesOf(partner, settings.currency)}
        currency={settings.currency}
        defaultRate={formatRate(settings.defaultCommissionType, settings.defaultCommissionRate, settings.currency)}
        brandedCoupons={settings.brandedCoupons}
      />
    </>
  );
}
