import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import type { Db } from "@/db/types";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { newApiKeySchema } from "@/lib/schemas/api-keys";
import { isUuid } from "@/lib/schemas/ids";
import { toFieldIssues } from "@/lib/schemas/issues";
import { keyPrefixFor } from "@/lib/domain/api-key-scope";
import type { ApiKeyScope } from "@/lib/schemas/enums";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { createTtlCache, type TtlCache } from "@/lib/server/ttl-cache";

// API keys: 256 random bits behind a recognisable prefix (sk_aff_ secret, pk_aff_
// publishable). Only a SHA-256 of the secret is stored: a fast hash is right here because
// the secret is random, not a password. Each key has a scope that says what it may call.

const KEY_SHAPE = /^[sp]k_aff_[A-Za-z0-9_-]{43}$/;
const SHOWN_PREFIX_LENGTH = "sk_aff_".length + 6;

export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export interface CreatedApiKey {
  id: string;
  name: string;
  scope: ApiKeyScope;
  prefix: string;
  /** The full secret: shown once, never stored. */
  secret: string;
}

export async function createApiKey(db: Db, actor: Actor, input: unknown): Promise<CreatedApiKey> {
  const parsed = newApiKeySchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Check the key's name and scope.", toFieldIssues(parsed.error));
  const { name, scope } = parsed.data;
  const secret = keyPrefixFor(scope) + randomBytes(32).toString("base64url");
  const prefix = secret.slice(0, SHOWN_PREFIX_LENGTH);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ name, scope, prefix, keyHash: hashApiKey(secret), createdBy: actor.type === "admin" ? actor.id : null })
      .returning({ id: apiKeys.id });
    await recordAudit(tx, actor, "api_key.create", { type: "api_key", id: row!.id }, { name, scope, prefix });
    return { id: row!.id, name, scope, prefix, secret };
  });
}

export async function listApiKeys(db: Db) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      scope: apiKeys.scope,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(db: Db, actor: Actor, id: string): Promise<void> {
  if (!isUuid(id)) throw new NotFoundError("That key does not exist or is already revoked.");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ name: apiKeys.name, prefix: apiKeys.prefix });
    if (!row) throw new NotFoundError("That key does not exist or is already revoked.");
    await recordAudit(tx, actor, "api_key.revoke", { type: "api_key", id }, row);
  });
  identities.get(db)?.clear();
}

export interface ApiKeyIdentity {
  id: string;
  name: string;
  scope: ApiKeyScope;
}

// last_used_at is a convenience for the Settings list; writing it on every request would
// double the work of the tracking endpoints, so each process writes it at most once a minute.
const lastUsedWrites = new Map<string, number>();
const LAST_USED_INTERVAL_MS = 60_000;

// Every tracking request authenticates; which keys exist changes rarely. Identities are kept
// for a few seconds: revoking here takes effect at once, in another process within KEY_TTL_MS.
const KEY_TTL_MS = 5000;
const identities = new WeakMap<object, TtlCache<ApiKeyIdentity | undefined>>();

/** The active key with this secret, or undefined (missing, wrong or revoked). */
export async function authenticateApiKey(db: Db, secret: string): Promise<ApiKeyIdentity | undefined> {
  if (!KEY_SHAPE.test(secret)) return undefined;
  let cache = identities.get(db);
  if (!cache) identities.set(db, (cache = createTtlCache({ ttlMs: KEY_TTL_MS, maxEntries: 1000 })));
  const row = await cache.get(hashApiKey(secret), async () => {
    const [found] = await db
      .select({ id: apiKeys.id, name: apiKeys.name, scope: apiKeys.scope })
      .from(apiKeys)
      .where(and(eq(apiKeys.keyHash, hashApiKey(secret)), isNull(apiKeys.revokedAt)));
    return found;
  });
  if (!row) return undefined;
  const now = Date.now();
  if (now - (lastUsedWrites.get(row.id) ?? 0) > LAST_USED_INTERVAL_MS) {
    lastUsedWrites.set(row.id, now);
    await db.update(apiKeys).set({ lastUsedAt: new Date(now) }).where(eq(apiKeys.id, row.id));
  }
  return row;
}
