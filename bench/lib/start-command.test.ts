import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseStartScript, readStartCommand } from "./start-command";

describe("parseStartScript", () => {
  it("splits npm start into its environment, node's flags and next's arguments", () => {
    expect(parseStartScript("NEXT_MANUAL_SIG_HANDLE=1 node --max-semi-space-size=32 --no-foo node_modules/next/dist/bin/next start --keepAliveTimeout 65000")).toEqual({
      env: { NEXT_MANUAL_SIG_HANDLE: "1" },
      nodeFlags: ["--max-semi-space-size=32", "--no-foo"],
      nextArgs: ["--keepAliveTimeout", "65000"],
    });
  });

  it("takes a script with no environment, flags or arguments", () => {
    expect(parseStartScript("node node_modules/next/dist/bin/next start")).toEqual({ env: {}, nodeFlags: [], nextArgs: [] });
  });

  it("refuses what it would misread", () => {
    expect(() => parseStartScript("next start")).toThrow(/is not VAR=value/);
    expect(() => parseStartScript("node node_modules/next/dist/bin/next build")).toThrow(/is not VAR=value/);
    expect(() => parseStartScript('node --title "a b" node_modules/next/dist/bin/next start')).toThrow(/shell syntax/);
    expect(() => parseStartScript("node node_modules/next/dist/bin/next start && echo done")).toThrow(/shell syntax/);
  });
});

describe("readStartCommand", () => {
  it("reads this app's own npm start", () => {
    const start = readStartCommand(path.resolve(__dirname, "..", ".."));
    expect(start.env.NEXT_MANUAL_SIG_HANDLE).toBe("1");
    expect(start.nextArgs).toEqual(["--keepAliveTimeout", "65000"]);
    expect(start.nodeFlags.length).toBeGreaterThan(0);
  });
});
