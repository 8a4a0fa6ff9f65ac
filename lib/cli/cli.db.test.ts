import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { acquireFolderLock } from "@/db/pglite-lock";
import { partner, sale, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { authenticateApiKey } from "@/lib/services/api-keys";
import { authenticateAdmin } from "@/lib/services/admin-users";
import { getSettings } from "@/lib/services/settings";
import { CLI } from "@/lib/services/actor";
import { createPartner } from "@/lib/services/partners";
import { runCli } from "./run";
import { eq } from "drizzle-orm";
import { auditLog, partners } from "@/db/schema";
import { stripeSigningSecrets } from "@/lib/services/connectors/secrets";
import { sealToken } from "@/lib/server/token-seal";

const t = setupTestDatabase();

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    openDb: async () => ({ db: t.db, kind: t.kind, close: async () => {} }),
  });
  return { code, out, err };
}

describe("npm run cli", () => {
  test("--help lists every command and exits 0", async () => {
    const { code, out } = await cli("--help");
    expect(code).toBe(0);
    for (const c of ["user create", "api-key create", "settings get", "settings set", "db migrate"]) expect(out.join("\n")).toContain(c);
  });

  test("user create makes an admin who can sign in", async () => {
    const { code } = await cli("user", "create", "--email", "Owner@Example.com", "--password", "correct horse battery");
    expect(code).toBe(0);
    const result = await authenticateAdmin(t.db, "owner@example.com", "correct horse battery");
    expect(result.ok).toBe(true);
  });

  test.each([
    [["user", "create", "--email", "not-an-email", "--password", "long enough pw"], 1, "--email"],
    [["user", "create", "--email", "a@example.com", "--password", "short"], 1, "--password"],
    [["user", "create", "--email", "owner@example.com", "--password", "another long pw"], 1, "already exists"],
    [["user", "create", "--password", "long enough pw"], 2, "--email: is required"],
    [["user", "create", "--emial", "x"], 2, "unknown option --emial"],
    [["api-key", "create"], 2, "--name: is required"],
    [["api-key", "create", "--name", "Shop", "--scope", "admin"], 2, "--scope: Choose full, tracking or publishable"],
    [["api-key", "create", "--name", "Shop", "--scope"], 2, "--scope"],
    [["frobnicate"], 2, "unknown command"],
    [["settings", "set", "holdDays", "soon"], 2, "whole number"],
    [["settings", "set", "cookieDays", "0"], 2, "cookieDays"],
    [["settings", "set", "colour", "blue"], 2, "unknown setting"],
  ])("%j exits %i with a one-line reason", async (argv, exitCode, reason) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(exitCode);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(reason);
  });

  test("api-key create prints a working secret alone on its last line", async () => {
    const { code, out } = await cli("api-key", "create", "--name", "Storefront");
    expect(code).toBe(0);
    const secret = out.at(-1)!;
    expect(secret).toMatch(/^sk_aff_\S{40,}$/);
    expect(await authenticateApiKey(t.db, secret)).toMatchObject({ name: "Storefront", scope: "full" });
  });

  test.each([
    ["tracking", /^sk_aff_/],
    ["publishable", /^pk_aff_/],
  ])("api-key create --scope %s makes a key of that scope", async (scope, prefix) => {
    const { code, out } = await cli("api-key", "create", "--name", `Scoped ${scope}`, "--scope", scope);
    expect(code).toBe(0);
    expect(out[0]).toContain(`${scope} API key`);
    expect(out.at(-1)).toMatch(prefix);
    expect(await authenticateApiKey(t.db, out.at(-1)!)).toMatchObject({ name: `Scoped ${scope}`, scope });
  });

  test("partner dashboard-url prints the partner's private URL; an unknown email exits 1", async () => {
    const partner = await createPartner(t.db, CLI, { name: "Dana Link", email: "dana@example.com" });
    const { code, out } = await cli("partner", "dashboard-url", "--email", "DANA@example.com");
    expect(code).toBe(0);
    expect(out).toEqual([partner.dashboardUrl]);
    expect(partner.dashboardUrl).toMatch(/\/p\/[A-Za-z0-9_-]{32}$/);
    const missing = await cli("partner", "dashboard-url", "--email", "nobody@example.com");
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toContain("No partner with the email");
  });

  test("partner dashboard-url says so when the URL was stored under another secret", async () => {
    const partner = await createPartner(t.db, CLI, { name: "Old Secret", email: "old-secret@example.com" });
    await t.db.update(partners).set({ dashboardTokenSealed: sealToken("a-token", "another-secret-of-more-than-32-characters") }).where(eq(partners.id, partner.id));
    const { code, err } = await cli("partner", "dashboard-url", "--email", "old-secret@example.com");
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain("stored under another NEXTAUTH_SECRET");
  });

  test("settings set and get use stored units, and bad values change nothing", async () => {
    expect((await cli("settings", "set", "defaultCommissionRate", "1250")).code).toBe(0);
    expect((await cli("settings", "set", "trackingEnabled", "false")).code).toBe(0);
    expect((await cli("settings", "set", "actionCommissions", '{"signup": 200}')).code).toBe(0);
    expect((await cli("settings", "get", "defaultCommissionRate")).out).toEqual(["1250"]);
    const before = await getSettings(t.db);
    expect((await cli("settings", "set", "defaultCommissionRate", "20000")).code).toBe(2);
    expect(await getSettings(t.db)).toEqual(before);
    const all = (await cli("settings", "get")).out;
    expect(all).toContain("trackingEnabled=false");
    expect(all).toContain('actionCommissions={"signup":200}');
  });

  test("settings set stripeWebhookSecret switches the Stripe connector on; the secret is never printed or audited", async () => {
    const secret = "whsec_cli_0123456789abcdefghij";
    expect(await cli("settings", "set", "stripeWebhookSecret", secret)).toMatchObject({ code: 0, out: ["stripeWebhookSecret=(set)"] });
    expect((await stripeSigningSecrets(t.db)).accepted).toEqual([secret]);
    expect((await cli("settings", "get", "stripeWebhookSecret")).out).toEqual(["set"]);
    const all = (await cli("settings", "get")).out;
    expect(all).toContain("stripeWebhookSecret=(set)");
    expect(all.join("\n")).not.toContain("whsec_");
    const audits = await t.db.select({ details: auditLog.details }).from(auditLog);
    expect(JSON.stringify(audits)).not.toContain(secret);
    const bad = await cli("settings", "set", "stripeWebhookSecret", "sk_live_not_a_webhook_secret");
    expect(bad.code).toBe(2);
    expect(bad.err.join("\n")).toContain("whsec_");
    expect((await stripeSigningSecrets(t.db)).accepted).toEqual([secret]);
    expect((await cli("settings", "set", "stripeWebhookSecret", "")).code).toBe(0);
    expect((await stripeSigningSecrets(t.db)).accepted).toEqual([]);
  });

  test("settings set currency is refused with the reason once money exists", async () => {
    expect((await cli("settings", "set", "currency", "EUR")).code).toBe(0);
    expect((await cli("settings", "set", "currency", "USD")).code).toBe(0);
    const p = await partner(t.db, { couponCodes: [uid("CLI")] });
    await sale(t.db, { amount: 50_000, couponCode: p.couponCodes[0] });
    const { code, err } = await cli("settings", "set", "currency", "JPY");
    expect(code).toBe(2);
    expect(err.join("\n")).toContain("currency: The currency is fixed once money is recorded: orders and commissions exist in USD");
    expect((await getSettings(t.db)).currency).toBe("USD");
  });
});

describe("the CLI process", () => {
  test("refuses to open an embedded database a running server holds", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "aff-cli-"));
    const lock = await acquireFolderLock(path.join(dataDir, "pglite.lock"), path.join(dataDir, "pglite"));
    try {
      const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/main.ts", "db", "migrate"], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("in use by another process");
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    } finally {
      lock.release();
    }
  });
});
