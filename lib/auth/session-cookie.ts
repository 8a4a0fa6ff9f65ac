import "server-only";
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { authSecret } from "@/lib/server/auth-secret";
import { SESSION_MAX_AGE_SECONDS } from "./options";

// next-auth keeps the admin session in a cookie holding an encrypted JWT. After a password
// change raises the admin's session version, every session with the old version is refused;
// this re-issues the current one with the new version so the admin who changed it stays in.

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** Re-issues this request's admin session with `sessionVersion`; false when there is none. */
export async function reissueAdminSession(sessionVersion: number): Promise<boolean> {
  const jar = await cookies();
  const name = SESSION_COOKIES.find((n) => jar.has(n));
  if (!name) return false;
  const secret = authSecret();
  const token = await decode({ token: jar.get(name)!.value, secret });
  if (!token) return false;
  const value = await encode({ token: { ...token, sv: sessionVersion }, secret, maxAge: SESSION_MAX_AGE_SECONDS });
  jar.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-"), maxAge: SESSION_MAX_AGE_SECONDS });
  return true;
}
