import { expect, test, type Locator } from "@playwright/test";
import { createApiKeyInBrowser } from "../support/api-key";
import { createPartnerViaApi, recordSaleViaApi, unique, visit } from "../support/store-api";
import { restoreProgramDefaults } from "../support/program-settings";

// The catalog and custom rates. Product ids, names and group names are unique per test, so
// suites running at the same time never see each other's rows.

let key: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
  key = await createApiKeyInBrowser(page, `Products e2e ${unique()}`);
  await restoreProgramDefaults(page); // this suite counts on the program defaults: USD and tracking on
  await page.close();
});

async function syncProducts(request: import("@playwright/test").APIRequestContext, products: Record<string, unknown>[]) {
  const res = await request.put("/api/v1/products", { headers: { Authorization: `Bearer ${key}` }, data: products });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as { created: number; updated: number };
}

/** Escape closes a multi-pick type-ahead's list (and only the list: the dialog stays). */
async function closeList(combobox: Locator) {
  await combobox.press("Escape");
  await expect(combobox).toHaveAttribute("aria-expanded", "false");
}

test("product sync via the API shows products in the catalog", async ({ page, request }) => {
  const tag = unique("sync");
  const products = [
    { id: `${tag}-boot`, name: `Granite Boot ${tag}`, url: "https://shop.example.com/p/granite-boot", price: 18_900, categoryIds: [`${tag}-footwear`], imageUrl: "https://cdn.example.com/boot.jpg" },
    { id: `${tag}-sock`, name: `Merino Sock ${tag}`, price: 1_200 },
  ];
  expect(await syncProducts(request, products)).toEqual({ created: 2, updated: 0 });
  expect(await syncProducts(request, products)).toEqual({ created: 0, updated: 2 });

  // the store's CDN, answering with a 1×1 PNG (a broken image would show the placeholder instead)
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
  await page.route("https://cdn.example.com/**", (route) => route.fulfill({ contentType: "image/png", body: png }));
  await page.goto("/products");
  await expect(page.getByRole("heading", { name: "Products & custom rates" })).toBeVisible();
  await page.getByLabel("Search").fill(tag);
  // the search is fuzzy (trigrams): another suite's product made in the same second shares
  // most of this tag's letters, so count only the rows that hold it
  const rows = page.getByTestId("data-row").filter({ hasText: tag });
  await expect(rows).toHaveCount(2);
  const boot = rows.filter({ hasText: `Granite Boot ${tag}` });
  await expect(boot).toContainText(`${tag}-boot`);
  await expect(boot).toContainText("$189.00");
  await expect(boot).toContainText(`${tag}-footwear`);
  await expect(boot).toContainText("Partner's rate");
  await expect(boot.locator("img")).toHaveAttribute("src", "https://cdn.example.com/boot.jpg");
  await expect(rows.filter({ hasText: `Merino Sock ${tag}` }).locator("img")).toHaveCount(0);
  await expect(rows.filter({ hasText: `Merino Sock ${tag}` })).toContainText("$12.00");

  // a bad row: nothing of the request is saved
  const bad = await request.put("/api/v1/products", {
    headers: { Authorization: `Bearer ${key}` },
    data: [{ id: `${tag}-new`, name: "Fine" }, { id: `${tag}-bad`, name: "Bad", price: 9.99 }],
  });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.details).toEqual([{ field: "1.price", message: expect.any(String) }]);
  await page.reload();
  await expect(rows).toHaveCount(2);
});

