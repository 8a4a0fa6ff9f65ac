import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requireAdminPage } from "@/lib/auth/admin";

export const metadata: Metadata = { title: "Partners" };

export default async function Page() {
  await requireAdminPage();
  return <ComingSoon title="Partners" what="your partners, their coupon codes, rates and balances" />;
}
