import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { portalAccessFor } from "@/lib/portal/session";
import { setPasswordAction } from "../actions";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Set your password" };

// GET /p/<token>/set-password: the first visit. Once a password exists this page only
// points to sign-in; the action refuses a second password in the database itself.
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const access = await portalAccessFor(token);
  if (access.kind === "unknown") notFound();
  if (access.kind === "signed_in") redirect(`/p/${token}`);
  if (access.kind === "signed_out") redirect(`/p/${token}/sign-in`);
  return (
    <>
      <h1 className="text-lg font-semibold text-zinc-900">Welcome to your partner dashboard</h1>
      <p className="mt-1 mb-5 text-sm text-zinc-500">Choose a password for your partner dashboard. You will sign in with it next time.</p>
      <SetPasswordForm action={setPasswordAction.bind(null, token)} />
    </>
  );
}
