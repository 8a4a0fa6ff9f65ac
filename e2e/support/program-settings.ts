import { expect, type Browser, type Page } from "@playwright/test";

// The program settings are one row shared by every suite. The suites are written against the
// app's defaults (USD, 10 % by default, a 30-day hold, no minimum payout, last click…), so:
// - a suite that relies on them calls useProgramDefaults() before its tests: it puts back
//   any setting that differs (and only reads when none does);
// - a test that changes them is tagged PROGRAM_SETTINGS: playwright.config.ts runs those
//   after every other suite, one at a time, and each puts the defaults back when done.

export const PROGRAM_SETTINGS = "@program-settings";
export const ADMIN_STATE = "e2e/.auth/admin.json";

// Field labels of the Settings form and their default values, in the order they are set: the
// currency and the commission type first, since the rate's and the minimum's labels follow them.
const SELECTS: Record<string, string> = { Currency: "USD", "Default commission type": "percentage", "Time zone": "UTC", "Attribution model": "last_click" };
const TEXTS: Record<string, string> = {
  "Program name": "Affiliate Program",
  "Store URL": "http://localhost:3000/",
  "Cookie duration (days)": "30",
  "Default rate (%)": "10",
  "Hold period (days)": "30",
  "Minimum payout (USD)": "0.00",
};
const SWITCHES: Record<string, boolean> = {
  "Accept applications at /apply": false,
  "Tracking enabled": true,
  "Lifetime customer attribution": true,
  "No commission on upgrades": false,
  "Block self-referrals": true,
  "Branded coupon codes": false,
};

/** Puts the defaults back on the Settings page (a signed-in admin's); answers the labels it changed. */
export async function restoreProgramDefaults(page: Page): Promise<string[]> {
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Program settings" });
  const changed: string[] = [];
  for (const [label, value] of Object.entries(SELECTS)) {
    const field = form.getByLabel(label, { exact: true });
    if ((await field.inputValue()) !== value) {
      await field.selectOption(value);
      changed.push(label);
    }
  }
  for (const [label, value] of Object.entries(TEXTS)) {
    const field = form.getByLabel(label, { exact: true });
    if ((await field.inputValue()) !== value) {
      await field.fill(value);
      changed.push(label);
    }
  }
  for (const [label, on] of Object.entries(SWITCHES)) {
    const field = form.getByRole("switch", { name: label, exact: true });
    if ((await field.isChecked()) !== on) {
      await field.setChecked(on);
      changed.push(label);
    }
  }
  // no action commissions (the form shows one empty row then)
  const events = form.getByLabel(/^Event name \d+$/);
  if ((await events.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).some((v) => v.trim())) {
    while ((await events.count()) > 0) await form.getByRole("button", { name: "Remove event 1" }).click();
    changed.push("Action commissions");
  }
  if (changed.length) {
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByTestId("form-message")).toHaveText("Settings saved.");
  }
  return changed;
}

/** For a suite's beforeAll/afterAll: the defaults, set through an admin page of its own. */
export async function useProgramDefaults(browser: Browser): Promise<void> {
  const page = await browser.newPage({ storageState: ADMIN_STATE });
  try {
    await restoreProgramDefaults(page);
  } finally {
    await page.close();
  }
}
