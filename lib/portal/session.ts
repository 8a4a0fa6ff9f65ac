import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { PartnerStatus } from "@/lib/schemas/enums";
import { findPartnerByToken, type TokenPartner } from "@/lib/services/portal-access";
import { isPortalSessionValid } from "@/lib/services/portal-sessions";
import { PORTAL_COOKIE } from "./cookie";

// CONTRACT (being implemented by the portal-access work; the dashboard work codes against it).
// The signed-in partner of the portal at /p/<token>.

export type PortalPartner = {
  id: string;
  name: string;
  email: string;
  status: PartnerStatus;
  /** the URL token, to build links inside the portal: `/p/${token}/…` */
  token: string;
};

type PortalAccess =
  | { kind: "unknown" }
  | { kind: "no_password"; partner: TokenPartner }
  | { kind: "signed_out"; partner: TokenPartner }
  | { kind: "signed_in"; partner: PortalPartner };

// One lookup per request, however many layouts, pages and components ask.
const portalAccess = cache(async (token: string): Promise<PortalAccess> => {
  const db = await getDb();
  const partner = await findPartnerByToken(db, token);
  if (!partner) return { kind: "unknown" };
  if (!partner.hasPassword) return { kind: "no_password", partner };
  const sessionId = (await cookies()).get(PORTAL_COOKIE)?.value ?? "";
  // The session must belong to this token's partner: A's cookie on B's URL is no session.
  if (!(await isPortalSessionValid(db, sessionId, partner.id))) return { kind: "signed_out", partner };
  const { id, name, email, status } = partner;
  return { kind: "signed_in", partner: { id, name, email, status, token } };
});

/**
 * For portal pages: the partner whose token this is and who holds a valid portal session.
 * Unknown token → notFound(); no password yet → redirect to /p/<token>/set-password;
 * no or expired session → redirect to /p/<token>/sign-in.
 */
export async function requirePortalPartner(token: string): Promise<PortalPartner> {
  const access = await portalAccess(token);
  switch (access.kind) {
    case "unknown":
      notFound();
    case "no_password":
      redirect(`/p/${token}/set-password`);
    case "signed_out":
      redirect(`/p/${token}/sign-in`);
    case "signed_in":
      return access.partner;
  }
}

/** For server actions and route handlers: the same check, null instead of redirecting. */
export async function portalPartnerOrNull(token: string): Promise<PortalPartner | null> {
  const access = await portalAccess(token);
  return access.kind === "signed_in" ? access.partner : null;
}

/** For the set-password and sign-in pages: the token's partner whatever the session, or 404. */
export async function portalAccessFor(token: string): Promise<PortalAccess> {
  return portalAccess(token);
}
