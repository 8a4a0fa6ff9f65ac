import { readdirSync } from "node:fs";
import path from "node:path";
import { defineConfig, type Project } from "@playwright/test";
import base from "./playwright.config";

// The suites that share the app, one file at a time and in another order than usual, to show
// that none passes only because of what another left behind (README, "Tests"):
//   npx playwright test -c playwright.order.config.ts              # files in reverse order
//   npx playwright test -c playwright.order.config.ts --shuffle=7  # in a random order (seeded)
// Each file is a project of its own, listed in reverse order: with one worker Playwright runs
// the projects of a phase in the order listed, or shuffles them with --shuffle. The tests
// that change program settings (@program-settings) run in their file's place here, not last.
// The ops and /track.js suites run servers and stubs of their own and are left out.

const GROUPS = ["admin", "integration", "portal"] as const;
const ADMIN_STATE = { storageState: "e2e/.auth/admin.json" };

const files = GROUPS.flatMap((group) =>
  readdirSync(path.join("e2e", group))
    .filter((f) => f.endsWith(".spec.ts"))
    .map((f) => `${group}/${f}`),
)
  .sort()
  .reverse();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const perFile: Project[] = files.map((file) => ({
  name: file,
  testMatch: new RegExp(`${escape(file)}$`),
  dependencies: ["setup"],
  // as in playwright.config.ts: admin and integration suites start signed in as the admin
  use: file.startsWith("portal/") ? {} : ADMIN_STATE,
}));

export default defineConfig({
  ...base,
  workers: 1,
  projects: [{ name: "setup", testMatch: /admin\/first-admin\.setup\.ts/ }, ...perFile],
});
