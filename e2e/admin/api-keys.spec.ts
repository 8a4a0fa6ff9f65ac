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

test("a key's scope is chosen at creation, listed, and enforced by the API", async ({ page, request }) => {
  const made: Record<string, string> = {};
  for (const [scope, label] of [
    ["tracking", "Tracking only"],
    ["publishable", "Publishable"],
  ] as const) {
    await page.goto("/settings/api-keys");
    const name = `${label} ${Date.now()}`;
    await page.getByLabel("Key name").fill(name);
    await page.getByRole("radio", { name: label }).check();
    await page.getByRole("button", { name: "Create key" }).click();
    made[scope] = (await page.getByTestId("new-api-key-secret").textContent())!.trim();
    await expect(page.getByTestId("api-key-row").filter({ hasText: name }).getByTestId("api-key-scope")).toHaveText(label);
  }
  expect(made.tracking).toMatch(/^sk_aff_/);
  expect(made.publishable).toMatch(/^pk_aff_/);
  // the form starts again on full access, the safe default for what most stores need
  await expect(page.getByRole("radio", { name: "Full access" })).toBeChecked();

  const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
  expect((await request.get("/api/track/ping", { headers: auth(made.tracking!) })).status()).toBe(200);
  for (const key of [made.tracking!, made.publishable!]) {
    const res = await request.get("/api/v1/partners", { headers: auth(key) });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("insufficient_scope");
  }
  const res = await request.get("/api/track/ping", { headers: auth(made.publishable!) });
  expect(res.status()).toBe(403);
});
