import { describe, expect, test } from "vitest";
import { planBatch } from "./click-batch";

const t0 = new Date("2026-05-01T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe("planBatch", () => {
  test("distinct clicks each claim their keys", () => {
    const { size, plan } = planBatch(
      [
        { keys: ["v:a", "i:1"], at: t0 },
        { keys: ["v:b", "i:2"], at: t0 },
      ],
      100,
    );
    expect(size).toBe(2);
    expect(plan).toEqual([
      { claims: ["v:a", "i:1"], duplicateInBatch: false },
      { claims: ["v:b", "i:2"], duplicateInBatch: false },
    ]);
  });

  test("a repeat of a visitor or of an IP inside the batch is a duplicate and claims nothing", () => {
    const { plan } = planBatch(
      [
        { keys: ["v:a", "i:1"], at: t0 },
        { keys: ["v:a", "i:9"], at: at(1) },
        { keys: ["v:z", "i:1"], at: at(2) },
      ],
      100,
    );
    expect(plan.map((p) => p.duplicateInBatch)).toEqual([false, true, true]);
    expect(plan[1]!.claims).toEqual([]);
  });

  test("declined clicks have no keys and never conflict", () => {
    const { plan } = planBatch([{ keys: [], at: t0 }, { keys: [], at: t0 }], 100);
    expect(plan).toEqual([
      { claims: [], duplicateInBatch: false },
      { claims: [], duplicateInBatch: false },
    ]);
  });

  test("a key reused after more than an hour starts the next batch", () => {
    const { size } = planBatch(
      [
        { keys: ["v:a"], at: t0 },
        { keys: ["v:b"], at: at(30) },
        { keys: ["v:a"], at: at(61) },
      ],
      100,
    );
    expect(size).toBe(2);
  });

  test("the batch never exceeds its maximum size", () => {
    const pending = Array.from({ length: 10 }, (_, i) => ({ keys: [`v:${i}`], at: t0 }));
    expect(planBatch(pending, 4).size).toBe(4);
  });
});
