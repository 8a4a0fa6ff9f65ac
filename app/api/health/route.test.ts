import { expect, test, vi } from "vitest";

// The health check must answer without the database: if it ever opened one, these throw.
vi.mock("@/db/client", () => ({
  getDb: () => {
    throw new Error("GET /api/health touched the database");
  },
  openAppDatabase: () => {
    throw new Error("GET /api/health touched the database");
  },
}));
vi.mock("@/db/open", () => ({
  openDatabase: () => {
    throw new Error("GET /api/health touched the database");
  },
}));

test("GET /api/health answers 200 {ok: true} as JSON without touching the database", async () => {
  const { GET } = await import("./route");
  const res = await GET();
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  expect(await res.json()).toEqual({ ok: true });
});
