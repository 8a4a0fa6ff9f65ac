import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requireAdminPage } from "@/lib/auth/admin";

export const metadata: Metadata = { title: "Links" };

export default async function Page() {
  await requireAdminPage();
  return <ComingSoon title="Links" what="custom links and their stats" />;
}
