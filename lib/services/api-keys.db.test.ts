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
    expect(await authenticateApiKey(t.db, key.secret)).toEqual({ id: key.id, name: "Used" });
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
