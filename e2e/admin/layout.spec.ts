import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { adminRoutes } from "../support/admin-routes";
import { createApiKeyInBrowser } from "../support/api-key";
import { everyDialogFailures, pageOverflowFailures, SIZES, tableFailures, type Size } from "../support/layout-checks";
import { restoreProgramDefaults } from "../support/program-settings";
import { unique, visit } from "../support/store-api";

// Every list and every dialog of the console at two laptop sizes and a phone: the identity,
// status and money columns of each list in view and uncovered, no text clipped without a title,
// no dialog wider than the window or scrolling sideways (e2e/support/layout-checks.ts says how).
// The data is made once: partners with long names, emails and a long IBAN, approved and pending
// commissions, a paid payout, a link, a product, a customer, a click.

const tag = unique("lay");
const LONG_NAME = `Maximiliana Featherstonehaugh-Worthington Affiliate Collective ${tag}`;
const LONG_EMAIL = (who: string) => `${who}.${tag}.partnerships-and-outreach@an-exceptionally-long-domain-name-example.com`;
const BANK = { payoutMethod: "bank_transfer", payoutDetails: { accountHolder: `Featherstonehaugh-Worthington Holdings International ${tag}`, iban: "MT84MALT011000012345MTLCAST001S", bic: "MALTMTMTXXX" } };

let key: string;
let pages: { path: string; rows: boolean; selectAll?: boolean }[];

interface Partner {
  id: string;
  name: string;
  referralCode: string;
  couponCodes: string[];
}

async function partner(request: APIRequestContext, who: string, payout: Record<string, unknown>): Promise<Partner> {
  const res = await request.post("/api/v1/partners", {
    headers: { Authorization: `Bearer ${key}` },
    data: { name: `${LONG_NAME} ${who}`, email: LONG_EMAIL(who), couponCodes: [unique("LAYOUTCOUPON").toUpperCase()], commissionType: "fixed", commissionRate: 7500, ...payout },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as Partner;
}

/** Sells once with the partner's coupon; answers the commission's id. */
async function sell(request: APIRequestContext, p: Partner): Promise<string> {
  const res = await request.post("/api/track/sale", {
    headers: { Authorization: `Bearer ${key}` },
    data: { orderId: unique(`${tag}-order-`), amount: 1_234_567, couponCode: p.couponCodes[0], customer: { email: LONG_EMAIL(`customer-${p.id.slice(-4)}`), name: `Customer of ${p.name}` } },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { commission: { id: string } }).commission.id;
}

async function approvePending(page: Page, count: number) {
  await page.goto(`/commissions?q=${tag}&status=pending`);
  await expect(page.getByTestId("data-row")).toHaveCount(count);
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByTestId("bulk-result")).toHaveText(`${count} approved.`);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
  key = await createApiKeyInBrowser(page, `Layout e2e ${tag}`);
  await restoreProgramDefaults(page); // no minimum payout above $75, USD
  const request = page.request;
  const bank = await partner(request, "bank", BANK);
  const paypal = await partner(request, "paypal", { payoutMethod: "paypal", payoutDetails: { email: LONG_EMAIL("paypal") } });
  const paid = await partner(request, "paid", BANK);
  const batched = await partner(request, "batched", { payoutMethod: "paypal", payoutDetails: { email: LONG_EMAIL("batched") } });
  for (const p of [bank, paypal, paid, batched]) await sell(request, p);
  await approvePending(page, 4);
  const pending = await sell(request, bank); // stays pending: Approve and Void on the list and its page
  await visit(request, `/r/${bank.referralCode}`);
  const link = await request.post("/api/v1/links", {
    headers: { Authorization: `Bearer ${key}` },
    data: { partnerId: bank.id, destinationUrl: `https://shop.example.com/collections/${tag}/an-exceptionally-long-collection-name-for-the-layout-check`, slug: unique("layout-") },
  });
  expect(link.status(), await link.text()).toBe(201);
  const product = await request.put("/api/v1/products", {
    headers: { Authorization: `Bearer ${key}` },
    data: [{ id: unique("sku-"), name: `Handwoven Merino Wool Travel Blanket, Extra Large ${tag}`, price: 1_234_567, url: `https://shop.example.com/products/${tag}` }],
  });
  expect(product.status(), await product.text()).toBeLessThan(300);
  // A rate group with a long name, so Products has its Edit and Remove dialogs.
  await page.goto("/products");
  await page.getByRole("button", { name: "Add rate group" }).click();
  const group = page.getByRole("dialog", { name: "Add rate group" });
  await group.getByLabel("Group name").fill(`Outdoor blankets and travel textiles, handwoven ${tag}`);
  await group.getByLabel("Rate type").selectOption("fixed");
  await group.getByLabel("Amount per unit (USD)").fill("12.50");
  const products = group.getByRole("combobox", { name: "Products" });
  await products.fill(`blanket, extra large ${tag}`);
  await group.getByRole("option", { name: new RegExp(tag) }).click();
  await products.press("Escape");
  await group.getByRole("button", { name: "Save rate group" }).click();
  await expect(group).toBeHidden();

  // A paid payout, through the Pay dialog as a merchant does.
  await page.goto(`/payouts?q=${encodeURIComponent(paid.name)}`);
  await page.getByRole("button", { name: `Pay ${paid.name}` }).click();
  await page.getByLabel("Transaction id").fill(`TX-${tag}`);
  await page.locator("dialog[open]").getByRole("button", { name: /^Pay \$/ }).click();
  await expect(page.getByTestId("pay-result")).toContainText("Paid");

  // A PayPal batch, for the batch lists and the batch page's dialogs.
  await page.goto(`/payouts?q=${encodeURIComponent(batched.name)}`);
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "PayPal batch…" }).click();
  await page.locator("dialog[open]").getByRole("button", { name: "Make PayPal batch" }).click();
  await expect(page).toHaveURL(/\/payouts\/batches\/[0-9a-f-]{36}$/);
  const batchPath = new URL(page.url()).pathname;

  await page.goto(`/payouts/history?q=${encodeURIComponent(paid.name)}`);
  const payoutHref = await page.getByTestId("data-row").first().locator('a[href^="/payouts/"]').first().getAttribute("href");
  // A second admin, with a long email, so Team has a Remove dialog.
  await page.goto("/settings/team");
  const add = page.getByRole("form", { name: "Add an admin" });
  await add.getByLabel("Name").fill(`Layout ${tag}`);
  await add.getByLabel("Email").fill(LONG_EMAIL("admin"));
  await add.getByLabel("Password", { exact: true }).fill("layout-check-password-1");
  await add.getByRole("button", { name: "Add admin" }).click();
  await expect(page.getByTestId("admin-row").filter({ hasText: LONG_EMAIL("admin") })).toHaveCount(1);

  await page.goto(`/customers?q=${tag}`);
  const customerHref = await page.getByTestId("data-row").first().locator('a[href^="/customers/"]').first().getAttribute("href");
  await page.close();

  pages = [
    { path: "/overview", rows: false },
    { path: `/partners?q=${tag}`, rows: true },
    { path: `/partners/${bank.id}`, rows: true },
    { path: `/customers?q=${tag}`, rows: true },
    { path: customerHref!, rows: true },
    { path: `/commissions?q=${tag}`, rows: true, selectAll: true },
    { path: `/commissions/${pending}`, rows: false },
    { path: "/commissions/new", rows: false },
    { path: "/partners/new", rows: false },
    { path: `/partners/${bank.id}/edit`, rows: false },
    { path: `/payouts?q=${tag}`, rows: true, selectAll: true },
    { path: `/payouts/history?q=${tag}`, rows: true },
    { path: payoutHref!, rows: true },
    { path: "/payouts/batches", rows: true },
    { path: batchPath, rows: true },
    { path: `/clicks?partner=${bank.id}`, rows: true },
    { path: `/links?partner=${bank.id}`, rows: true },
    { path: `/products?q=${tag}`, rows: true },
    { path: "/settings", rows: false },
    { path: "/settings/integration", rows: false },
    { path: "/settings/activity", rows: false },
    { path: "/settings/api-keys", rows: true },
    { path: "/settings/team", rows: false },
  ];
});

