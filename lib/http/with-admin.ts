import "server-only";
import type { NextRequest, NextResponse } from "next/server";
import { currentAdmin } from "@/lib/auth/admin";
import { UnauthorizedError } from "@/lib/errors";
import type { AdminUser } from "@/lib/services/admin-users";
import { errorResponse } from "./respond";

type AdminHandler<C> = (request: NextRequest, admin: AdminUser, context: C) => Promise<Response>;

/** Admin route handlers: 401 without a session, errors mapped to the SPEC.md shape. */
export function withAdmin<C = unknown>(handler: AdminHandler<C>) {
  return async (request: NextRequest, context: C): Promise<Response | NextResponse> => {
    try {
      const admin = await currentAdmin();
      if (!admin) throw new UnauthorizedError("Sign in as an admin to use this.", "unauthenticated");
      return await handler(request, admin, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
