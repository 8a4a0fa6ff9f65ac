import { expect, test } from "@playwright/test";
import { createApiKeyInBrowser } from "../support/api-key";
import { createPortalPartner, setPortalPassword } from "../support/portal";
import { unique, visit } from "../support/store-api";
import { restoreProgramDefaults } from "../support/program-settings";

// The Promote page: the partner's referral link and coupon, a link of their own to a page of
// the store that counts its clicks, and the catalog with the partner's rate per product.

let key: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
  key = await createApiKeyInBrowser(page, `Portal promote e2e ${unique()}`);
  await restoreProgramDefaults(page); // this suite counts on the program defaults: the store URL and USD
  await page.close();
});

test("the partner makes a link to a store page, and a click on it counts", async ({ page, request }) => {
  const coupon = unique("PROMO").toUpperCase();
  const partner = await createPortalPartner(request, key, { couponCodes: [coupon] });
  await setPortalPassword(page, partner.token);
  await page.goto(`${partner.dashboardUrl}/promote`);
  await expect(page.getByTestId("referral-link")).toHaveText(/\/r\/[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId("coupon-code")).toHaveText(coupon);
  await expect(page.getByRole("button", { name: "Copy link" }).first()).toBeVisible();

  // a page off the store is refused, with the reason under the field
  await page.getByLabel("Page on the store").fill("https://evil.example.net/offer");
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByTestId("error-destination")).toContainText("Links can only lead to pages on");

  const slug = unique("boots-");
  await page.getByLabel("Page on the store").fill("/products/e2e-boots");
  await page.getByLabel("Slug (optional)").fill(slug);
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByTestId("created-link")).toContainText(`/a/${slug}`);
  const row = page.getByTestId("link-row").filter({ hasText: `/a/${slug}` });
  await expect(row).toContainText("/products/e2e-boots");
  await expect(row.getByTestId("link-clicks")).toHaveText("0");

  // the same slug again is a field error
  await page.getByLabel("Page on the store").fill("/products/other");
  await page.getByLabel("Slug (optional)").fill(slug);
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByTestId("error-slug")).toHaveText("This slug is taken.");

  // a visitor follows the link: 307 to the store page, and the click counts
  await visit(request, `/a/${slug}`);
  await page.reload();
  await expect(page.getByTestId("link-row").filter({ hasText: `/a/${slug}` }).getByTestId("link-clicks")).toHaveText("1");
});

test("the catalog shows the partner's rate and what a sale earns on each product", async ({ page, request }) => {
  const name = unique("E2E Lantern ");
  const id = unique("sku-");
  const synced = await request.put("/api/v1/products", {
    headers: { Authorization: `Bearer ${key}` },
    data: [{ id, name, url: `https://shop.example.com/products/${id}`, price: 8_000 }],
  });
  expect(synced.status(), await synced.text()).toBeLessThan(300);
  const partner = await createPortalPartner(request, key, { commissionType: "percentage", commissionRate: 1250 });
  await setPortalPassword(page, partner.token);
  await page.goto(`${partner.dashboardUrl}/promote`);

  await page.getByRole("searchbox", { name: "Search products" }).fill(name);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=/);
  const product = page.getByTestId("product-row").filter({ hasText: name });
  await expect(product).toHaveCount(1);
  await expect(product.getByTestId("product-rate")).toContainText("12.5 %");
  await expect(product.getByTestId("product-rate")).toContainText("your rate");
  await expect(product).toContainText("$10.00"); // 12.5 % of $80.00

  // one click makes a link to the product's page
  await product.getByRole("button", { name: `Get a link to ${name}` }).click();
  await expect(product.getByRole("button", { name: "Copy link" })).toBeVisible();
  await expect(page.getByTestId("link-row").filter({ hasText: `/products/${id}` })).toHaveCount(1);
});
