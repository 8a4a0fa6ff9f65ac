"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { formStateFromError } from "@/lib/auth/admin-action";
import { AppError } from "@/lib/errors";
import { requestClient } from "@/lib/http/request-client";
import { PORTAL_COOKIE, portalCookieOptions } from "@/lib/portal/cookie";
import type { FormState } from "@/lib/schemas/form-state";
import { portalSignInSchema } from "@/lib/schemas/portal";
import { findPartnerByToken, setPartnerPassword, signInPartner, type PortalSignInResult } from "@/lib/services/portal-access";
import { endPortalSession } from "@/lib/services/portal-sessions";
import { portalSignInMessage } from "./messages";

// The portal's account actions. Each finds the partner from the token again: an action is a
// public endpoint, whatever page rendered it. redirect() stays outside try/catch (it throws).

const UNKNOWN_LINK = "This dashboard link is not valid. Ask the program for your current link.";

/** POST from /p/<token>/set-password: the first and only time a password is chosen. */
export async function setPasswordAction(token: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const db = await getDb();
  const partner = await findPartnerByToken(db, token);
  if (!partner) return { ok: false, message: UNKNOWN_LINK };
  let session: { sessionId: string; expiresAt: Date };
  try {
    session = await setPartnerPassword(
      db,
      partner.id,
      { password: String(formData.get("password") ?? ""), confirm: String(formData.get("confirm") ?? "") },
      await requestClient(),
    );
  } catch (error) {
    if (error instanceof AppError && error.code === "password_already_set") redirect(`/p/${token}/sign-in`);
    return formStateFromError(error);
  }
  (await cookies()).set(PORTAL_COOKIE, session.sessionId, portalCookieOptions(session.expiresAt));
  redirect(`/p/${token}`);
}

/** POST from /p/<token>/sign-in: says "wrong password" or how long to wait, nothing more. */
export async function signInAction(token: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const db = await getDb();
  const partner = await findPartnerByToken(db, token);
  if (!partner) return { ok: false, message: UNKNOWN_LINK };
  if (!partner.hasPassword) redirect(`/p/${token}/set-password`);
  const input = portalSignInSchema.safeParse({ password: formData.get("password") ?? "" });
  let result: PortalSignInResult;
  try {
    result = input.success ? await signInPartner(db, partner.id, input.data.password, await requestClient()) : { ok: false, retryAfterSeconds: 0 };
  } catch (error) {
    return formStateFromError(error);
  }
  if (!result.ok) return { ok: false, message: portalSignInMessage(result.retryAfterSeconds) };
  (await cookies()).set(PORTAL_COOKIE, result.sessionId, portalCookieOptions(result.expiresAt));
  redirect(`/p/${token}`);
}

/** Sign out: the session row goes, so the cookie is worthless even if something kept it. */
export async function signOutAction(token: string): Promise<void> {
  const jar = await cookies();
  const sessionId = jar.get(PORTAL_COOKIE)?.value;
  if (sessionId) await endPortalSession(await getDb(), sessionId);
  jar.delete({ name: PORTAL_COOKIE, path: "/p/" });
  redirect(`/p/${encodeURIComponent(token)}/sign-in`);
}
