import "server-only";
import { getDb } from "@/db/client";
import type { Db } from "@/db/types";
import { scopeAllows, scopesAllowedFor, type RouteScope } from "@/lib/domain/api-key-scope";
import { InsufficientScopeError, UnauthorizedError } from "@/lib/errors";
import type { Actor } from "@/lib/services/actor";
import { authenticateApiKey } from "@/lib/services/api-keys";
import { errorResponse } from "./respond";

export interface ApiKeyContext<P> {
  request: Request;
  db: Db;
  actor: Actor;
  params: P;
}

/** What a route declares about the keys that may call it. */
export interface ApiKeyRoute {
  /** The scope a key must grant (lib/domain/api-key-scope.ts). */
  scope: RouteScope;
}

/**
 * The key in `Authorization: Bearer <key>`: 401 when missing, wrong or revoked; 403
 * insufficient_scope when it is a real key whose scope does not cover this route.
 */
export async function requireApiKey(request: Request, db: Db, route: ApiKeyRoute): Promise<Actor> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new UnauthorizedError("Send your secret key as “Authorization: Bearer <key>”.", "missing_key");
  const key = await authenticateApiKey(db, match[1]!);
  if (!key) throw new UnauthorizedError("This secret key is not valid or has been revoked.", "invalid_key");
  if (!scopeAllows(key.scope, route.scope)) {
    throw new InsufficientScopeError(`A ${key.scope} key cannot call this endpoint: use a ${scopesAllowedFor(route.scope).join(" or ")} key.`);
  }
  return { type: "api", id: key.id, label: `API key ${key.name}` };
}

/**
 * Route handlers of the REST API: the route declares the key scope it needs, the key is
 * checked first, then the handler runs; errors in SPEC.md's shape.
 */
export function withApiKey<P = Record<string, never>>(route: ApiKeyRoute, handler: (ctx: ApiKeyContext<P>) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const db = await getDb();
      const actor = await requireApiKey(request, db, route);
      return await handler({ request, db, actor, params: context?.params ? await context.params : ({} as P) });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
