import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getSettings } from "@/lib/services/settings";
import { ApplyForm } from "./apply-form";

export const metadata: Metadata = { title: "Apply to the partner program" };

// GET /apply: the public application form, when the merchant has switched it on in
// Settings → Program; otherwise not-found.tsx says applications are closed.
export default async function ApplyPage() {
  const settings = await getSettings(await getDb());
  if (!settings.applicationsOpen) notFound();
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-8 text-center">
          <h1 className="text-xl font-semibold text-zinc-900">Join the {settings.name} partner program</h1>
          <p className="mt-1 text-sm text-zinc-500">Tell us about yourself. We review every application and let you know.</p>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-zinc-200">
          <ApplyForm />
        </div>
      </div>
    </main>
  );
}
