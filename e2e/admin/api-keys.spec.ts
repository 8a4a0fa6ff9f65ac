import { expect, test } from "@playwright/test";

test("an API key is shown once, listed by prefix, and can be revoked", async ({ page }) => {
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("error-name")).toBeVisible();

  const name = `Storefront ${Date.now()}`;
  await page.getByLabel("Key name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("new-api-key-secret").textContent())!.trim();
  expect(secret).toMatch(/^sk_aff_\S{40,}$/);

  const row = page.getByTestId("api-key-row").filter({ hasText: name });
  await expect(row).toContainText(secret.slice(0, 13));
  await expect(row).toContainText("Never");

  // the secret is not in the page once it has been shown
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);

  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("dialog")).toContainText("Requests with this key will be refused immediately");
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(row.getByText("Revoked")).toBeVisible();
});
