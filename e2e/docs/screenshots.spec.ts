import { expect, test, type Page } from "@playwright/test";
import { ADMIN, expectSignedIn, signIn } from "../support/admin";

// Screenshots for the README, taken on demand (not part of the CI projects) on a seeded demo
// program at a 1366×900 laptop size. playwright.config.ts adds the "docs" project, and starts
// the server on the seeded database without wiping it, only when SCREENSHOTS=1:
//
//   rm -rf .data-docs && DATA_DIR=.data-docs npm run cli -- db seed
//   SCREENSHOTS=1 DATA_DIR=.data-docs npx playwright test --project=docs

test.use({ viewport: { width: 1366, height: 900 } });

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  // Charts draw after hydration; give their first animation time to finish.
  await page.waitForTimeout(800);
}

test("overview, the Pay dialog and commissions at 1366×900", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expectSignedIn(page);

  await page.goto("/overview");
  await settle(page);
  await page.screenshot({ path: "docs/screenshots/overview.png" });

  await page.goto("/payouts");
  const pay = page.getByTestId("data-row").first().getByRole("button", { name: /^Pay / });
  await expect(pay, "the demo program should have a partner due a payout: seed the database first").toBeVisible();
  await pay.click();
  await expect(page.locator("dialog[open]")).toBeVisible();
  await settle(page);
  await page.screenshot({ path: "docs/screenshots/payouts-pay-dialog.png" });

  await page.goto("/commissions");
  await expect(page.getByTestId("data-row").first()).toBeVisible();
  await settle(page);
  await page.screenshot({ path: "docs/screenshots/commissions.png" });
});
