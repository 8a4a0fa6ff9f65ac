import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { pendingCommissionCount } from "@/lib/services/hold-period";
import { getSettings } from "@/lib/services/settings";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireAdminPage();
  const db = await getDb();
  const [settings, pendingCount] = await Promise.all([getSettings(db), pendingCommissionCount(db)]);
  return (
    <SettingsForm
      settings={settings}
      currencies={Intl.supportedValuesOf("currency")}
      timeZones={["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")]}
      pendingCount={pendingCount}
    />
  );
}
