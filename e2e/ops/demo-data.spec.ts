import { mkdtempSync, rmSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startApp, waitUntilReady, type AppProcess } from "../support/app-process";
import { createPostgresDatabase } from "../support/postgres";

// A first run on a server of its own (the suites' shared database is never empty): the
// Overview's getting-started card loads the demo program in the server process, the app
// answers a request made meanwhile (on the embedded database only once the seed has committed:
// one connection), and "Clear demo data" gives the empty program back. Logs the timings.

const SECRET = "ops-test-secret-0123456789abcdef";
const admin = { email: "demo@example.com", password: "demo admin password" };
const onPostgres = !!process.env.E2E_DATABASE_URL;
const PORT = Number(process.env.E2E_PORT ?? 3200) + 110;

/**
 * GET on a connection of its own. fetch would reuse the keep-alive socket left by
 * waitUntilReady, which `next start` closes after 5 s idle: with the event loop busy seeding,
 * that close can land just as the request goes out, and the request dies with ECONNRESET.
 */
function statusOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on("error", reject);
  });
}

let app: AppProcess | undefined;
test.afterEach(async () => {
  await app?.stop();
});

test("a new program loads the demo from the Overview, answers a request made meanwhile, and clears it again", async ({ page }) => {
  test.setTimeout(240_000);
  const db = onPostgres
    ? await createPostgresDatabase(process.env.E2E_DATABASE_URL!, `aff_demo_${process.pid}`).then((d) => ({ env: { DATABASE_URL: d.url }, cleanup: d.drop }))
    : (() => {
        const dir = mkdtempSync(path.join(tmpdir(), "aff-demo-"));
        return { env: { DATA_DIR: dir, DATABASE_URL: "" }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
      })();
  try {
    app = startApp(PORT, { ...db.env, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: `http://localhost:${PORT}`, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password });
    await waitUntilReady(app);
    await page.goto(`${app.url}/login`);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/overview$/);

    const card = page.getByRole("region", { name: "Getting started" });
    await expect(card).toContainText("0 of 6 done");
    await card.getByRole("button", { name: "Load demo data" }).click();
    const started = Date.now();
    await expect(card.getByRole("button", { name: /Loading demo data/ })).toBeDisabled();
    // the sign-in page (a database read) while the seed runs
    const probe = Date.now();
    expect(await statusOnNewConnection(`${app.url}/login`)).toBe(200);
    const probeMs = Date.now() - probe;
    await expect(page.getByTestId("demo-data-message")).toContainText(/^Demo program loaded in [\d.]+ s: \d+ partners and \d+ orders over 90 days\.$/, { timeout: 180_000 });
    const loadMs = Date.now() - started;
    console.log(`demo load: ${(loadMs / 1000).toFixed(1)} s in the browser (${await page.getByTestId("demo-data-message").innerText()}); /login during the seed answered in ${probeMs} ms`);

    // the demo program is there: partners, and product pictures the app serves itself
    await expect(card).toContainText("4 of 6 done");
    await page.goto(`${app.url}/products`);
    const image = page.locator("img[src*='/demo/products/']").first();
    const picture = await page.request.get((await image.getAttribute("src"))!);
    expect(picture.status()).toBe(200);
    expect(picture.headers()["content-type"]).toMatch(/^image\/svg\+xml/);

    await page.goto(`${app.url}/overview`);
    await card.getByRole("button", { name: "Clear demo data" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Clear demo data" }).click();
    await expect(page.getByTestId("demo-data-message")).toContainText(/^Demo data cleared: \d+ partners and \d+ orders removed\.$/);
    await page.goto(`${app.url}/partners`);
    await expect(page.getByText("No partners yet — add your first partner")).toBeVisible();
    await expect(page.getByText("Northwind Outdoor Partners")).toHaveCount(0);
    await page.goto(`${app.url}/overview`);
    await expect(card).toContainText("0 of 6 done");
    await expect(card.getByRole("button", { name: "Load demo data" })).toBeVisible();
  } finally {
    if (test.info().status !== test.info().expectedStatus) console.log(app?.output().slice(-3000));
    await app?.stop();
    app = undefined;
    await db.cleanup();
  }
});
