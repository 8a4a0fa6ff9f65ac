import { getDb } from "@/db/client";
import { getSettings } from "@/lib/services/settings";
import { ProgramMark } from "@/components/ui/program-mark";

// The set-password and sign-in pages: one small card under the program's name.
export default async function PortalAccountLayout({ children }: { children: React.ReactNode }) {
  const settings = await getSettings(await getDb());
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <ProgramMark name={settings.name} size="lg" className="mx-auto mb-4" />
          <p className="text-sm font-medium text-zinc-500">{settings.name} partner program</p>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-zinc-200">{children}</div>
      </div>
    </main>
  );
}
