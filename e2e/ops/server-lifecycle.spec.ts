import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startApp, waitUntilReady, type AppProcess } from "../support/app-process";
import { createPostgresDatabase } from "../support/postgres";

// Servers of the tests' own: restarting keeps data, and bad configurations stop the start
// with a message instead of losing data or answering 500s.

const SECRET = "ops-test-secret-0123456789abcdef";
const admin = { email: "ops@example.com", password: "ops admin password" };
const onPostgres = !!process.env.E2E_DATABASE_URL;
// Ports of these servers' own, next to the suite's (E2E_PORT), so runs on other ports do not collide.
const PORT = Number(process.env.E2E_PORT ?? 3200) + 101;

test.describe.configure({ mode: "serial" });

// Every server a test starts is stopped after it, passed or failed (a test that times out
// never reaches its own clean-up): one left running would hold its port for the next run.
const started: AppProcess[] = [];
function start(port: number, env: Record<string, string | undefined>): AppProcess {
  const app = startApp(port, env);
  started.push(app);
  return app;
}
test.afterEach(async () => {
  await Promise.all(started.splice(0).map((app) => app.stop()));
});

async function database(name: string) {
  if (onPostgres) {
    const db = await createPostgresDatabase(process.env.E2E_DATABASE_URL!, `${name}_${process.pid}`);
    return { env: { DATABASE_URL: db.url }, cleanup: db.drop };
  }
  const dir = mkdtempSync(path.join(tmpdir(), `${name}-`));
  return { env: { DATA_DIR: dir, DATABASE_URL: "" }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

test("settings survive a restart, and SIGTERM closes the database cleanly", async ({ page }) => {
  const db = await database("aff_restart");
  const port = PORT;
  const env = { ...db.env, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: `http://localhost:${port}`, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password };
  try {
    let app = start(port, env);
    await waitUntilReady(app);
    expect(app.output()).toContain(`Created admin ${admin.email} from ADMIN_EMAIL`);

    await page.goto(`${app.url}/login`);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/overview$/);
    await page.goto(`${app.url}/settings`);
    await page.getByLabel("Hold period (days)").fill("21");
    await page.getByRole("switch", { name: "Tracking enabled" }).uncheck();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByTestId("form-message")).toHaveText("Settings saved.");

    expect(await app.stop()).toBe(0);
    expect(app.output()).toContain("SIGTERM received: closing the database");

    app = start(port, env);
    await waitUntilReady(app);
    // no second admin from ADMIN_EMAIL, and the session cookie still works with the same secret
    expect(app.output()).not.toContain("Created admin");
    await page.goto(`${app.url}/settings`);
    await expect(page.getByLabel("Hold period (days)")).toHaveValue("21");
    await expect(page.getByRole("switch", { name: "Tracking enabled" })).not.toBeChecked();
    expect(await app.stop()).toBe(0);
  } finally {
    await db.cleanup();
  }
});

test("a second server on the same embedded database stops with a clear message", async () => {
  test.skip(onPostgres, "PostgreSQL serves many processes; the lock is for the embedded database");
  const db = await database("aff_lock");
  try {
    const first = start(PORT + 1, { ...db.env, NEXTAUTH_SECRET: SECRET });
    await waitUntilReady(first);
    const second = start(PORT + 2, { ...db.env, NEXTAUTH_SECRET: SECRET });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain("Cannot start: The embedded database");
    expect(second.output()).toContain("is in use by another process");
    // the first one is unharmed
    expect((await fetch(`${first.url}/login`)).status).toBe(200);
    expect(await first.stop()).toBe(0);
  } finally {
    await db.cleanup();
  }
});

test("a crash leaves the lock file behind, and the next start takes it over at once", async () => {
  test.skip(onPostgres, "PostgreSQL serves many processes; the lock is for the embedded database");
  const db = await database("aff_crash");
  const env = { ...db.env, NEXTAUTH_SECRET: SECRET };
  const lock = path.join(db.env.DATA_DIR!, "pglite.lock");
  try {
    const first = startApp(3308, env);
    await waitUntilReady(first);
    // the running server keeps touching its lock (the heartbeat thread works in the build)
    const touched = statSync(lock).mtimeMs;
    await expect.poll(() => statSync(lock).mtimeMs, { timeout: 5_000 }).toBeGreaterThan(touched);
    await first.crash();
    expect(existsSync(lock)).toBe(true);

    const second = startApp(3308, env);
    await waitUntilReady(second);
    // same machine and PID namespace: known to be dead, no waiting for the heartbeat
    expect(second.output()).not.toContain("Waiting up to");
    expect(await second.stop()).toBe(0);
    expect(existsSync(lock)).toBe(false);
  } finally {
    await db.cleanup();
  }
});

test("production without NEXTAUTH_SECRET refuses to start and says what to set", async () => {
  const db = await database("aff_nosecret");
  try {
    const app = start(PORT + 3, { ...db.env, NEXTAUTH_SECRET: "", AUTH_SECRET: "", NODE_ENV: "production" });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain("NEXTAUTH_SECRET is not set");
    expect(app.output()).toContain("openssl rand -base64 32");
  } finally {
    await db.cleanup();
  }
});

test("production with a NEXTAUTH_SECRET shorter than 32 characters refuses to start and says why", async () => {
  const db = await database("aff_shortsecret");
  try {
    const app = startApp(3304, { ...db.env, NEXTAUTH_SECRET: "a".repeat(31), AUTH_SECRET: "", NODE_ENV: "production" });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain("NEXTAUTH_SECRET is too short (31 characters)");
    expect(app.output()).toContain("openssl rand -base64 32");
  } finally {
    await db.cleanup();
  }
});
