import { expect, test, type APIRequestContext } from "@playwright/test";
import { createApiKeyInBrowser } from "../support/api-key";
import { restoreProgramDefaults } from "../support/program-settings";

// The Customers pages: customers a partner referred, with their orders, refunds and the
// commission each order earned. The store is played through the tracking API; every test
// uses partners and customers of its own.

let key: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
  key = await createApiKeyInBrowser(page, "Customers e2e");
  await restoreProgramDefaults(page); // this suite counts on the program defaults: the program default rate (10 %) and hold period
  await page.close();
});

function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

async function api(request: APIRequestContext, path: string, data: Record<string, unknown>, status: number) {
  const res = await request.post(path, { headers: { Authorization: `Bearer ${key}` }, data });
  expect(res.status(), await res.text()).toBe(status);
  return res.json();
}

test("a referred customer is listed with their partner, and their page shows the order, its items, refund and commission", async ({ page, request }) => {
  const coupon = unique("CUST").toUpperCase();
  const partner = await api(request, "/api/v1/partners", { name: unique("Referrer "), email: `${unique("ref-")}@example.com`, couponCodes: [coupon] }, 201);
  const customer = { id: unique("cus_"), email: `${unique("grace-")}@example.com`, name: unique("Grace Hopper ") };
  const orderId = unique("order-");
  await api(
    request,
    "/api/track/sale",
    { orderId, amount: 12_000, couponCode: coupon, customer, items: [{ productId: "sku-compiler", quantity: 2, amount: 12_000 }] },
    201,
  );
  const refundId = unique("re_");
  await api(request, "/api/track/refund", { orderId, amount: 3_000, refundId }, 200);

  await page.goto(`/customers?partner=${partner.id}`);
  const row = page.getByTestId("data-row").filter({ hasText: customer.name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(customer.email);
  await expect(row).toContainText(partner.name);
  await expect(row).toContainText("$90.00"); // revenue net of the refund
  await expect(row).toContainText("$9.00"); // 10 % of what is left

  // the search finds them by email, name or the store's id
  await page.goto("/customers");
  await page.getByRole("searchbox", { name: "Search" }).fill(customer.id);
  // the search has landed (with few customers the unfiltered list may already show one row)
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByTestId("data-row")).toHaveCount(1);
  await expect(page.getByTestId("data-row")).toContainText(customer.name);

  await page.getByTestId("customer-link").click();
  await expect(page.getByRole("heading", { level: 1, name: customer.name })).toBeVisible();
  await expect(page.getByTestId("customer-partner")).toHaveText(partner.name);
  await expect(page.getByTestId("customer-orders")).toHaveText("1");
  await expect(page.getByTestId("customer-revenue")).toHaveText("$90.00");
  await expect(page.getByTestId("customer-commission")).toHaveText("$9.00");

  const order = page.getByTestId("customer-order");
  await expect(order).toHaveCount(1);
  await expect(order).toContainText(orderId);
  await expect(order).toContainText("coupon");
  await expect(order).toContainText("sku-compiler × 2");
  await expect(order).toContainText("$120.00");
  await expect(order).toContainText("$30.00");
  await expect(order).toContainText(refundId);
  await expect(order).toContainText("$9.00 of $12.00");
  await expect(order).toContainText("Pending");

  // the commission links to its own page
  await order.getByRole("link", { name: /Commission \$9\.00, pending/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Commission for order ${orderId}` })).toBeVisible();
  await expect(page.getByTestId("commission-amount")).toHaveText("$9.00");
});

test("a customer who only signed up shows the lead, with no orders yet", async ({ page, request }) => {
  const coupon = unique("LEAD").toUpperCase();
  const partner = await api(request, "/api/v1/partners", { name: unique("Lead Referrer "), email: `${unique("lead-")}@example.com`, couponCodes: [coupon] }, 201);
  const customer = { id: unique("cus_"), email: `${unique("ada-")}@example.com` };
  await api(request, "/api/track/lead", { eventName: "signup", customer, couponCode: coupon }, 201);

  await page.goto(`/customers?partner=${partner.id}`);
  const row = page.getByTestId("data-row").filter({ hasText: customer.email });
  await expect(row).toContainText("No orders yet");
  await row.getByTestId("customer-link").click();
  await expect(page.getByTestId("customer-orders")).toHaveText("0");
  await expect(page.getByText("No orders yet.")).toBeVisible();
  await expect(page.getByTestId("customer-lead")).toContainText("signup");
});
