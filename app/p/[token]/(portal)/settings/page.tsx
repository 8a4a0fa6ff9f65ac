import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requirePortalPartner } from "@/lib/portal/session";
import { getPartnerProfile } from "@/lib/services/partner-profile";
import { changePortalPasswordAction, savePortalSettingsAction } from "./actions";
import { PortalPasswordForm } from "./password-form";
import { PortalSettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

// GET /p/<token>/settings: the signed-in partner's name, payout details and password.
export default async function PortalSettingsPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const partner = await requirePortalPartner(token);
  const profile = await getPartnerProfile(await getDb(), partner.id);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold text-zinc-900">Settings</h1>
        <p className="mt-1 text-sm text-zinc-500">Your name and how you want to be paid. The program sees changes at once.</p>
      </div>
      <PortalSettingsForm action={savePortalSettingsAction.bind(null, partner.token)} profile={profile} />
      <PortalPasswordForm action={changePortalPasswordAction.bind(null, partner.token)} />
    </div>
  );
}
