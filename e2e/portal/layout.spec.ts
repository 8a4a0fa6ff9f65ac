import { expect, test } from "@playwright/test";
import { createApiKeyInBrowser } from "../support/api-key";
import { everyDialogFailures, pageOverflowFailures, SIZES, tableFailures } from "../support/layout-checks";
import { createPortalPartner, setPortalPassword, type PortalPartner } from "../support/portal";
import { restoreProgramDefaults } from "../support/program-settings";
import { recordSaleViaApi, unique } from "../support/store-api";

// The partner portal's pages at two laptop sizes and a phone: each table's essential columns
// (what the row is, its money and status) in view and uncovered, no text clipped without a
// title, no dialog scrolling sideways (e2e/support/layout-checks.ts). One partner with a long
// name, a sale with a long order id and a custom link, made once.

const tag = unique("play");
let partner: PortalPartner;
let signedIn: Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>>;

test.beforeAll(async ({ browser }) => {
  const admin = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
  const key = await createApiKeyInBrowser(admin, `Portal layout e2e ${tag}`);
  await restoreProgramDefaults(admin); // USD, the hold period
  const request = admin.request;
  const coupon = unique("PLAYOUT").toUpperCase();
  partner = await createPortalPartner(request, key, { name: `Maximiliana Featherstonehaugh-Worthington Affiliate Collective ${tag}`, couponCodes: [coupon] });
  await recordSaleViaApi(request, key, { orderId: `${tag}-an-order-id-from-a-store-that-makes-long-ones-0001`, amount: 1_234_567, couponCode: coupon });
  const link = await request.post("/api/v1/links", {
    headers: { Authorization: `Bearer ${key}` },
    data: { partnerId: partner.id, destinationUrl: `https://shop.example.com/collections/${tag}/an-exceptionally-long-collection-name`, slug: unique("playout-") },
  });
  expect(link.status(), await link.text()).toBe(201);
  await admin.close();
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await setPortalPassword(await context.newPage(), partner.token);
  signedIn = await context.storageState();
  await context.close();
});

for (const size of SIZES) {
  test(`at ${size.name} the portal's tables show their essential columns and every dialog fits`, async ({ browser }) => {
    const context = await browser.newContext({ storageState: signedIn, viewport: { width: size.width, height: size.height } });
    const page = await context.newPage();
    const failures: string[] = [];
    for (const path of ["", "/promote", "/settings"]) {
      const where = `${size.name} portal${path || " dashboard"}`;
      await page.goto(`${partner.dashboardUrl}${path}`);
      await page.locator("main").waitFor();
      failures.push(...(await pageOverflowFailures(page, where)));
      failures.push(...(await tableFailures(page, where, size.phone)));
      failures.push(...(await everyDialogFailures(page, where)));
    }
    await context.close();
    expect(failures).toEqual([]);
  });
}
