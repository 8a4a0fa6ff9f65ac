import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { currentAdmin } from "@/lib/auth/admin";
import { afterSignInPath } from "@/lib/http/safe-redirect";
import { countAdmins } from "@/lib/services/admin-users";
import { getSettings } from "@/lib/services/settings";
import { FirstAdminForm } from "./first-admin-form";
import { SignInForm } from "./sign-in-form";
import { ProgramMark } from "@/components/ui/program-mark";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Only a path of this app is followed after signing in (no open redirect).
  const callbackUrl = afterSignInPath(params.callbackUrl);
  if (await currentAdmin()) redirect(callbackUrl);
  const db = await getDb();
  const [admins, settings] = await Promise.all([countAdmins(db), getSettings(db)]);
  const firstRun = admins === 0;

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <ProgramMark name={settings.name} size="lg" className="mx-auto mb-4" />
          <h1 className="text-xl font-semibold text-zinc-900">{firstRun ? "Create the first admin" : `Sign in to ${settings.name}`}</h1>
          <p className="mt-1 text-sm text-zinc-500">
            {firstRun ? "No one can sign in yet. This account will manage the program." : "Merchant console"}
          </p>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-zinc-200">
          {firstRun ? <FirstAdminForm /> : <SignInForm callbackUrl={callbackUrl} />}
        </div>
      </div>
    </main>
  );
}
