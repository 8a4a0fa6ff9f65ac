import "server-only";
import { getDb } from "@/db/client";
import type { Db } from "@/db/types";
import { UnauthorizedError } from "@/lib/errors";
import type { Actor } from "@/lib/services/actor";
import { authenticateApiKey } from "@/lib/services/api-keys";
import { errorResponse } from "./respond";

export interface ApiKeyContext<P> {
  request: Request;
  db: Db;
  actor: Actor;
  params: P;
}

/** The secret key in `Authorization: Bearer <key>`, or 401 (missing, wrong or revoked). */
export async function requireApiKey(request: Request, db: Db): Promise<Actor> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new UnauthorizedError("Send your secret key as “Authorization: Bearer <key>”.", "missing_key");
  const key = await authenticateApiKey(db, match[1]!);
  if (!key) throw new UnauthorizedError("This secret key is not valid or has been revoked.", "invalid_key");
  return { type: "api", id: key.id, label: `API key ${key.name}` };
}

/** Route handlers of the REST API: secret key first, then the handler; errors in SPEC.md's shape. */
export function withApiKey<P = Record<string, never>>(handler: (ctx: ApiKeyContext<P>) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const db = await getDb();
      const actor = await requireApiKey(request, db);
      return await handler({ request, db, actor, params: context?.params ? await context.params : ({} as P) });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
