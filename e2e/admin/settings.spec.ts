import { expect, test, type Page } from "@playwright/test";
import { createApiKeyInBrowser } from "../support/api-key";
import { ADMIN_STATE, PROGRAM_SETTINGS, restoreProgramDefaults, useProgramDefaults } from "../support/program-settings";
import { createPartnerViaApi, recordSaleViaApi, unique } from "../support/store-api";

// The Settings form changes the program for every suite at once, so these tests are tagged
// PROGRAM_SETTINGS (run after the other suites, one at a time) and put the defaults back.

test.use({ storageState: ADMIN_STATE });
test.describe.configure({ mode: "serial" });
test.afterAll(async ({ browser }) => useProgramDefaults(browser));

test("a settings change is saved and still there after a reload", { tag: PROGRAM_SETTINGS }, async ({ page }) => {
  await page.goto("/settings");
  await page.getByLabel("Program name").fill("Acme Partner Program");
  await page.getByLabel("Hold period (days)").fill("14");
  await page.getByLabel("Cookie duration (days)").fill("45");
  await page.getByLabel("Attribution model").selectOption("first_click");
  await page.getByLabel("Default rate (%)").fill("12.5");
  await page.getByLabel("Minimum payout (USD)").fill("50.00");
  await page.getByLabel("Event name 1").fill("signup");
  await page.getByLabel("Amount for event 1").fill("2.00");
  await page.getByRole("switch", { name: "Branded coupon codes" }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Settings saved.");

  await page.reload();
  await expect(page.getByLabel("Program name")).toHaveValue("Acme Partner Program");
  await expect(page.getByLabel("Hold period (days)")).toHaveValue("14");
  await expect(page.getByLabel("Cookie duration (days)")).toHaveValue("45");
  await expect(page.getByLabel("Attribution model")).toHaveValue("first_click");
  await expect(page.getByLabel("Default rate (%)")).toHaveValue("12.5");
  await expect(page.getByLabel("Minimum payout (USD)")).toHaveValue("50.00");
  await expect(page.getByLabel("Event name 1")).toHaveValue("signup");
  await expect(page.getByLabel("Amount for event 1")).toHaveValue("2.00");
  await expect(page.getByRole("switch", { name: "Branded coupon codes" })).toBeChecked();
  // the program's name is what the console shows
  await expect(page.getByRole("link", { name: /Acme Partner Program/ }).first()).toBeVisible();

  await page.goto("/settings/activity");
  // the log reads in words and money, not keys and minor units
  const entry = page.getByRole("listitem").filter({ hasText: "Settings changed" }).first();
  await expect(entry).toContainText("Minimum payout$0.00 → $50.00");
  await expect(entry).toContainText("Hold period30 days → 14 days");
  await expect(entry).toContainText("Default rate10 % → 12.5 %");
  await expect(entry.getByRole("link", { name: "Program settings" })).toHaveAttribute("href", "/settings");
});

test("bad values get field messages and change nothing", { tag: PROGRAM_SETTINGS }, async ({ page }) => {
  await page.goto("/settings");
  const saved = { cookieDays: await page.getByLabel("Cookie duration (days)").inputValue(), rate: await page.getByLabel("Default rate (%)").inputValue() };
  await page.getByLabel("Cookie duration (days)").fill("0");
  await page.getByLabel("Hold period (days)").fill("two weeks");
  await page.getByLabel("Default rate (%)").fill("150");
  await page.getByLabel("Store URL").fill("not a url");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("form-message")).toHaveText(/Nothing was saved/);
  await expect(page.getByTestId("error-holdDays")).toHaveText("Enter a whole number of days.");
  // what was typed stays in place so it can be corrected
  await expect(page.getByLabel("Hold period (days)")).toHaveValue("two weeks");

  await page.getByLabel("Hold period (days)").fill("14");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("error-cookieDays")).toHaveText("At least 1 day.");
  await expect(page.getByTestId("error-defaultCommissionRate")).toHaveText("A percentage can be at most 100 %.");
  await expect(page.getByTestId("error-storeUrl")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Cookie duration (days)")).toHaveValue(saved.cookieDays);
  await expect(page.getByLabel("Default rate (%)")).toHaveValue(saved.rate);
});

test("a form submitted after the session ended saves nothing", { tag: PROGRAM_SETTINGS }, async ({ page, context, browser }) => {
  await page.goto("/settings");
  const holdDays = await page.getByLabel("Hold period (days)").inputValue();
  await context.clearCookies();
  await page.getByLabel("Hold period (days)").fill("99");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Your session has ended. Sign in again.");
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login/);
  const admin = await browser.newPage({ storageState: ADMIN_STATE });
  await admin.goto("/settings");
  await expect(admin.getByLabel("Hold period (days)")).toHaveValue(holdDays);
  await admin.close();
});

/** The hold period set on the Settings page, applied to pending commissions or not. */
async function saveHold(page: Page, days: string, applyToPending: boolean) {
  await page.goto("/settings");
  await page.getByLabel("Hold period (days)").fill(days);
  const note = page.getByTestId("hold-note");
  await expect(note).toContainText(/pending commissions? keep their current date/);
  if (applyToPending) {
    await note.getByRole("checkbox", { name: /Apply the new period/ }).check();
    await expect(note).toContainText(`payable ${days} days after their sale`);
  }
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Settings saved.");
}

test("a new hold period: the form says pending commissions keep their date, and moves them when asked", { tag: PROGRAM_SETTINGS }, async ({ page, request }) => {
  await restoreProgramDefaults(page); // a 30-day hold (the tests above changed it)
  const key = await createApiKeyInBrowser(page, `Hold period e2e ${unique()}`);
  const coupon = unique("HOLD").toUpperCase();
  await createPartnerViaApi(request, key, { couponCodes: [coupon] });
  const sale = await recordSaleViaApi(request, key, { amount: 10_000, couponCode: coupon });
  expect(sale.commission?.status).toBe("pending");
  const payableOn = async () => {
    await page.goto(`/commissions/${sale.commission!.id}`);
    return (await page.getByText(/approved automatically on/).textContent())!;
  };
  const inUtc = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString("en-US", { timeZone: "UTC", dateStyle: "medium" });
  expect(await payableOn()).toContain(inUtc(30));

  await page.goto("/settings");
  await expect(page.getByTestId("hold-note")).toHaveCount(0); // nothing changed yet, nothing to say
  await saveHold(page, "7", false);
  expect(await payableOn()).toContain(inUtc(30)); // kept, as the note said

  await saveHold(page, "14", true);
  expect(await payableOn()).toContain(inUtc(14));
  await page.goto("/settings/activity");
  const entry = page.getByRole("listitem").filter({ hasText: "Hold period applied to pending commissions" }).first();
  await expect(entry).toContainText("Hold period14 days");
  await expect(entry).toContainText(/Pending commissions moved[1-9]/);

  // the default back, for the pending commissions too
  await saveHold(page, "30", true);
  expect(await payableOn()).toContain(inUtc(30));
});
