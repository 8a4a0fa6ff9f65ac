import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { appUrl } from "@/lib/env";
import { signInSchema } from "@/lib/schemas/admin-users";
import { authSecret } from "@/lib/server/auth-secret";
import { authenticateAdmin } from "@/lib/services/admin-users";
import { signInFailureMessage } from "./sign-in-messages";

// next-auth (v4) with email + password for admin users. Built lazily so `next build` never
// needs the production secret.

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

let options: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  // next-auth reads its public URL from the environment; default it like the rest of the app.
  process.env.NEXTAUTH_URL ??= appUrl();
  return (options ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) throw new Error(signInFailureMessage(0));
          const result = await authenticateAdmin(await getDb(), parsed.data.email, parsed.data.password);
          // next-auth passes the message to the sign-in form unchanged.
          if (!result.ok) throw new Error(signInFailureMessage(result.retryAfterSeconds));
          return { id: result.admin.id, email: result.admin.email, name: result.admin.name, sessionVersion: result.admin.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub && session.user) {
          session.user.id = token.sub;
          session.user.sessionVersion = token.sv;
        }
        return session;
      },
    },
  });
}
