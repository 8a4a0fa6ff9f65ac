import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { useProgramDefaults } from "../support/program-settings";

// The Partners pages as a merchant uses them. Other suites run against the same app and
// database at the same time, so every test makes partners of its own (unique names, emails
// and coupons) and only reads those rows back, through the list's search.

function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

interface NewPartner {
  name: string;
  email: string;
  status?: "approved" | "pending";
  coupon?: string;
}

/** Adds a coupon row: typed when branded coupons are on, generated (then overwritten) when off. */
async function addCoupon(page: Page, code: string, index = 1) {
  const add = page.getByRole("button", { name: "Add coupon" });
  if (await add.isVisible()) await add.click();
  else await page.getByRole("button", { name: "Generate coupon" }).click();
  await page.getByLabel(`Coupon code ${index}`).fill(code);
}

async function fillNewPartner(page: Page, p: NewPartner) {
  await page.goto("/partners/new");
  await page.getByLabel("Name", { exact: true }).fill(p.name);
  await page.getByLabel("Email", { exact: true }).fill(p.email);
  await page.getByLabel("Status").selectOption(p.status ?? "approved");
  if (p.coupon) await addCoupon(page, p.coupon);
}

/** Creates a partner through the form; returns its page URL. */
async function createPartner(page: Page, p: NewPartner): Promise<string> {
  await fillNewPartner(page, p);
  await page.getByRole("button", { name: "Add partner" }).click();
  await expect(page).toHaveURL(/\/partners\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: p.name })).toBeVisible();
  return page.url();
}

async function searchList(page: Page, text: string) {
  await page.goto("/partners");
  await page.getByRole("searchbox", { name: "Search" }).fill(text);
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(text);
}

const rowOf = (page: Page, text: string) => page.getByTestId("data-row").filter({ hasText: text });

// the amounts and the export's currency are the program default's (USD)
test.beforeAll(async ({ browser }) => useProgramDefaults(browser));

test("a partner added with a coupon is listed with it", async ({ page }) => {
  const p = { name: unique("Jane Coupon "), email: `${unique("jane-")}@example.com`, coupon: unique("JANE").toUpperCase() };
  await createPartner(page, p);
  await expect(page.getByTestId("coupon-codes")).toContainText(p.coupon);
  await expect(page.getByTestId("partner-status")).toHaveText("Approved");

  await searchList(page, p.email);
  const row = rowOf(page, p.email);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(p.name);
  await expect(row).toContainText(p.coupon);
  await expect(row).toContainText("Approved");
  await expect(page.getByTestId("pagination-summary")).toHaveText("1–1 of 1");
});

test("a pending partner is approved from the list", async ({ page }) => {
  const p = { name: unique("Pete Pending "), email: `${unique("pete-")}@example.com`, status: "pending" as const };
  await createPartner(page, p);
  await expect(page.getByTestId("partner-status")).toHaveText("Pending");

  await searchList(page, p.email);
  const row = rowOf(page, p.email);
  await expect(row).toContainText("Pending");
  await row.getByRole("button", { name: `Approve ${p.name}` }).click();
  await expect(row).toContainText("Approved");
  await row.getByRole("button", { name: `More actions for ${p.name}` }).click();
  await expect(row.getByRole("menuitem", { name: "Suspend" })).toBeVisible();

  // approved for good, not just on screen
  await page.reload();
  await expect(rowOf(page, p.email)).toContainText("Approved");
});

test("suspending asks first and says what happens to the coupons", async ({ page }) => {
  const p = { name: unique("Sam Suspend "), email: `${unique("sam-")}@example.com`, coupon: unique("SAM").toUpperCase() };
  await createPartner(page, p);
  await page.getByRole("button", { name: "Suspend" }).click();
  const dialog = page.getByRole("dialog", { name: `Suspend ${p.name}?` });
  await expect(dialog).toContainText("coupon code stays assigned to them but stops crediting sales");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("partner-status")).toHaveText("Approved");

  await page.getByRole("button", { name: "Suspend" }).click();
  await dialog.getByRole("button", { name: "Suspend partner" }).click();
  await expect(page.getByTestId("partner-status")).toHaveText("Suspended");
  await expect(page.getByTestId("coupon-codes")).toContainText(p.coupon);
  await page.getByRole("button", { name: `Reinstate ${p.name}` }).click();
  await expect(page.getByTestId("partner-status")).toHaveText("Approved");
});

