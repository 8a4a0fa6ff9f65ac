import { expect, test, type Page } from "@playwright/test";

// The app's icon (app/icon.tsx, app/apple-icon.tsx, app/favicon.ico): every page links the
// program's mark as its icon, and loading a page asks for nothing that answers 404 (before
// the icon, every page's /favicon.ico did).

function collect404s(page: Page): string[] {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  return missing;
}

test("the console and the sign-in page load without a 404 and link the program's icon", async ({ page, browser }) => {
  const missing = collect404s(page);
  await page.goto("/overview");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const icon = page.locator('head link[rel="icon"]');
  await expect(icon).toHaveCount(1);
  const apple = page.locator('head link[rel="apple-touch-icon"]');
  await expect(apple).toHaveCount(1);

  for (const href of [await icon.getAttribute("href"), await apple.getAttribute("href"), "/favicon.ico"]) {
    const response = await page.request.get(href!);
    expect(response.status(), href!).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect((await response.body()).subarray(1, 4).toString()).toBe("PNG");
  }

  const visitor = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  const visitorMissing = collect404s(visitor);
  await visitor.goto("/login");
  await visitor.waitForLoadState("networkidle");
  await page.waitForLoadState("networkidle");
  await visitor.close();
  expect([...missing, ...visitorMissing]).toEqual([]);
});
