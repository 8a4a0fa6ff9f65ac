import { getDb } from "@/db/client";
import { requirePortalPartner } from "@/lib/portal/session";
import { getSettings } from "@/lib/services/settings";
import { signOutAction } from "../(account)/actions";
import { PortalNav } from "./portal-nav";
import { ProgramMark } from "@/components/ui/program-mark";

// The signed-in partner portal. This check is for people; every page and action below asks
// for the partner again (requirePortalPartner / portalPartnerOrNull) next to its data.
export default async function PortalLayout({ children, params }: { children: React.ReactNode; params: Promise<{ token: string }> }) {
  const { token } = await params;
  const partner = await requirePortalPartner(token);
  const settings = await getSettings(await getDb());
  const base = `/p/${partner.token}`;
  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <div className="flex min-w-0 flex-1 items-center gap-2.5">
            <ProgramMark name={settings.name} />
            <div className="min-w-0">
              <p className="truncate text-sm font-semibold text-zinc-900" data-testid="portal-program">
                {settings.name}
              </p>
              <p className="truncate text-xs text-zinc-500" data-testid="portal-partner">
                {partner.name}
              </p>
            </div>
          </div>
          <form action={signOutAction.bind(null, partner.token)} className="sm:order-last">
            <button type="submit" className="rounded-md px-3 py-1.5 text-sm font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900">
              Sign out
            </button>
          </form>
          <PortalNav base={base} />
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-6 sm:px-6 lg:py-8">{children}</main>
    </div>
  );
}
