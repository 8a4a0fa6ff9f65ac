import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN } from "../support/admin";
import { createApiKeyInBrowser } from "../support/api-key";
import { restoreProgramDefaults } from "../support/program-settings";

// The Commissions pages as a merchant uses them. Other suites share the app and database, so
// every test makes partners and sales of its own (through the API, as a store would) and
// looks only at those, through the list's partner filter.

let key: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
  key = await createApiKeyInBrowser(page, "Commissions e2e");
  await restoreProgramDefaults(page); // this suite counts on the program defaults: the program default rate (10 %) and hold period
  await page.close();
});

function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

interface Partner {
  id: string;
  name: string;
  email: string;
  couponCodes: string[];
}

async function createPartner(request: APIRequestContext, body: Record<string, unknown> = {}): Promise<Partner> {
  const name = unique("Comm Partner ");
  const res = await request.post("/api/v1/partners", {
    headers: { Authorization: `Bearer ${key}` },
    data: { name, email: `${unique("comm-")}@example.com`, couponCodes: [unique("CM").toUpperCase()], ...body },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as Partner;
}

/** A sale through the tracking API with the partner's coupon; returns the order id. */
async function sell(request: APIRequestContext, partner: Partner, amount = 10_000): Promise<string> {
  const orderId = unique("ord-");
  const res = await request.post("/api/track/sale", { headers: { Authorization: `Bearer ${key}` }, data: { orderId, amount, couponCode: partner.couponCodes[0] } });
  expect(res.status()).toBe(201);
  expect(await res.json()).toMatchObject({ attribution: "coupon", commission: { status: "pending" } });
  return orderId;
}

const rowOf = (page: Page, orderId: string) => page.getByTestId("data-row").filter({ hasText: orderId });

async function openList(page: Page, partner: Partner) {
  await page.goto(`/commissions?partner=${partner.id}`);
  await expect(page.getByRole("button", { name: `Remove ${partner.name}` })).toBeVisible(); // the partner filter shows who
}

/** The partner type-ahead: search by name, pick the match (a new pick replaces the last). */
async function pickPartner(page: Page, partner: Partner) {
  await page.getByRole("combobox", { name: "Partner" }).fill(partner.name);
  await page.getByRole("option", { name: new RegExp(partner.name) }).click();
  await expect(page.getByRole("button", { name: `Remove ${partner.name}` })).toBeVisible();
}

test("voiding a commission asks why, and the reason shows in the list and the history", async ({ page, request }) => {
  const partner = await createPartner(request);
  const orderId = await sell(request, partner);
  await openList(page, partner);
  const row = rowOf(page, orderId);
  await expect(row).toContainText("Pending");
  await expect(row).toContainText("$100.00"); // order amount
  await expect(row).toContainText("$10.00"); // 10 % program default

  await row.getByRole("button", { name: /^More actions/ }).click();
  await row.getByRole("menuitem", { name: "Void" }).click();
  const dialog = page.getByRole("dialog", { name: `Void the commission for ${orderId}?` });
  await dialog.getByRole("button", { name: "Void commission" }).click();
  await expect(dialog.getByTestId("error-reason")).toBeVisible();
  await dialog.getByLabel("Reason").fill("Customer cancelled by phone");
  await dialog.getByRole("button", { name: "Void commission" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByText("Void", { exact: true })).toBeVisible();
  await expect(row.getByTestId("void-reason")).toHaveText("Customer cancelled by phone");
  await row.getByRole("button", { name: /^More actions/ }).click();
  await expect(row.getByRole("menuitem", { name: "Details and history" })).toBeVisible();
  await expect(row.getByRole("menuitem", { name: "Void" })).toHaveCount(0);
  await page.keyboard.press("Escape");

  await row.getByTestId("commission-link").click();
  await expect(page.getByRole("heading", { level: 1, name: `Commission for order ${orderId}` })).toBeVisible();
  await expect(page.getByTestId("commission-status")).toContainText("Customer cancelled by phone");
  const entries = page.getByTestId("history-entry");
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText("Pending");
  await expect(entries.first()).toContainText("by API (Commissions e2e)");
  await expect(entries.last()).toContainText("Pending");
  await expect(entries.last()).toContainText("Void");
  await expect(entries.last()).toContainText(`by ${ADMIN.email}`);
  await expect(entries.last()).toContainText("Customer cancelled by phone");
});

test("approving a pending commission before its hold period ends", async ({ page, request }) => {
  const partner = await createPartner(request);
  const orderId = await sell(request, partner);
  await openList(page, partner);
  await rowOf(page, orderId).getByTestId("commission-link").click();
  await expect(page.getByTestId("commission-status")).toContainText("approved automatically on");

  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByTestId("commission-action-message")).toHaveText("Commission approved.");
  await expect(page.getByTestId("commission-status")).toHaveText("Approved");
  await expect(page.getByTestId("history-entry").last()).toContainText(`by ${ADMIN.email}`);
  await expect(page.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
});

test("an approved commission can be marked as paid by hand, and back", async ({ page, request }) => {
  const partner = await createPartner(request);
  const orderId = await sell(request, partner);
  await openList(page, partner);
  const row = rowOf(page, orderId);

  await row.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(row.getByText("Approved", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: /^More actions/ }).click();
  await row.getByRole("menuitem", { name: "Mark as paid" }).click();
  await expect(row.getByText("Paid", { exact: true })).toBeVisible();
  await expect(row).toContainText("Marked paid");
  // a paid commission cannot be voided: only "Mark as unpaid" is offered
  await row.getByRole("button", { name: /^More actions/ }).click();
  await expect(row.getByRole("menuitem", { name: "Mark as unpaid" })).toBeVisible();
  await expect(row.getByRole("menuitem", { name: "Void" })).toHaveCount(0);
  await row.getByRole("menuitem", { name: "Mark as unpaid" }).click();
  await expect(row.getByText("Approved", { exact: true })).toBeVisible();

  await page.goto(`/commissions?partner=${partner.id}&status=approved`);
  await expect(rowOf(page, orderId)).toHaveCount(1);
  await expect(page.getByTestId("total-approved")).toContainText("$10.00");
});

test("bulk approve: the selected pending commissions are approved, the others skipped and counted", async ({ page, request }) => {
  const partner = await createPartner(request);
  const [a, b, c] = [await sell(request, partner, 5_000), await sell(request, partner, 6_000), await sell(request, partner, 7_000)];
  await openList(page, partner);
  await expect(page.getByTestId("data-row")).toHaveCount(3);
  await expect(page.getByTestId("total-pending")).toContainText("$18.00");

  await rowOf(page, a).getByRole("checkbox", { name: "Select row" }).check();
  await rowOf(page, b).getByRole("checkbox", { name: "Select row" }).check();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await expect(bulk).toContainText("2 selected");
  await bulk.getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByTestId("bulk-result")).toHaveText("2 approved.");
  await expect(rowOf(page, a).getByText("Approved", { exact: true })).toBeVisible();
  await expect(rowOf(page, b).getByText("Approved", { exact: true })).toBeVisible();
  await expect(rowOf(page, c).getByText("Pending", { exact: true })).toBeVisible();
  await expect(page.getByTestId("total-approved")).toContainText("$11.00");

  // again, with one that is already approved
  await rowOf(page, a).getByRole("checkbox", { name: "Select row" }).check();
  await rowOf(page, c).getByRole("checkbox", { name: "Select row" }).check();
  await bulk.getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByTestId("bulk-result")).toHaveText("1 approved, 1 skipped: not pending.");
  await expect(rowOf(page, c).getByText("Approved", { exact: true })).toBeVisible();
});

test("the list filters by status and dates, searches by order id, and exports what it shows", async ({ page, request }) => {
  const partner = await createPartner(request);
  const [a, b] = [await sell(request, partner, 5_000), await sell(request, partner, 8_000)];
  await openList(page, partner);
  await page.getByRole("searchbox", { name: "Search" }).fill(b);
  await expect(page.getByTestId("data-row")).toHaveCount(1);
  await expect(rowOf(page, b)).toBeVisible();

  await page.goto(`/commissions?partner=${partner.id}&status=void`);
  await expect(page.getByTestId("empty-state")).toBeVisible();
  // no day in the far past holds these sales
  await page.goto(`/commissions?partner=${partner.id}&to=2001-01-01`);
  await expect(page.getByTestId("empty-state")).toBeVisible();

  const csv = await page.request.get(`/api/admin/commissions?partner=${partner.id}&sort=amount&dir=asc`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split(/\r?\n/);
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain(a);
  expect(lines[1]).toContain("5.00");
  expect(lines[2]).toContain(b);
});

test("a manual sale earns by the usual rules: fixed 5.00 → 5.00, program default 10 % of 49.99 → 5.00", async ({ page, request }) => {
  const fixed = await createPartner(request, { commissionType: "fixed", commissionRate: 500 });
  const byDefault = await createPartner(request);
  const pending = await createPartner(request, { status: "pending", couponCodes: [] });

  await page.goto("/commissions/new");
  // only approved partners can be picked
  await page.getByRole("combobox", { name: "Partner" }).fill(pending.name);
  await expect(page.getByText("No matches")).toBeVisible();
  await page.getByRole("combobox", { name: "Partner" }).fill("");

  const orderId = unique("phone-");
  await pickPartner(page, fixed);
  await page.getByLabel("Order id").fill(orderId);
  await page.getByLabel("Amount (USD)", { exact: true }).fill("49.99");
  await page.getByLabel("Customer email (optional)").fill(`${unique("buyer-")}@example.com`);
  await page.getByRole("button", { name: "Record sale" }).click();
  const result = page.getByTestId("manual-sale-result");
  await expect(result).toContainText(`Sale ${orderId} recorded: the partner earns $5.00 (pending).`);
  await expect(page.getByLabel("Order id")).toHaveValue(""); // ready for the next one

  // the same order again with other values: a clear error on the order id, nothing recorded
  await pickPartner(page, fixed);
  await page.getByLabel("Order id").fill(orderId);
  await page.getByLabel("Amount (USD)", { exact: true }).fill("59.99");
  await page.getByRole("button", { name: "Record sale" }).click();
  await expect(page.getByTestId("error-orderId")).toContainText(`Order ${orderId} is already recorded with other values`);
  // the same values: the existing commission
  await page.getByLabel("Amount (USD)", { exact: true }).fill("49.99");
  await page.getByLabel("Customer email (optional)").fill("");
  await page.getByRole("button", { name: "Record sale" }).click();
  await expect(page.getByTestId("error-orderId")).toBeVisible(); // the customer differs, so still another sale

  const second = unique("phone-");
  await pickPartner(page, byDefault);
  await page.getByLabel("Order id").fill(second);
  await page.getByLabel("Amount (USD)", { exact: true }).fill("49.99");
  await page.getByRole("button", { name: "Record sale" }).click();
  await expect(result).toContainText(`Sale ${second} recorded: the partner earns $5.00 (pending).`);
  await pickPartner(page, byDefault);
  await page.getByLabel("Order id").fill(second);
  await page.getByLabel("Amount (USD)", { exact: true }).fill("49.99");
  await page.getByRole("button", { name: "Record sale" }).click();
  await expect(result).toContainText(`Order ${second} was already recorded with these values; its commission is $5.00 (pending).`);

  await result.getByRole("link", { name: "View commission" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Commission for order ${second}` })).toBeVisible();
  await expect(page.getByTestId("commission-amount")).toHaveText("$5.00");
  await expect(page.getByText("Entered by hand")).toBeVisible();
  await expect(page.getByTestId("history-entry")).toContainText(`by ${ADMIN.email}`);

  await openList(page, fixed);
  const row = rowOf(page, orderId);
  await expect(row).toContainText("Manual");
  await expect(row).toContainText("$49.99");
  await expect(row).toContainText("$5.00");
  await expect(row).toContainText("Partner · $5.00");
});

test("manual sale with items, and field errors for what is missing", async ({ page, request }) => {
  const partner = await createPartner(request);
  await page.goto(`/commissions/new?partner=${partner.id}`);
  await expect(page.getByRole("button", { name: `Remove ${partner.name}` })).toBeVisible();
  await page.getByRole("button", { name: "Record sale" }).click();
  await expect(page.getByTestId("error-orderId")).toBeVisible();
  await expect(page.getByTestId("error-amount")).toBeVisible();

  await page.getByLabel("Order id").fill(unique("items-"));
  await page.getByLabel("Amount (USD)", { exact: true }).fill("12.345");
  await page.getByRole("button", { name: "Add item" }).click();
  await page.getByLabel("Product id (item 1)").fill("sku-e2e");
  await page.getByLabel("Quantity").fill("2");
  await page.getByLabel("Line amount (USD)").fill("20");
  await page.getByRole("button", { name: "Record sale" }).click();
  await expect(page.getByTestId("error-amount")).toHaveText("Enter an amount in USD, e.g. 49.99.");
  await expect(page.getByLabel("Product id (item 1)")).toHaveValue("sku-e2e"); // kept after the error

  await page.getByLabel("Amount (USD)", { exact: true }).fill("20.00");
  await page.getByRole("button", { name: "Record sale" }).click();
  await expect(page.getByTestId("manual-sale-result")).toContainText("the partner earns $2.00 (pending)");
});

test("a manual sale on an earlier day: today by default, never the future, and reports count it on its day", async ({ page, request }) => {
  const partner = await createPartner(request, { commissionType: "fixed", commissionRate: 700 });
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10); // the program's zone is UTC
  const fmt = (iso: string, plus = 0) => new Date(Date.parse(`${iso}T12:00:00Z`) + plus * 86_400_000).toLocaleDateString("en-US", { timeZone: "UTC", dateStyle: "medium" });
  await page.goto(`/commissions/new?partner=${partner.id}`);
  await expect(page.getByLabel("Sale date")).toHaveValue(day(0));

  const orderId = unique("dated-");
  await page.getByLabel("Order id").fill(orderId);
  await page.getByLabel("Amount (USD)", { exact: true }).fill("3210.00");
  await page.getByLabel("Sale date").fill(day(1));
  await page.getByRole("button", { name: "Record sale" }).click();
  await expect(page.getByTestId("error-saleDate")).toHaveText("The sale date cannot be in the future.");
  await expect(page.getByTestId("manual-sale-result")).toHaveCount(0);

  const past = day(-12);
  await page.getByLabel("Sale date").fill(past);
  await page.getByRole("button", { name: "Record sale" }).click();
  const result = page.getByTestId("manual-sale-result");
  await expect(result).toContainText(`Sale ${orderId} recorded: the partner earns $7.00 (pending).`);
  await result.getByRole("link", { name: "View commission" }).click();
  // the 30-day hold runs from the sale's day, not from today
  await expect(page.getByText(/approved automatically on/)).toContainText(fmt(past, 30));

  await page.goto(`/overview?range=custom&from=${past}&to=${past}`);
  const top = page.getByRole("table", { name: "Top partners" });
  await expect(top.getByRole("row").filter({ hasText: partner.name })).toContainText("$3,210.00");
});
