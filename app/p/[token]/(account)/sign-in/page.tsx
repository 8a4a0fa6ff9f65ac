import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { portalAccessFor } from "@/lib/portal/session";
import { signInAction } from "../actions";
import { PortalSignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

// GET /p/<token>/sign-in: later visits. Only the password is asked; the URL says who, and
// the page names no one (a leaked URL alone tells nothing about the partner).
export default async function PortalSignInPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const access = await portalAccessFor(token);
  if (access.kind === "unknown") notFound();
  if (access.kind === "no_password") redirect(`/p/${token}/set-password`);
  if (access.kind === "signed_in") redirect(`/p/${token}`);
  return (
    <>
      <h1 className="text-lg font-semibold text-zinc-900">Sign in</h1>
      <p className="mt-1 mb-5 text-sm text-zinc-500">Enter the password you chose for this partner dashboard.</p>
      <PortalSignInForm action={signInAction.bind(null, token)} />
    </>
  );
}
