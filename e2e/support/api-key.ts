import { expect, type Page } from "@playwright/test";

/** Creates a secret key the way a merchant does (Settings → API keys) and returns it. */
export async function createApiKeyInBrowser(page: Page, name = `e2e ${Date.now()}`): Promise<string> {
  await page.goto("/settings/api-keys");
  await page.getByLabel("Key name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("new-api-key-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^sk_aff_/);
  return secret;
}
