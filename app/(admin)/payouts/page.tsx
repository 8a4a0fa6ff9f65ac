import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requireAdminPage } from "@/lib/auth/admin";

export const metadata: Metadata = { title: "Payouts" };

export default async function Page() {
  await requireAdminPage();
  return <ComingSoon title="Payouts" what="balances due and payout history" />;
}
