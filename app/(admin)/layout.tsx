import { Sidebar } from "@/components/admin-shell/sidebar";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { getSettings } from "@/lib/services/settings";

// The signed-in admin console. This redirect is for people; every page, action and route
// handler below checks the session again next to its data.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await requireAdminPage();
  const settings = await getSettings(await getDb());
  return (
    <div className="min-h-screen">
      <Sidebar email={admin.email} programName={settings.name} />
      <div className="lg:pl-60">
        <main className="mx-auto max-w-[100rem] px-4 py-6 sm:px-6 lg:px-8 lg:py-8">{children}</main>
      </div>
    </div>
  );
}
