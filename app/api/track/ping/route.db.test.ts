import { describe, expect, test } from "vitest";
import { apiKey, settings } from "@/lib/testing/fixtures";
import { expectError, expectEveryBadKeyRefused, expectNothingWritten, getWith, readJson } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { GET } from "./route";

const t = setupTestDatabase();

describe("GET /api/track/ping", () => {
  test("with a good key answers 200 {ok: true, program}", async () => {
    const key = await apiKey(t.db);
    await settings(t.db, { name: "Acme Partners" });
    const res = await getWith(GET, "/api/track/ping", { key });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ ok: true, program: { name: "Acme Partners", currency: "USD", cookieDays: 30 } });
  });

  test("the scheme is case-insensitive, as in HTTP", async () => {
    const key = await apiKey(t.db);
    expect((await getWith(GET, "/api/track/ping", { headers: { authorization: `bearer ${key}` } })).status).toBe(200);
  });

  test("with tracking off it is 503 tracking_disabled, though the key is good", async () => {
    const key = await apiKey(t.db);
    await settings(t.db, { trackingEnabled: false });
    try {
      await expectError(await getWith(GET, "/api/track/ping", { key }), 503, "tracking_disabled");
    } finally {
      await settings(t.db, { trackingEnabled: true });
    }
    expect((await getWith(GET, "/api/track/ping", { key })).status).toBe(200);
  });

  test("without a key, or with a malformed, wrong or revoked one, it is 401", async () => {
    await expectNothingWritten(t.db, async () => expectError(await getWith(GET, "/api/track/ping"), 401, "missing_key"));
    await expectEveryBadKeyRefused(t.db, (headers) => getWith(GET, "/api/track/ping", { headers }));
  });
});
