import { describe, expect, it } from "vitest";
import { sumCollections } from "./gc-promotion";

// The lines are shortened --trace-gc-nvp output of node 20 (one collection a line).
const scavenge = (promoted: number, pause = 1.5) => `[1:0x1]    10 ms: pause=${pause} mutator=2.0 gc=s reduce_memory=0 promoted=${promoted} semi_space_copied=100`;
const markCompact = (promoted: number, pause = 9) => `[1:0x1]    20 ms: pause=${pause} mutator=5.0 gc=mc reduce_memory=0 promoted=${promoted}`;

describe("sumCollections", () => {
  it("counts only the collections between START and END (not the warm-up's)", () => {
    const output = [scavenge(999_999), "START", scavenge(1000), scavenge(2000, 2.5), markCompact(0), "END", markCompact(5000)].join("\n");
    expect(sumCollections(output)).toEqual({ scavenges: 2, markCompacts: 1, promotedBytes: 3000, pauseMs: 13 });
  });

  it("reports nothing for a loop without collections", () => {
    expect(sumCollections(["START", "END"].join("\n"))).toEqual({ scavenges: 0, markCompacts: 0, promotedBytes: 0, pauseMs: 0 });
  });
});
