import "server-only";

// The portal's own session cookie, apart from the admin's next-auth cookie: an admin
// session says nothing here, and this cookie says nothing to the admin console.

export const PORTAL_COOKIE = "aff_portal";

export function portalCookieOptions(expiresAt: Date) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: process.env.NODE_ENV === "production",
    path: "/p/",
    expires: expiresAt,
  };
}
