import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { ADMIN } from "./e2e/support/admin";
import { PROGRAM_SETTINGS as PROGRAM_SETTINGS_TAG } from "./e2e/support/program-settings";

// The suites run against the built app (`npm run build` first; e2e/support/serve.ts builds
// when there is no build). Without E2E_DATABASE_URL the app runs on a fresh embedded
// database in .data-e2e; with it, on a fresh PostgreSQL schema.

const port = Number(process.env.E2E_PORT ?? 3200);
const PROGRAM_SETTINGS = new RegExp(PROGRAM_SETTINGS_TAG);
// SCREENSHOTS=1: only the "docs" project (e2e/docs/screenshots.spec.ts), against a database
// seeded beforehand (`npm run cli -- db seed` with the same DATA_DIR or DATABASE_URL), which the
// server then keeps instead of starting fresh, with the suites' admin created at start.
const SCREENSHOTS = process.env.SCREENSHOTS === "1";
export const baseURL = `http://localhost:${port}`;

// Debian's Chromium where it is installed (Playwright cannot download browsers here), its
// headless shell first: what Playwright itself runs headless tests in, and on two cores it
// ran four of the suites in 137 s against 170 s in the full browser. Otherwise Playwright's own
// (`npx playwright install chromium`).
const DEBIAN_CHROMIUM = ["/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium"];
const executablePath = process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM.find((file) => existsSync(file));

// Suites about the pages themselves (the layout at three sizes, visible labels, the app icon,
// every page's security headers), not about what the database stores: on the embedded pass
// only, like the snippet's, so the PostgreSQL pass does not spend a minute and a half drawing
// the same pages again.
const PAGES_ONLY = process.env.E2E_DATABASE_URL ? [/\/layout\.spec\.ts$/, /\/form-labels\.spec\.ts$/, /\/app-icon\.spec\.ts$/, /\/security-headers\.spec\.ts$/] : [];

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    // Headless Chromium says "HeadlessChrome", which the click endpoint rightly treats as a
    // bot; the suites browse as an ordinary desktop Chrome.
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
    trace: "retain-on-failure",
    launchOptions: { executablePath },
  },
  projects: SCREENSHOTS
    ? [{ name: "docs", testMatch: /docs\/screenshots\.spec\.ts/ }]
    : [
        { name: "setup", testMatch: /admin\/first-admin\.setup\.ts/ },
        { name: "admin", testMatch: /admin\/.*\.spec\.ts/, testIgnore: PAGES_ONLY, grepInvert: PROGRAM_SETTINGS, dependencies: ["setup"], use: { storageState: "e2e/.auth/admin.json" } },
        // a store on another origin wired up through /track.js and the tracking API
        { name: "integration", testMatch: /integration\/.*\.spec\.ts/, grepInvert: PROGRAM_SETTINGS, dependencies: ["setup"], use: { storageState: "e2e/.auth/admin.json" } },
        // the partner portal; suites sign in as their own partners (admin state only where they need it)
        { name: "portal", testMatch: /portal\/.*\.spec\.ts/, testIgnore: PAGES_ONLY, grepInvert: PROGRAM_SETTINGS, dependencies: ["setup"] },
        // Tests that change the program's settings (one row every suite reads: the default rate,
        // the hold period, /apply…), tagged @program-settings: after the suites above, one at a
        // time, so no suite sees a setting change under it; each puts the defaults back when done
        // (e2e/support/program-settings.ts).
        {
          name: "program-settings",
          testMatch: /(admin|integration|portal)\/.*\.spec\.ts/,
          testIgnore: PAGES_ONLY,
          grep: PROGRAM_SETTINGS,
          dependencies: ["admin", "integration", "portal"],
          workers: 1,
        },
        { name: "ops", testMatch: /ops\/.*\.spec\.ts/ },
        // public/track.js against stub servers of its own: no app data, so it runs on the embedded
        // pass only (a PostgreSQL pass would run the same thing again)
        ...(process.env.E2E_DATABASE_URL ? [] : [{ name: "snippet", testMatch: /snippet\/.*\.spec\.ts/ }]),
      ],
  webServer: {
    command: "npx tsx e2e/support/serve.ts",
    url: `${baseURL}/login`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(port),
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      ...(SCREENSHOTS
        ? { DATA_DIR: process.env.DATA_DIR ?? ".data-docs", DATABASE_URL: process.env.DATABASE_URL ?? "", KEEP_DATABASE: "1", ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }
        : { DATA_DIR: ".data-e2e", DATABASE_URL: process.env.E2E_DATABASE_URL ?? "" }),
      NEXT_TELEMETRY_DISABLED: "1",
      // The suites stand in for the store's load balancer: each simulated visitor comes from its
      // own X-Forwarded-For address (e2e/support/store-api.ts), so rate limits and repeat-click
      // rules see many visitors, not one. e2e/ops/client-address.spec.ts tests 0 (the default).
      TRUST_PROXY_HOPS: "1",
    },
  },
});
