import { describe, expect, test } from "vitest";
import { click, partner, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { listRecentEvents, logTrackingEvent } from "./tracking-events";

const t = setupTestDatabase();

describe("the Integration log", () => {
  test("events logged at the same moment (sharing a statement) are each listed once, newest first", async () => {
    const tag = uid("evt-");
    await Promise.all(Array.from({ length: 40 }, (_, i) => logTrackingEvent(t.db, { kind: "sale", status: 201, outcome: "not attributed", reference: `${tag}-${String(i).padStart(2, "0")}` })));
    await logTrackingEvent(t.db, { kind: "sale", status: 422, outcome: "invalid_request", reference: `${tag}-bad`, message: "x".repeat(600) });
    const mine = (await listRecentEvents(t.db, 50)).filter((e) => e.reference?.startsWith(tag));
    expect(mine).toHaveLength(41);
    expect(mine[0]).toMatchObject({ reference: `${tag}-bad`, status: 422, outcome: "invalid_request" });
    expect(mine[0]!.message).toHaveLength(500);
    expect(mine.slice(1).map((e) => e.reference)).toEqual(Array.from({ length: 40 }, (_, i) => `${tag}-${String(39 - i).padStart(2, "0")}`));
  });

  test("the Server calls view leaves out browser clicks; the Errors view keeps only refused requests", async () => {
    const tag = uid("view-");
    const p = await partner(t.db);
    await click(t.db, p.referralCode);
    await logTrackingEvent(t.db, { kind: "sale", status: 201, outcome: "attributed via click", reference: `${tag}-sale` });
    await logTrackingEvent(t.db, { kind: "refund", status: 422, outcome: "invalid_request", reference: `${tag}-refund` });
    await logTrackingEvent(t.db, { kind: "click", status: 404, outcome: "unknown_ref", reference: `${tag}-ref` });
    await logTrackingEvent(t.db, { kind: "ping", status: 200, outcome: "ok", reference: `${tag}-ping` });
    const mine = async (view: "all" | "server" | "errors") => (await listRecentEvents(t.db, 50, view)).filter((e) => e.reference?.startsWith(tag) || e.reference === p.referralCode).map((e) => e.reference);

    expect(await mine("all")).toEqual([`${tag}-ping`, `${tag}-ref`, `${tag}-refund`, `${tag}-sale`, p.referralCode]);
    expect(await mine("server")).toEqual([`${tag}-ping`, `${tag}-refund`, `${tag}-sale`]);
    expect(await mine("errors")).toEqual([`${tag}-ref`, `${tag}-refund`]);
  });
});
