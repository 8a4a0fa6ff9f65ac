import { getDb } from "@/db/client";
import { getSettings } from "@/lib/services/settings";

// The set-password and sign-in pages: one small card under the program's name.
export default async function PortalAccountLayout({ children }: { children: React.ReactNode }) {
  const settings = await getSettings(await getDb());
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div className="mx-auto mb-4 flex h-11 w-11 items-center justify-center rounded-xl bg-brand-600 text-lg font-bold text-white">
            {settings.name.slice(0, 1).toUpperCase() || "A"}
          </div>
          <p className="text-sm font-medium text-zinc-500">{settings.name} partner program</p>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-zinc-200">{children}</div>
      </div>
    </main>
  );
}
