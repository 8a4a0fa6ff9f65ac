import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { apiKeys } from "@/db/schema";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM } from "./actor";
import { authenticateApiKey, createApiKey, hashApiKey, listApiKeys, revokeApiKey } from "./api-keys";

const t = setupTestDatabase();

describe("API keys", () => {
  test("only a hash of the secret is stored; the list shows prefix, name, dates", async () => {
    const key = await createApiKey(t.db, SYSTEM, { name: "Shop" });
    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row!.keyHash).toBe(hashApiKey(key.secret));
    expect(JSON.stringify(row)).not.toContain(key.secret);
    expect(key.secret.startsWith(key.prefix)).toBe(true);
    const [listed] = await listApiKeys(t.db);
    expect(listed).toMatchObject({ name: "Shop", prefix: key.prefix, revokedAt: null });
    expect(listed).not.toHaveProperty("keyHash");
  });

  test("a key authenticates and records when it was last used", async () => {
    const key = await createApiKey(t.db, SYSTEM, { name: "Used" });
    expect(await authenticateApiKey(t.db, key.secret)).toEqual({ id: key.id, name: "Used", scope: "full" });
    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row!.lastUsedAt).toBeInstanceOf(Date);
  });

  test("wrong, malformed and revoked keys do not authenticate", async () => {
    const key = await createApiKey(t.db, SYSTEM, { name: "Revoked" });
    expect(await authenticateApiKey(t.db, key.secret.slice(0, -1) + "x")).toBeUndefined();
    expect(await authenticateApiKey(t.db, "Bearer nonsense")).toBeUndefined();
    await revokeApiKey(t.db, SYSTEM, key.id);
    expect(await authenticateApiKey(t.db, key.secret)).toBeUndefined();
    await expect(revokeApiKey(t.db, SYSTEM, key.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeApiKey(t.db, SYSTEM, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });

  test("a key needs a name", async () => {
    await expect(createApiKey(t.db, SYSTEM, { name: "  " })).rejects.toBeInstanceOf(InvalidError);
  });
});

describe("scopes", () => {
  test.each([
    ["full", /^sk_aff_[\w-]{43}$/],
    ["tracking", /^sk_aff_[\w-]{43}$/],
    ["publishable", /^pk_aff_[\w-]{43}$/],
  ] as const)("a %s key is made, listed and authenticated with its scope", async (scope, shape) => {
    const key = await createApiKey(t.db, SYSTEM, { name: `Scoped ${scope}`, scope });
    expect(key.secret).toMatch(shape);
    expect(key.scope).toBe(scope);
    expect((await listApiKeys(t.db)).find((k) => k.id === key.id)).toMatchObject({ scope, prefix: key.secret.slice(0, 13) });
    expect(await authenticateApiKey(t.db, key.secret)).toEqual({ id: key.id, name: `Scoped ${scope}`, scope });
  });

  test("without a scope a key is full, as every key made before scopes", async () => {
    const key = await createApiKey(t.db, SYSTEM, { name: "Default" });
    expect(key.scope).toBe("full");
    expect(key.secret.startsWith("sk_aff_")).toBe(true);
  });

  test("an unknown scope is refused on the scope field and writes nothing", async () => {
    const before = (await listApiKeys(t.db)).length;
    const error = await createApiKey(t.db, SYSTEM, { name: "Bad", scope: "admin" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).details?.[0]?.field).toBe("scope");
    expect((await listApiKeys(t.db)).length).toBe(before);
  });

  test("the database refuses a scope it does not know and a publishable key that looks secret", async () => {
    const row = { name: "raw", prefix: "sk_aff_abcdef", keyHash: hashApiKey(`raw-${Date.now()}`) };
    await expect(t.db.insert(apiKeys).values({ ...row, scope: "admin" as never })).rejects.toThrow();
    await expect(t.db.insert(apiKeys).values({ ...row, scope: "publishable" })).rejects.toThrow();
    await expect(t.db.insert(apiKeys).values({ ...row, prefix: "pk_aff_abcdef", scope: "full" })).rejects.toThrow();
  });
});
