import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parseEnv } from "@/lib/env";
import { ConfigError } from "@/lib/errors";
import { resolveAuthSecret } from "./auth-secret";

const dataDir = mkdtempSync(path.join(tmpdir(), "auth-secret-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const resolve = (vars: Record<string, string>) => () => resolveAuthSecret(parseEnv({ DATA_DIR: dataDir, ...vars }));

describe("the session secret", () => {
  test.each([
    [{ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(31) }, "NEXTAUTH_SECRET is too short (31 characters)"],
    [{ NODE_ENV: "production", AUTH_SECRET: "short" }, "AUTH_SECRET is too short (5 characters)"],
    [{ NODE_ENV: "production", NEXTAUTH_SECRET: "secret" }, "at least 32"],
    [{ NODE_ENV: "production" }, "NEXTAUTH_SECRET is not set"],
  ])("production refuses %j: %s", (vars, message) => {
    expect(resolve(vars)).toThrow(ConfigError);
    expect(resolve(vars)).toThrow(message);
  });

  test("production accepts 32 characters or more", () => {
    expect(resolve({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32) })()).toBe("x".repeat(32));
  });

  test("development takes a short secret as given, and generates a long one when none is set", () => {
    expect(resolve({ NODE_ENV: "development", NEXTAUTH_SECRET: "dev" })()).toBe("dev");
    const generated = resolve({ NODE_ENV: "development" })();
    expect(generated.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim()).toBe(generated);
  });
});
