import { expect, test } from "@playwright/test";
import { createApiKeyInBrowser } from "../support/api-key";
import { createPortalPartner, setPortalPassword } from "../support/portal";
import { recordSaleViaApi, unique } from "../support/store-api";
import { restoreProgramDefaults } from "../support/program-settings";

// The partner's dashboard: their sales' commissions as they move from pending to paid, the
// payout the merchant makes, and nothing but a notice for a partner not approved yet. Each
// test makes partners of its own (other suites share the database); every partner has its
// own rate, so a suite changing the program default does not move these figures.

let key: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
  key = await createApiKeyInBrowser(page, `Portal dashboard e2e ${unique()}`);
  await restoreProgramDefaults(page); // this suite counts on the program defaults: the hold period, no minimum payout above $50 and USD
  await page.close();
});

test("a sale's commission shows as pending, then as paid with the payout once the merchant pays", async ({ page, browser, request }) => {
  const coupon = unique("DASH").toUpperCase();
  const partner = await createPortalPartner(request, key, { couponCodes: [coupon], commissionType: "percentage", commissionRate: 1000 });
  const sale = await recordSaleViaApi(request, key, { amount: 50_000, couponCode: coupon });
  expect(sale.commission).toMatchObject({ amount: 5_000, status: "pending" });
  // someone else's sale never shows on this partner's dashboard
  const otherCoupon = unique("OTH").toUpperCase();
  await createPortalPartner(request, key, { couponCodes: [otherCoupon] });
  const otherSale = await recordSaleViaApi(request, key, { amount: 70_000, couponCode: otherCoupon });

  await setPortalPassword(page, partner.token);
  await expect(page).toHaveURL(new RegExp(`${partner.dashboardUrl}$`));
  await expect(page.getByTestId("card-pending")).toHaveText("$50.00");
  await expect(page.getByTestId("card-balance")).toHaveText("$0.00");
  await expect(page.getByTestId("card-conversions")).toHaveText("1");
  const row = page.getByTestId("commission-row").filter({ hasText: sale.orderId });
  await expect(row).toContainText("$500.00");
  await expect(row).toContainText("$50.00");
  await expect(row).toContainText("Pending");
  await expect(page.getByTestId("commission-row")).toHaveCount(1);
  await expect(page.getByText(otherSale.orderId)).toHaveCount(0);
  await expect(page.getByText("No payouts yet.")).toBeVisible();
  // the charts' numbers are in their tables too
  await expect(page.getByRole("table", { name: /Earnings per day/ })).toBeAttached();

  // The merchant approves the commission, then pays the partner through the API.
  const admin = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
  await admin.goto(`/commissions?partner=${partner.id}`);
  await admin.getByTestId("data-row").filter({ hasText: sale.orderId }).getByRole("button", { name: "Approve", exact: true }).click();
  await expect(admin.getByTestId("data-row").filter({ hasText: sale.orderId }).getByText("Approved", { exact: true })).toBeVisible();
  await admin.close();

  await page.reload();
  await expect(page.getByTestId("card-balance")).toHaveText("$50.00");
  await expect(page.getByTestId("card-pending")).toHaveText("$0.00");

  const transactionId = unique("TX-");
  const paid = await request.post("/api/v1/payouts", { headers: { Authorization: `Bearer ${key}` }, data: { partnerId: partner.id, method: "paypal", transactionId } });
  expect(paid.status(), await paid.text()).toBe(201);

  await page.reload();
  await expect(page.getByTestId("card-paid")).toHaveText("$50.00");
  await expect(page.getByTestId("card-balance")).toHaveText("$0.00");
  const payout = page.getByTestId("payout-row");
  await expect(payout).toHaveCount(1);
  await expect(payout).toContainText("$50.00");
  await expect(payout).toContainText("PayPal");
  await expect(payout).toContainText(transactionId);
  await expect(payout).toContainText("Completed");
  await expect(row).toContainText("Paid");

  // the range picker keeps the figures of the chosen period
  await page.getByRole("navigation", { name: "Date range" }).getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(page.getByRole("link", { name: "7 days" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("card-earned")).toHaveText("$50.00");
});

test("a partner waiting for approval sees a notice and no figures, and cannot make links", async ({ page, request }) => {
  const partner = await createPortalPartner(request, key, { status: "pending" });
  await setPortalPassword(page, partner.token);
  await expect(page.getByTestId("portal-status-notice")).toContainText("Your application is waiting for approval");
  await expect(page.getByTestId("card-paid")).toHaveCount(0);
  await expect(page.getByTestId("card-balance")).toHaveCount(0);
  await expect(page.getByText("$")).toHaveCount(0);

  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Promote" }).click();
  await expect(page.getByTestId("links-unavailable")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create link" })).toHaveCount(0);
  await expect(page.getByTestId("referral-link")).toHaveCount(0);
});

test("the voided-payout note and 'due now' only for the partner they are true of", async ({ page, browser, request }) => {
  // Two partners with $50.00 approved each, both paid; one payout is then voided.
  const partners = [];
  for (const tag of ["VOID", "PAID"]) {
    const coupon = unique(tag).toUpperCase();
    const partner = await createPortalPartner(request, key, { couponCodes: [coupon], commissionType: "percentage", commissionRate: 1000 });
    await recordSaleViaApi(request, key, { amount: 50_000, couponCode: coupon });
    partners.push(partner);
  }
  const [voided, plain] = partners as [(typeof partners)[0], (typeof partners)[0]];
  const admin = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
  const payoutIds: string[] = [];
  for (const partner of partners) {
    await admin.goto(`/commissions?partner=${partner.id}`);
    await admin.getByTestId("data-row").getByRole("button", { name: "Approve", exact: true }).click();
    await expect(admin.getByTestId("data-row").getByText("Approved", { exact: true })).toBeVisible();
    const paid = await request.post("/api/v1/payouts", { headers: { Authorization: `Bearer ${key}` }, data: { partnerId: partner.id, method: "paypal", transactionId: unique("TX-") } });
    expect(paid.status(), await paid.text()).toBe(201);
    payoutIds.push((await paid.json()).id);
  }
  await admin.goto(`/payouts/${payoutIds[0]}`);
  await admin.getByRole("button", { name: "Void payout…" }).click();
  const dialog = admin.getByRole("dialog", { name: "Void this payout?" });
  await dialog.getByLabel("Reason").fill("Recorded twice");
  await dialog.getByRole("button", { name: "Void payout" }).click();
  await expect(admin.getByTestId("payout-status")).toContainText("Void");
  await admin.close();

  await setPortalPassword(page, voided.token);
  await expect(page.getByTestId("card-balance")).toHaveText("$50.00");
  await expect(page.getByTestId("card-balance-card")).toContainText("due now: paid in the program's next payout run");
  await expect(page.getByTestId("card-balance-card")).not.toContainText("once it reaches");
  await expect(page.getByTestId("voided-payout-note")).toContainText("due again");
  await expect(page.getByText("A void payout was recorded by mistake")).toBeVisible();

  await page.context().clearCookies();
  await setPortalPassword(page, plain.token);
  await expect(page.getByTestId("card-paid")).toHaveText("$50.00");
  await expect(page.getByTestId("card-balance-card")).toContainText("nothing due yet");
  await expect(page.getByTestId("voided-payout-note")).toHaveCount(0);
  await expect(page.getByText(/voided|recorded by mistake/)).toHaveCount(0);
});