test("the check visits every page of the console", () => {
  // A page added to app/(admin) must be added above: the routes of the pages listed, with each
  // record's id put back as its [param].
  const visited = new Set(pages.map(({ path }) => path.split("?")[0]!.replace(/\/[0-9a-f-]{36}(?=\/|$)/g, "/[id]")));
  expect(adminRoutes().filter((route) => !visited.has(route))).toEqual([]);
});

async function failuresAt(page: Page, size: Size): Promise<string[]> {
  await page.setViewportSize({ width: size.width, height: size.height });
  const failures: string[] = [];
  for (const { path, rows, selectAll } of pages) {
    const where = `${size.name} ${path.split("?")[0]}`;
    await page.goto(path);
    await page.locator("main").waitFor();
    // A page streams its lists in after the shell: wait for the rows it should have.
    const firstRow = page.locator("main tbody tr").first();
    if (rows && !(await firstRow.waitFor({ state: "attached" }).then(() => true, () => false))) failures.push(`${where}: no rows to check`);
    failures.push(...(await pageOverflowFailures(page, where)));
    failures.push(...(await tableFailures(page, where, size.phone)));
    if (selectAll) await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
    const opened: string[] = [];
    failures.push(...(await everyDialogFailures(page, where, opened)));
    test.info().annotations.push({ type: "dialogs", description: `${path.split("?")[0]}: ${opened.join("; ") || "none"}` });
  }
  return failures;
}

for (const size of SIZES) {
  test(`at ${size.name} every list shows its essential columns and every dialog fits`, async ({ page }) => {
    test.setTimeout(120_000);
    expect(await failuresAt(page, size)).toEqual([]);
  });
}

test("a row's More menu: a menu button, Escape and a click elsewhere close it, arrow keys move through it", async ({ page }) => {
  await page.goto(`/commissions?q=${tag}&status=approved`);
  const row = page.getByTestId("data-row").first();
  const more = row.getByRole("button", { name: /^More actions for / });
  await expect(more).toHaveAttribute("aria-haspopup", "menu");
  await expect(more).toHaveAttribute("aria-expanded", "false");

  await more.click();
  const menu = row.getByRole("menu");
  await expect(more).toHaveAttribute("aria-expanded", "true");
  const items = menu.getByRole("menuitem");
  await expect(items).toHaveText(["Void…", "Mark as paid", "Details and history"]);
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(items.last()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(more).toHaveAttribute("aria-expanded", "false");
  await expect(more).toBeFocused();

  await more.click();
  await expect(menu).toBeVisible();
  await page.getByRole("heading", { level: 1 }).click();
  await expect(menu).toBeHidden();

  // an item that opens a dialog: the dialog stays when the menu closes
  await more.click();
  await menu.getByRole("menuitem", { name: "Void" }).click();
  await expect(page.getByRole("dialog", { name: /^Void the commission for / })).toBeVisible();
  await expect(menu).toBeHidden();
});
