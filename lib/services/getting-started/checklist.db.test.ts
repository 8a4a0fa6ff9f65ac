import { describe, expect, test } from "vitest";
import { apiKey, click, partner, sale, settings } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { logTrackingEvent } from "@/lib/services/tracking-events";
import { getGettingStarted, type ChecklistStepId } from "./checklist";

const t = setupTestDatabase();
const APP = "http://localhost:3000";

async function done(): Promise<ChecklistStepId[]> {
  return (await getGettingStarted(t.db, APP)).filter((s) => s.done).map((s) => s.id);
}

describe("getting-started checklist", () => {
  test("each step turns done when its data appears, one at a time", async () => {
    const steps = await getGettingStarted(t.db, APP);
    expect(steps.map((s) => [s.id, s.href, s.done])).toEqual([
      ["store-url", "/settings", false],
      ["snippet", "/settings/integration", false],
      ["api-key", "/settings/api-keys", false],
      ["partner", "/partners/new", false],
      ["test-connection", "/settings/integration", false],
      ["first-sale", "/commissions/new", false],
    ]);

    // the app's own address (what NEXTAUTH_URL gives) is no store address either
    await settings(t.db, { storeUrl: `${APP}/shop` });
    expect(await done()).toEqual(["store-url"]);
    await settings(t.db, { storeUrl: `${APP}/` });
    expect(await getGettingStarted(t.db, "http://localhost:3000/")).toMatchObject([{ id: "store-url", done: false }, {}, {}, {}, {}, {}]);
    await settings(t.db, { storeUrl: "https://shop.example.com" });
    expect(await done()).toEqual(["store-url"]);

    await apiKey(t.db, "tracking");
    expect(await done()).toEqual(["store-url", "api-key"]);

    // a refused ping (a wrong key) is no connection
    await logTrackingEvent(t.db, { kind: "ping", status: 401, outcome: "invalid_api_key" });
    expect(await done()).not.toContain("test-connection");
    await logTrackingEvent(t.db, { kind: "ping", status: 200, outcome: "connected" });
    expect(await done()).toEqual(["store-url", "api-key", "test-connection"]);

    const p = await partner(t.db);
    expect(await done()).toEqual(["store-url", "api-key", "partner", "test-connection"]);

    await click(t.db, p.referralCode);
    expect(await done()).toEqual(["store-url", "snippet", "api-key", "partner", "test-connection"]);

    await sale(t.db);
    expect(await done()).toEqual(["store-url", "snippet", "api-key", "partner", "test-connection", "first-sale"]);
  });
});
