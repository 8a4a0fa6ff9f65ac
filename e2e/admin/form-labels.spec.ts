import { expect, test, type Browser, type Page } from "@playwright/test";
import { adminRoutes } from "../support/admin-routes";
import { createApiKeyInBrowser } from "../support/api-key";
import { unlabelledFields, unlabelledFieldsWithDialogs } from "../support/form-labels";
import { createPortalPartner, setPortalPassword } from "../support/portal";
import { PROGRAM_SETTINGS, restoreProgramDefaults } from "../support/program-settings";
import { createPartnerViaApi, unique } from "../support/store-api";

// Every field of every form has a visible label (e2e/support/form-labels.ts): each admin page
// and the dialogs its buttons open, the sign-in page, the partner portal and /apply.

let key: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
  key = await createApiKeyInBrowser(page, `Form labels e2e ${unique()}`);
  await page.close();
});

async function open(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await page.waitForFunction(() => "next" in window);
  await page.waitForLoadState("networkidle");
}

async function signedOutPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
}

test("every field on every admin page and in its dialogs has a visible label", async ({ page, request }) => {
  test.setTimeout(90_000);
  const coupon = unique("LBL").toUpperCase();
  const partner = await createPartnerViaApi(request, key, { couponCodes: [coupon] });
  const sale = await request.post("/api/track/sale", {
    headers: { Authorization: `Bearer ${key}` },
    data: { orderId: unique("labels-"), amount: 5_000, couponCode: coupon, customer: { id: unique("cus_"), email: `${unique("lbl-")}@example.com` } },
  });
  expect(sale.status(), await sale.text()).toBe(201);
  const commission = ((await sale.json()) as { commission: { id: string } }).commission.id;
  await open(page, `/customers?partner=${partner.id}`);
  const customer = (await page.getByTestId("customer-link").first().getAttribute("href"))!;
  // Pages of one record: those that need a payout or a batch are the payout suite's; their
  // dialogs are reached from /payouts here.
  const concrete: Record<string, string | null> = {
    "/commissions/[id]": `/commissions/${commission}`,
    "/customers/[id]": customer,
    "/partners/[id]": `/partners/${partner.id}`,
    "/partners/[id]/edit": `/partners/${partner.id}/edit`,
    "/payouts/[id]": null,
    "/payouts/batches/[id]": null,
  };
  const missing: string[] = [];
  for (const route of adminRoutes()) {
    const url = route.includes("[") ? concrete[route] : route;
    expect(url, `no record to open ${route} with`).not.toBeUndefined();
    if (!url) continue;
    await open(page, url);
    missing.push(...(await unlabelledFieldsWithDialogs(page)));
  }
  expect(missing).toEqual([]);
});

test("every field on the sign-in page and the partner portal has a visible label", async ({ browser, request }) => {
  const partner = await createPortalPartner(request, key);
  const page = await signedOutPage(browser);
  const missing: string[] = [];
  for (const url of ["/login", `${partner.dashboardUrl}/set-password`]) {
    await open(page, url);
    missing.push(...(await unlabelledFields(page.locator("body"))));
  }
  await setPortalPassword(page, partner.token);
  for (const sub of ["", "/promote", "/settings"]) {
    await open(page, `${partner.dashboardUrl}${sub}`);
    missing.push(...(await unlabelledFieldsWithDialogs(page)));
  }
  await page.getByRole("button", { name: "Sign out" }).click();
  await open(page, `${partner.dashboardUrl}/sign-in`);
  missing.push(...(await unlabelledFields(page.locator("body"))));
  await page.context().close();
  expect(missing).toEqual([]);
});

test(`every field of the application form at /apply has a visible label ${PROGRAM_SETTINGS}`, async ({ browser }) => {
  const admin = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
  await admin.goto("/settings");
  const form = admin.getByRole("form", { name: "Program settings" });
  await form.getByRole("switch", { name: "Accept applications at /apply" }).setChecked(true);
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByTestId("form-message")).toHaveText("Settings saved.");
  try {
    const page = await signedOutPage(browser);
    await open(page, "/apply");
    expect(await unlabelledFields(page.locator("body"))).toEqual([]);
    await page.context().close();
  } finally {
    await restoreProgramDefaults(admin);
    await admin.close();
  }
});