test("custom rate group saved and applied to the next sale", async ({ page, request }) => {
  const tag = unique("rate");
  const productName = `Ridgeline Tent ${tag}`;
  await syncProducts(request, [{ id: `${tag}-tent`, name: productName, price: 38_900 }]);
  const partner = await createPartnerViaApi(request, key, { commissionType: "percentage", commissionRate: 1000 });

  await page.goto("/products");
  await page.getByRole("button", { name: "Add rate group" }).click();
  const dialog = page.getByRole("dialog", { name: "Add rate group" });
  await dialog.getByLabel("Group name").fill(`Tents ${tag}`);
  await dialog.getByLabel("Rate type").selectOption("fixed");
  await dialog.getByLabel("Amount per unit (USD)").fill("25.00");
  // the type-ahead searches the catalog as one types, by name or id
  await dialog.getByRole("combobox", { name: "Products" }).fill(`tent ${tag}`);
  await dialog.getByRole("option", { name: new RegExp(productName) }).click();
  await expect(dialog.getByTestId("chip-productIds")).toHaveText(productName);
  // the list stays open for more picks, over the buttons when other suites' products fill it
  await closeList(dialog.getByRole("combobox", { name: "Products" }));
  await dialog.getByRole("button", { name: "Save rate group" }).click();
  await expect(dialog).toBeHidden();

  const group = page.getByTestId("rate-group").filter({ hasText: `Tents ${tag}` });
  await expect(group).toContainText("$25.00 per unit");
  await expect(group).toContainText(productName);
  await page.getByLabel("Search").fill(tag);
  await expect(page.getByTestId("data-row").filter({ hasText: productName })).toContainText(`Tents ${tag} $25.00 per unit`);

  // the next sale with that product earns the group's rate: 25.00 × 2 instead of 10 %
  const visitorId = await visit(request, `/r/${partner.referralCode}`);
  const sale = await recordSaleViaApi(request, key, { amount: 77_800, visitorId, items: [{ productId: `${tag}-tent`, quantity: 2, amount: 77_800 }] });
  expect(sale).toMatchObject({ attributed: true, partnerId: partner.id, commission: { amount: 5_000 } });

  // the same product cannot be in a second group
  await page.getByRole("button", { name: "Add rate group" }).click();
  const second = page.getByRole("dialog", { name: "Add rate group" });
  await second.getByLabel("Group name").fill(`Again ${tag}`);
  await second.getByLabel("Rate (%)").fill("20");
  await second.getByRole("combobox", { name: "Products" }).fill(`${tag}-tent`);
  await second.getByRole("option", { name: new RegExp(productName) }).click();
  await closeList(second.getByRole("combobox", { name: "Products" }));
  await second.getByRole("button", { name: "Save rate group" }).click();
  await expect(second.getByTestId("error-productIds")).toContainText(`“${productName}” is already in “Tents ${tag}”`);
  await second.getByRole("button", { name: "Close" }).click();

  // removing the group: the next sale earns the partner's 10 % again
  await group.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog", { name: `Remove “Tents ${tag}”?` }).getByRole("button", { name: "Remove group" }).click();
  await expect(group).toHaveCount(0);
  const later = await recordSaleViaApi(request, key, { amount: 38_900, visitorId, items: [{ productId: `${tag}-tent`, quantity: 1, amount: 38_900 }] });
  expect(later.commission).toMatchObject({ amount: 3_890 });
});

test("add a product by hand with a new category, edit it and delete it", async ({ page }) => {
  const tag = unique("hand");
  await page.goto("/products");
  await page.getByRole("button", { name: "Add product" }).click();
  let dialog = page.getByRole("dialog", { name: "Add product" });
  await dialog.getByLabel("Product ID").fill(`${tag}-mug`);
  await dialog.getByLabel("Name").fill(`Camp Mug ${tag}`);
  await dialog.getByLabel("Price (USD)").fill("19.999");
  await dialog.getByRole("combobox", { name: "Categories" }).fill(`Kitchen ${tag}`);
  await dialog.getByRole("option", { name: `Add “Kitchen ${tag}”` }).click();
  await closeList(dialog.getByRole("combobox", { name: "Categories" }));
  await dialog.getByRole("button", { name: "Add product" }).click();
  await expect(dialog.getByTestId("error-price")).toBeVisible();
  await dialog.getByLabel("Price (USD)").fill("19.99");
  await dialog.getByRole("button", { name: "Add product" }).click();
  await expect(dialog).toBeHidden();

  await page.getByLabel("Search").fill(tag);
  const row = page.getByTestId("data-row").filter({ hasText: `Camp Mug ${tag}` });
  await expect(row).toContainText("$19.99");
  await expect(row).toContainText(`Kitchen ${tag}`);

  await row.getByRole("button", { name: `Edit Camp Mug ${tag}` }).click();
  dialog = page.getByRole("dialog", { name: `Edit “Camp Mug ${tag}”` });
  await expect(dialog.getByLabel("Product ID")).toBeDisabled();
  await dialog.getByLabel("Name").fill(`Enamel Mug ${tag}`);
  await dialog.getByRole("button", { name: `Remove Kitchen ${tag}` }).click();
  await dialog.getByRole("button", { name: "Save product" }).click();
  await expect(dialog).toBeHidden();
  const edited = page.getByTestId("data-row").filter({ hasText: `Enamel Mug ${tag}` });
  await expect(edited).toContainText("$19.99");
  await expect(edited).not.toContainText(`Kitchen ${tag}`);

  await edited.getByRole("button", { name: /^More actions/ }).click();
  await edited.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: `Delete “Enamel Mug ${tag}”?` }).getByRole("button", { name: "Delete product" }).click();
  await expect(page.getByTestId("data-row")).toHaveCount(0);
});
