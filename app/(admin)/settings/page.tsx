import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { getSettings } from "@/lib/services/settings";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireAdminPage();
  const settings = await getSettings(await getDb());
  return (
    <SettingsForm
      settings={settings}
      currencies={Intl.supportedValuesOf("currency")}
      timeZones={["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")]}
    />
  );
}
