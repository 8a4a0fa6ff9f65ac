import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requireAdminPage } from "@/lib/auth/admin";

export const metadata: Metadata = { title: "Products" };

export default async function Page() {
  await requireAdminPage();
  return <ComingSoon title="Products" what="the product catalog and custom rates" />;
}
