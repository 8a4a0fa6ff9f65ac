import { expect, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { createApiKeyInBrowser } from "../support/api-key";
import { startDemoStore, type DemoStore } from "../support/demo-store";
import { restoreProgramDefaults } from "../support/program-settings";

// A store on another origin and port wired up as the Integration page says: /track.js on
// its pages, the visitor id passed at checkout, the sale reported by the store's server.

let store: DemoStore;
let key: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
  key = await createApiKeyInBrowser(page, "Demo store");
  await restoreProgramDefaults(page); // this suite counts on the program defaults: USD, the hold period and tracking on
  await page.close();
  store = await startDemoStore(baseURL, key);
});
test.afterAll(async () => store?.close());

async function createPartner(request: import("@playwright/test").APIRequestContext, body: Record<string, unknown>) {
  const res = await request.post("/api/v1/partners", { headers: { Authorization: `Bearer ${key}` }, data: body });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; referralCode: string };
}

test("a visitor lands on the store with ?ref=CODE and the checkout earns the partner 10 %", async ({ page, request }) => {
  const partner = await createPartner(request, { name: "Maya Store", email: `maya-${Date.now()}@example.com`, commissionType: "percentage", commissionRate: 1000 });

  await page.goto(`${store.origin}/?ref=${partner.referralCode}`);
  const visitorId = await page.evaluate(async () => {
    await (window as unknown as { affiliate: { ready: Promise<unknown> } }).affiliate.ready;
    return (window as unknown as { affiliate: { visitorId(): string | null } }).affiliate.visitorId();
  });
  expect(visitorId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  // the id lives in a first-party cookie of the store
  const cookies = await page.context().cookies(store.origin);
  expect(cookies.find((c) => c.name === "aff_vid")?.value).toBe(visitorId);

  await page.getByRole("button", { name: "Buy now" }).click();
  await expect(page.locator("#result")).toContainText('"attribution":"click"');
  const answer = JSON.parse((await page.locator("#result").textContent())!);
  expect(answer).toMatchObject({ attributed: true, partnerId: partner.id, commission: { amount: 1000, currency: "USD", status: "pending" } });
});

test("a custom link /a/<slug> redirects to the store with aff_vid, and the sale earns the link's partner", async ({ page, request }) => {
  const partner = await createPartner(request, { name: "Fixed Fee", email: `fixed-${Date.now()}@example.com`, commissionType: "fixed", commissionRate: 500 });
  const linkRes = await request.post("/api/v1/links", {
    headers: { Authorization: `Bearer ${key}` },
    data: { partnerId: partner.id, destinationUrl: `${store.origin}/product` },
  });
  expect(linkRes.status()).toBe(201);
  const link = (await linkRes.json()) as { slug: string; url: string };

  await page.goto(link.url);
  await expect(page).toHaveURL(new RegExp(`^${store.origin}/product\\?aff_vid=`));
  await page.getByLabel("Order total (cents)").fill("123456");
  await page.getByRole("button", { name: "Buy now" }).click();
  await expect(page.locator("#result")).toContainText('"attribution":"click"');
  expect(JSON.parse((await page.locator("#result").textContent())!)).toMatchObject({ partnerId: partner.id, commission: { amount: 500 } });

  const stats = await request.get(`/api/v1/links/${link.slug}/stats`, { headers: { Authorization: `Bearer ${key}` } });
  expect(await stats.json()).toEqual({ clicks: 1, sales: 1, revenue: 123456, commission: 500 });
});

test("a visitor who arrives without a referral buys unattributed", async ({ page }) => {
  await page.goto(`${store.origin}/`);
  await page.getByRole("button", { name: "Buy now" }).click();
  await expect(page.locator("#result")).toContainText('"attributed":false');
});
