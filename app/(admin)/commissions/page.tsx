import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requireAdminPage } from "@/lib/auth/admin";

export const metadata: Metadata = { title: "Commissions" };

export default async function Page() {
  await requireAdminPage();
  return <ComingSoon title="Commissions" what="every commission with its status and history" />;
}
