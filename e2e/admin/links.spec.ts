import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { createApiKeyInBrowser } from "../support/api-key";
import { createPartnerViaApi, recordSaleViaApi, unique, visit } from "../support/store-api";
import { restoreProgramDefaults } from "../support/program-settings";

// Custom links in the console. Each test works on a partner and slugs of its own.

let key: string;
// From 1536 px the list shows its secondary columns too (narrower screens hide them).
const WIDE = { width: 1600, height: 900 };

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
  key = await createApiKeyInBrowser(page, `Links e2e ${unique()}`);
  await restoreProgramDefaults(page); // this suite counts on the program defaults: USD and tracking on
  await page.close();
});

async function openNewLink(page: Page, partnerName: string) {
  await page.goto("/links");
  await page.getByRole("button", { name: "New link" }).click();
  const dialog = page.getByRole("dialog", { name: "New link" });
  await dialog.getByRole("combobox", { name: "Partner" }).fill(partnerName);
  await dialog.getByRole("option", { name: new RegExp(partnerName) }).click();
  await expect(dialog.getByTestId("chip-partnerId")).toContainText(partnerName);
  return dialog;
}

test("create a custom link for a partner and see its stats after a click and a sale", async ({ page, request }) => {
  await page.setViewportSize(WIDE); // every column shown: the cells below are counted by position
  const partner = await createPartnerViaApi(request, key, { name: `Linky ${unique()}` });
  const slug = unique("spring-");

  const dialog = await openNewLink(page, partner.name);
  await dialog.getByLabel("Destination URL").fill("https://shop.example.com/products/trail-runner");
  await dialog.getByLabel("Slug (optional)").fill(slug);
  await dialog.getByLabel("Commission").selectOption("percentage");
  await dialog.getByLabel("Rate (%)").fill("12.5");
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog).toBeHidden();

  await page.getByLabel("Search").fill(slug);
  const row = page.getByTestId("data-row").filter({ hasText: `/a/${slug}` });
  await expect(row).toHaveCount(1);
  await expect(page.getByTestId("data-row")).toHaveCount(1);
  await expect(row).toContainText(partner.name);
  await expect(row).toContainText("12.5 %");
  await expect(row).toContainText("Admin");
  await expect(row.getByRole("cell").nth(4)).toHaveText("0");

  // a visitor clicks the link and buys; the store reports the sale
  const visitorId = await visit(request, `/a/${slug}`);
  const sale = await recordSaleViaApi(request, key, { amount: 10_000, visitorId });
  expect(sale.commission).toMatchObject({ amount: 1_250 });

  await page.reload();
  await expect(row.getByRole("cell").nth(4)).toHaveText("1"); // clicks
  await expect(row.getByRole("cell").nth(5)).toHaveText("1"); // sales
  await expect(row.getByRole("cell").nth(6)).toHaveText("$100.00");
  await expect(row.getByRole("cell").nth(7)).toHaveText("$12.50");
});

test("a link for a partner not approved yet: field errors, edit, export and delete", async ({ page, request }) => {
  await page.setViewportSize(WIDE); // every column shown: the cells below are counted by position
  const partner = await createPartnerViaApi(request, key, { name: `Editor ${unique()}`, status: "pending" });
  const other = await createPartnerViaApi(request, key);
  const slug = unique("deal-");

  let dialog = await openNewLink(page, partner.name);
  await dialog.getByLabel("Destination URL").fill("shop.example.com/no-scheme");
  await dialog.getByLabel("Slug (optional)").fill(other.referralCode);
  await dialog.getByLabel("Commission").selectOption("percentage");
  await dialog.getByLabel("Rate (%)").fill("120");
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog.getByTestId("error-rate")).toHaveText("A percentage is at most 100 %.");
  await dialog.getByLabel("Commission").selectOption("");
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog.getByTestId("error-destinationUrl")).toBeVisible();
  await dialog.getByLabel("Destination URL").fill("https://shop.example.com/deal");
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog.getByTestId("error-slug")).toHaveText("This slug is taken.");
  await dialog.getByLabel("Slug (optional)").fill(slug);
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog).toBeHidden();

  await page.goto(`/links?partner=${partner.id}`);
  await expect(page.getByTestId("chip-partner-filter")).toContainText(partner.name);
  const row = page.getByTestId("data-row").filter({ hasText: `/a/${slug}` });
  await expect(page.getByTestId("data-row")).toHaveCount(1);
  await expect(row).toContainText("Partner's rate");

  // edit: a fixed rate and another destination
  await row.getByRole("button", { name: `Edit /a/${slug}` }).click();
  dialog = page.getByRole("dialog", { name: `Edit /a/${slug}` });
  await dialog.getByLabel("Destination URL").fill("https://shop.example.com/deal-2");
  await dialog.getByLabel("Commission").selectOption("fixed");
  await dialog.getByLabel("Amount (USD)").fill("5.00");
  await dialog.getByRole("button", { name: "Save link" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("cell").nth(3)).toHaveText("$5.00");
  await expect(row).toContainText("shop.example.com/deal-2");

  // the export holds the filtered links
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const lines = readFileSync((await (await downloading).path())!, "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`${slug},`);
  expect(lines[1]).toContain("https://shop.example.com/deal-2,fixed,5.00,0,0,0.00,0.00,USD,admin,");

  // delete, after saying what happens to the clicks
  await row.getByRole("button", { name: `More actions for /a/${slug}` }).click();
  await row.getByRole("menuitem", { name: "Delete" }).click();
  const confirm = page.getByRole("dialog", { name: `Delete /a/${slug}?` });
  await expect(confirm).toContainText("Its clicks stay in the log");
  await confirm.getByRole("button", { name: "Delete link" }).click();
  await expect(row).toHaveCount(0);
  const gone = await request.get(`/a/${slug}`, { maxRedirects: 0 });
  expect(gone.status()).toBe(404);
});

test("on a laptop screen the list fits its card without scrolling sideways, and a row's actions stay in view", async ({ page, request }) => {
  const partner = await createPartnerViaApi(request, key, { name: `Laptop ${unique()}` });
  const slug = unique("wide-");
  const res = await request.post("/api/v1/links", {
    headers: { Authorization: `Bearer ${key}` },
    data: { partnerId: partner.id, destinationUrl: "https://shop.example.com/collections/a-rather-long-collection-name", slug },
  });
  expect(res.status(), await res.text()).toBe(201);

  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`/links?partner=${partner.id}`);
  const row = page.getByTestId("data-row").filter({ hasText: `/a/${slug}` });
  await expect(row).toHaveCount(1);
  const widths = await page.getByRole("table", { name: "Links" }).evaluate((table) => {
    const scroller = table.parentElement!;
    return { table: scroller.scrollWidth, card: scroller.clientWidth, page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth };
  });
  // secondary columns collapse below 1536 px, so the list fits and neither it nor the page scrolls
  expect(widths.table).toBeLessThanOrEqual(widths.card);
  expect(widths.page).toBeLessThanOrEqual(widths.window);
  await expect(row.getByRole("button", { name: `Edit /a/${slug}` })).toBeInViewport();
  await expect(row.getByRole("button", { name: `More actions for /a/${slug}` })).toBeInViewport();
});
