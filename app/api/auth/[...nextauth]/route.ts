// GET/POST /api/auth/*: next-auth (sign-in, sign-out, session, CSRF) for admin users. A
// password sign-in (POST /api/auth/callback/credentials) first passes the per-address limit.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { adminSignInRefusal } from "@/lib/auth/sign-in-limit";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context) {
  return NextAuth(request as never, context as never, authOptions());
}

async function post(request: Request, context: Context) {
  const [action, provider] = (await context.params).nextauth ?? [];
  if (action === "callback" && provider === "credentials") {
    const refusal = await adminSignInRefusal(request);
    if (refusal) return refusal;
  }
  return handler(request, context);
}

export { handler as GET, post as POST };
