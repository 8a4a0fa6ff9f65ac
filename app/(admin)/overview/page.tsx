import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requireAdminPage } from "@/lib/auth/admin";

export const metadata: Metadata = { title: "Overview" };

export default async function Page() {
  await requireAdminPage();
  return <ComingSoon title="Overview" what="revenue, commissions, clicks and conversions over time" />;
}