test("a partner's rate changed to a fixed 5.00 shows in the list", async ({ page }) => {
  const p = { name: unique("Fiona Fixed "), email: `${unique("fiona-")}@example.com` };
  const url = await createPartner(page, p);
  await page.getByRole("link", { name: "Edit", exact: true }).first().click();
  await expect(page).toHaveURL(`${url}/edit`);
  await page.getByLabel("Commission").selectOption("fixed");
  await page.getByLabel(/^Amount \(/).fill("5.00");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(url);
  await expect(page.getByTestId("partner-rate")).toHaveText("$5.00");

  await searchList(page, p.email);
  await expect(rowOf(page, p.email)).toContainText("$5.00");

  // the edit form shows the amount as typed
  await page.goto(`${url}/edit`);
  await expect(page.getByLabel("Commission")).toHaveValue("fixed");
  await expect(page.getByLabel(/^Amount \(/)).toHaveValue("5.00");
});

test("search finds a partner by coupon code", async ({ page }) => {
  const coupon = unique("FINDME").toUpperCase();
  const p = { name: unique("Cora Coupon "), email: `${unique("cora-")}@example.com`, coupon };
  await createPartner(page, p);
  await searchList(page, coupon.toLowerCase());
  await expect(page.getByTestId("data-row")).toHaveCount(1);
  await expect(rowOf(page, p.name)).toContainText(coupon);
});

test("a duplicate email is shown under the field and nothing is saved", async ({ page }) => {
  const first = { name: unique("Dora First "), email: `${unique("dora-")}@example.com` };
  await createPartner(page, first);

  const second = { name: unique("Dora Second "), email: first.email.toUpperCase() };
  await fillNewPartner(page, second);
  await page.getByRole("button", { name: "Add partner" }).click();
  await expect(page.getByTestId("error-email")).toHaveText("A partner with this email already exists.");
  await expect(page.getByTestId("form-message")).toHaveText(/Nothing was saved/);
  await expect(page).toHaveURL(/\/partners\/new$/);
  // what was typed stays, to be corrected
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(second.name);

  await searchList(page, second.name);
  await expect(page.getByTestId("data-row")).toHaveCount(0);
  await expect(page.getByTestId("empty-state")).toBeVisible();
});

test("reset password gives the partner a new dashboard URL", async ({ page }) => {
  await createPartner(page, { name: unique("Rita Reset "), email: `${unique("rita-")}@example.com` });
  const before = (await page.getByTestId("dashboard-url").textContent())!.trim();
  expect(before).toMatch(/\/p\/[\w-]{20,}$/);

  await page.getByRole("button", { name: "Reset password" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("The current dashboard URL stops working at once");
  await dialog.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByTestId("dashboard-url")).not.toHaveText(before);
  const after = (await page.getByTestId("dashboard-url").textContent())!.trim();
  expect(after).toMatch(/\/p\/[\w-]{20,}$/);

  await page.goto("/settings/activity");
  await expect(page.getByText("Partner password reset").first()).toBeVisible();
});

test("Export CSV downloads the rows the search matches, from every page", async ({ page }) => {
  const tag = unique("csvtag");
  const names = [`Ada ${tag}`, `Bob ${tag}`];
  for (const name of names) await createPartner(page, { name, email: `${unique("csv-")}@example.com` });
  await createPartner(page, { name: unique("Other "), email: `${unique("other-")}@example.com` });

  await searchList(page, tag);
  await expect(page.getByTestId("data-row")).toHaveCount(2);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^partners-.*\.csv$/);
  const text = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toBe("name,email,status,referralCode,couponCodes,rateType,rate,clicks,conversions,revenue,commissions,balance,pending,currency,joined");
  expect(lines).toHaveLength(3);
  expect(lines.slice(1).map((l) => l.split(",")[0]).sort()).toEqual(names.sort());
  for (const line of lines.slice(1)) expect(line).toMatch(/,approved,.*,default,,0,0,0\.00,0\.00,0\.00,0\.00,USD,\d{4}-/);
});

test("an unknown or malformed partner id shows “Partner not found”", async ({ page }) => {
  // (the status is 200: the page streams behind its loading skeleton before it knows)
  for (const path of ["/partners/00000000-0000-4000-8000-000000000000", "/partners/not-a-uuid", "/partners/not-a-uuid/edit"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Partner not found" })).toBeVisible();
  }
});
