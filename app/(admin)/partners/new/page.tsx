import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatRate } from "@/lib/format/rates";
import { getSettings } from "@/lib/services/settings";
import { createPartnerAction } from "../actions";
import { EMPTY_PARTNER } from "../form-values";
import { PartnerForm } from "../partner-form";

export const metadata: Metadata = { title: "Add a partner" };

export default async function NewPartnerPage() {
  await requireAdminPage();
  const settings = await getSettings(await getDb());
  return (
    <>
      <PageHeader title="Add a partner" description="They get a referral link and a private dashboard URL to share with them." />
      <PartnerForm
        action={createPartnerAction}
        values={EMPTY_PARTNER}
        currency={settings.currency}
        defaultRate={formatRate(settings.defaultCommissionType, settings.defaultCommissionRate, settings.currency)}
        brandedCoupons={settings.brandedCoupons}
      />
    </>
  );
}
