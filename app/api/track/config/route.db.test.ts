import { describe, expect, test } from "vitest";
import { settings } from "@/lib/testing/fixtures";
import { expectError, expectNothingWritten, getWith, readJson } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { GET, OPTIONS } from "./route";

const t = setupTestDatabase();

const getConfig = () => getWith(GET, "/api/track/config", { headers: { origin: "https://shop.example.com" } });

describe("GET /api/track/config", () => {
  test("answers what /track.js needs, to any origin, without a key", async () => {
    const res = await getConfig();
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(await readJson(res)).toEqual({ trackingEnabled: true, cookieDays: 30 });
  });

  test("a changed cookie duration is answered at once", async () => {
    await settings(t.db, { cookieDays: 90 });
    try {
      expect(await readJson(await getConfig())).toEqual({ trackingEnabled: true, cookieDays: 90 });
    } finally {
      await settings(t.db, { cookieDays: 30 });
    }
    expect((await readJson(await getConfig())).cookieDays).toBe(30);
  });

  test("with tracking off it is 503 tracking_disabled, with CORS headers", async () => {
    await settings(t.db, { trackingEnabled: false });
    try {
      await expectNothingWritten(t.db, async () => {
        const res = await getConfig();
        expect(res.headers.get("access-control-allow-origin")).toBe("*");
        await expectError(res, 503, "tracking_disabled");
      });
    } finally {
      await settings(t.db, { trackingEnabled: true });
    }
    expect((await getConfig()).status).toBe(200);
  });

  test("OPTIONS answers the preflight with 204", async () => {
    const res = await OPTIONS();
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toMatch(/\bGET\b/);
  });
});
