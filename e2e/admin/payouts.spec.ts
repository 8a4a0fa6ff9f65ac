import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Download, type Page } from "@playwright/test";
import { ADMIN } from "../support/admin";
import { createApiKeyInBrowser } from "../support/api-key";
import { unique } from "../support/store-api";
import { restoreProgramDefaults } from "../support/program-settings";

// The Payouts page as a merchant uses it. Other suites share the app and database, so every
// test makes partners of its own with a fixed rate of $75 per order, approves their
// commissions on the Commissions page, and looks only at its own partners through the Due
// list's search. "Pay all due" is only ever run on a selection.

let key: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
  key = await createApiKeyInBrowser(page, "Payouts e2e");
  await restoreProgramDefaults(page); // this suite counts on the program defaults: no minimum payout above $75, the hold period and USD
  await page.close();
});

interface Partner {
  id: string;
  name: string;
  referralCode: string;
  couponCodes: string[];
}

async function createPartner(request: APIRequestContext, name: string, payout: Record<string, unknown>): Promise<Partner> {
  const res = await request.post("/api/v1/partners", {
    headers: { Authorization: `Bearer ${key}` },
    data: { name, email: `${unique("pay-")}@example.com`, couponCodes: [unique("PO").toUpperCase()], commissionType: "fixed", commissionRate: 7500, ...payout },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as Partner;
}

/** Sales through the tracking API with the partner's coupon; returns their order ids. */
async function sell(request: APIRequestContext, partner: Partner, count = 1): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const orderId = unique("po-ord-");
    const res = await request.post("/api/track/sale", { headers: { Authorization: `Bearer ${key}` }, data: { orderId, amount: 20_000, couponCode: partner.couponCodes[0] } });
    expect(res.status()).toBe(201);
    ids.push(orderId);
  }
  return ids;
}

/** Approves the partner's pending commissions before their hold period ends, as a merchant does. */
async function approveAll(page: Page, partner: Partner, count: number) {
  await page.goto(`/commissions?partner=${partner.id}&status=pending`);
  await expect(page.getByTestId("data-row")).toHaveCount(count);
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByTestId("bulk-result")).toHaveText(`${count} approved.`);
}

async function duePartner(page: Page, request: APIRequestContext, name: string, payout: Record<string, unknown>, sales = 1): Promise<{ partner: Partner; orders: string[] }> {
  const partner = await createPartner(request, name, payout);
  const orders = await sell(request, partner, sales);
  await approveAll(page, partner, sales);
  return { partner, orders };
}

const paypal = (email: string) => ({ payoutMethod: "paypal", payoutDetails: { email } });
const stripe = { payoutMethod: "stripe", payoutDetails: { accountId: "acct_1A2b3C4d5E6f" } };
const rowOf = (page: Page, text: string) => page.getByTestId("data-row").filter({ hasText: text });

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return { download, text: await readFile((await download.path())!, "utf8") };
}

test("paying one partner: the transaction id is required, the balance is paid once, a second tab is told nothing is due", async ({ page, context, request }) => {
  const name = unique("Payee ");
  const { partner } = await duePartner(page, request, name, paypal("payee@example.com"), 2);

  await page.goto(`/payouts?q=${encodeURIComponent(name)}`);
  const row = rowOf(page, name);
  await expect(row.getByTestId("due-balance")).toHaveText("$150.00");
  await expect(row).toContainText("PayPal");
  await expect(row).toContainText("payee@example.com");
  await expect(page.getByTestId("due-total")).toHaveText("$150.00");

  // The same partner open in a second tab, dialog ready.
  const other = await context.newPage();
  await other.goto(`/payouts?q=${encodeURIComponent(name)}`);
  await other.getByRole("button", { name: `Pay ${name}` }).click();

  await row.getByRole("button", { name: `Pay ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Pay ${name}` });
  await expect(dialog.getByTestId("pay-amount")).toHaveText("$150.00");
  await expect(dialog.getByLabel("Method")).toHaveValue("paypal");
  await dialog.getByRole("button", { name: "Pay $150.00" }).click();
  await expect(dialog.getByTestId("error-transactionId")).toContainText("transaction id");
  await dialog.getByLabel("Transaction id").fill("PP-TX-1");
  await dialog.getByLabel("Note").fill("November");
  await dialog.getByRole("button", { name: "Pay $150.00" }).click();
  await expect(page.getByTestId("pay-result")).toHaveText(`Paid $150.00 to ${name}.`);
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("empty-state")).toBeVisible();

  const second = other.getByRole("dialog", { name: `Pay ${name}` });
  await second.getByLabel("Transaction id").fill("PP-TX-2");
  await second.getByRole("button", { name: "Pay $150.00" }).click();
  // Nothing written; the refreshed list no longer offers the partner and says why.
  await expect(other.getByTestId("pay-result")).toContainText(`${name}: Nothing is due to this partner.`);
  await expect(other.getByTestId("empty-state")).toBeVisible();
  await other.close();

  // The activity log names the partner (linked) and the amount in dollars, not ids and cents.
  await page.goto("/settings/activity");
  const entry = page.getByRole("listitem").filter({ hasText: "Payout recorded" }).filter({ hasText: "PP-TX-1" });
  await expect(entry).toContainText("Amount$150.00");
  await expect(entry).toContainText("MethodPayPal");
  await expect(entry.getByRole("link", { name: name, exact: true })).toHaveAttribute("href", `/partners/${partner.id}`);
  await expect(entry.getByRole("link", { name: `$150.00 to ${name}` })).toHaveAttribute("href", /^\/payouts\/[0-9a-f-]{36}$/);

  await page.goto(`/payouts/history?partner=${partner.id}`);
  await expect(page.getByTestId("data-row")).toHaveCount(1);
  await expect(page.getByTestId("data-row")).toContainText("PP-TX-1");
  await expect(page.getByTestId("data-row")).toContainText(ADMIN.email);
});

test("paying when the balance moved while the dialog was open: nothing is recorded, the dialog shows the new amount and pays it on confirmation", async ({ page, context, request }) => {
  const name = unique("Moved ");
  const { partner } = await duePartner(page, request, name, paypal("moved@example.com"));
  await page.goto(`/payouts?q=${encodeURIComponent(name)}`);
  await rowOf(page, name).getByRole("button", { name: `Pay ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Pay ${name}` });
  await expect(dialog.getByTestId("pay-amount")).toHaveText("$75.00");
  await dialog.getByLabel("Transaction id").fill("PP-MOVED-1");

  // Meanwhile, in another tab, another commission of this partner is approved.
  const other = await context.newPage();
  await sell(request, partner);
  await approveAll(other, partner, 1);
  await other.close();

  await dialog.getByRole("button", { name: "Pay $75.00" }).click();
  await expect(dialog.getByTestId("pay-error")).toHaveText(
    "The balance changed since you looked: $150.00 is due now, not $75.00. Nothing was recorded; check it, then pay the new amount.",
  );
  await expect(dialog.getByTestId("pay-amount")).toContainText("$150.00");
  await expect(dialog.getByTestId("pay-amount")).toContainText("(was $75.00)");
  await expect(dialog.getByLabel("Transaction id")).toHaveValue("PP-MOVED-1");
  await dialog.getByRole("button", { name: "Pay $150.00" }).click();
  await expect(page.getByTestId("pay-result")).toHaveText(`Paid $150.00 to ${name}.`);

  await page.goto(`/payouts/history?partner=${partner.id}`);
  await expect(page.getByTestId("data-row")).toHaveCount(1);
  await expect(page.getByTestId("data-row")).toContainText("$150.00");
});

test("paying the selected partners: one payout each by their own method, the ones without a method skipped", async ({ page, request }) => {
  const tag = unique("Bulk");
  const { partner: a } = await duePartner(page, request, `${tag} Ada`, paypal("ada@example.com"));
  const { partner: b } = await duePartner(page, request, `${tag} Ben`, stripe, 2);
  const { partner: c } = await duePartner(page, request, `${tag} Cy`, {});

  await page.goto(`/payouts?q=${encodeURIComponent(tag)}&sort=partner&dir=asc`);
  await expect(page.getByTestId("data-row")).toHaveCount(3);
  await expect(rowOf(page, c.name)).toContainText("Not set");
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Pay selected…" }).click();
  const dialog = page.getByRole("dialog", { name: "Pay 3 selected partners" });
  // The dialog lists whom it pays and how much: exactly what the rows show.
  await expect(dialog.getByTestId("pay-all-summary")).toHaveText("3 payouts, $300.00 in all:");
  await expect(dialog.getByRole("list", { name: "Partners paid" })).toContainText(`${b.name} ($150.00)`);
  await dialog.getByRole("button", { name: "Record payouts" }).click();
  await expect(dialog.getByTestId("error-reference")).toBeVisible();
  await dialog.getByLabel("Batch reference").fill(`${tag}-BATCH`);
  await dialog.getByRole("button", { name: "Record payouts" }).click();
  await expect(page.getByTestId("pay-result")).toHaveText(`Paid 2 partners, $225.00 in all. 1 skipped: ${c.name} (no payout method set).`);
  await expect(page.getByTestId("data-row")).toHaveCount(1);
  await expect(rowOf(page, c.name)).toBeVisible();

  await page.goto(`/payouts/history?q=${encodeURIComponent(`${tag}-BATCH`)}&sort=amount&dir=asc`);
  const rows = page.getByTestId("data-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(a.name);
  await expect(rows.nth(0)).toContainText("PayPal");
  await expect(rows.nth(0)).toContainText("$75.00");
  await expect(rows.nth(1)).toContainText(b.name);
  await expect(rows.nth(1)).toContainText("Stripe");
  await expect(rows.nth(1)).toContainText("$150.00");
});

test("paying all listed: the dialog reads whom it pays and how much, and the run pays exactly that", async ({ page, request }) => {
  const tag = unique("All");
  const { partner: a } = await duePartner(page, request, `${tag} Ada`, paypal("all-ada@example.com"), 2);
  const { partner: b } = await duePartner(page, request, `${tag} Ben`, stripe);

  await page.goto(`/payouts?q=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId("data-row")).toHaveCount(2);
  await page.getByRole("button", { name: "Pay all listed…" }).click();
  const dialog = page.getByRole("dialog", { name: "Pay all 2 partners listed" });
  await expect(dialog.getByTestId("pay-all-summary")).toHaveText("2 payouts, $225.00 in all:");
  await expect(dialog.getByRole("list", { name: "Partners paid" })).toHaveText(`${a.name} ($150.00)${b.name} ($75.00)`);
  await dialog.getByLabel("Batch reference").fill(`${tag}-RUN`);
  await dialog.getByRole("button", { name: "Record payouts" }).click();
  await expect(page.getByTestId("pay-result")).toHaveText("Paid 2 partners, $225.00 in all.");
  await expect(page.getByTestId("empty-state")).toBeVisible();
});

test("exports: the due list holds the right rows", async ({ page, request }) => {
  const tag = unique("Exp");
  const { partner: a } = await duePartner(page, request, `${tag} Ann`, paypal("ann@example.com"), 2);
  const { partner: b } = await duePartner(page, request, `${tag} Bob`, stripe);

  await page.goto(`/payouts?q=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId("data-row")).toHaveCount(2);
  const due = await downloaded(page, () => page.getByRole("link", { name: "Export CSV" }).click());
  expect(due.download.suggestedFilename()).toBe("payouts-due.csv");
  const lines = due.text.replace(/^\uFEFF/, "").trim().split(/\r\n/);
  expect(lines[0]).toBe("partnerId,partner,email,status,balance,currency,commissions,oldestCommission,pending,payoutMethod,paypalEmail,accountHolder,iban,bic,stripeAccountId,instructions");
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(new RegExp(`^${a.id},${a.name},[^,]+,approved,150\\.00,USD,2,[^,]+,0\\.00,paypal,ann@example\\.com,,,,,$`));
  expect(lines[2]).toMatch(new RegExp(`^${b.id},${b.name},[^,]+,approved,75\\.00,USD,1,[^,]+,0\\.00,stripe,,,,,acct_1A2b3C4d5E6f,$`));
});

test("a PayPal batch: the file is made once, downloads the same again, and marking it paid records exactly its lines", async ({ page, request }) => {
  const tag = unique("Ppb");
  const { partner: a } = await duePartner(page, request, `${tag} Ann`, paypal("ann@example.com"), 2);
  const { partner: b } = await duePartner(page, request, `${tag} Bob`, stripe);

  await page.goto(`/payouts?q=${encodeURIComponent(tag)}`);
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "PayPal batch…" }).click();
  const dialog = page.getByRole("dialog", { name: "PayPal batch for 2 selected partners" });
  await expect(dialog.getByTestId("paypal-skipped")).toHaveText(`Left out of the PayPal file (no PayPal email): ${b.name}`);
  await expect(dialog.getByRole("list", { name: "Partners in the file" })).toHaveText(`${a.name} ($150.00) → ann@example.com`);
  await dialog.getByLabel("Note to recipients").fill("Thanks from the shop");
  await dialog.getByRole("button", { name: "Make PayPal batch" }).click();

  await expect(page).toHaveURL(/\/payouts\/batches\/[0-9a-f-]{36}$/);
  const batchPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: "PayPal batch of $150.00" })).toBeVisible();
  await expect(page.getByTestId("batch-status")).toContainText("Open");
  const file = await downloaded(page, () => page.getByRole("link", { name: "Download PayPal CSV" }).click());
  expect(file.download.suggestedFilename()).toMatch(/^paypal-batch-[0-9a-f]{8}\.csv$/);
  const lines = file.text.trim().split(/\r\n/);
  expect(lines).toEqual([`ann@example.com,150.00,USD,${a.referralCode},Thanks from the shop,PAYPAL`]); // no header row

  // Ann's money is in the batch now: not in the Due list, not payable twice.
  await page.goto(`/payouts?q=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId("data-row")).toHaveCount(1);
  await expect(rowOf(page, b.name)).toBeVisible();
  // More becomes due for Ann after the export.
  await sell(request, a);
  await approveAll(page, a, 1);

  await page.goto("/payouts/batches");
  const row = page.getByTestId("batch-row").filter({ has: page.locator(`a[href="${batchPath}"]`) });
  await expect(row).toContainText("Open");
  await expect(row).toContainText("$150.00");
  await row.getByTestId("batch-link").click();
  const again = await downloaded(page, () => page.getByRole("link", { name: "Download PayPal CSV" }).click());
  expect(again.text).toBe(file.text);
  await page.getByRole("button", { name: "Mark paid…" }).click();
  const markPaid = page.getByRole("dialog", { name: "Mark this batch paid" });
  await markPaid.getByRole("button", { name: "Mark paid" }).click();
  await expect(markPaid.getByTestId("error-reference")).toBeVisible();
  const reference = unique("PPB-");
  await markPaid.getByLabel("PayPal batch id").fill(reference);
  await markPaid.getByRole("button", { name: "Mark paid" }).click();
  await expect(page.getByTestId("batch-status")).toContainText("Paid");
  await expect(page.getByTestId("batch-status")).toContainText(`PayPal batch ${reference}`);
  await expect(page.getByRole("button", { name: "Mark paid…" })).toHaveCount(0);

  // Exactly the line: $150.00, with PayPal's batch id; the later $75.00 is still due.
  await page.goto(`/payouts/history?partner=${a.id}`);
  await expect(page.getByTestId("data-row")).toHaveCount(1);
  await expect(page.getByTestId("data-row")).toContainText("$150.00");
  await expect(page.getByTestId("data-row")).toContainText(reference);
  await page.goto(`/payouts?q=${encodeURIComponent(a.name)}`);
  await expect(rowOf(page, a.name).getByTestId("due-balance")).toHaveText("$75.00");
});

test("the currency cannot change once money is recorded", async ({ page, request }) => {
  await duePartner(page, request, unique("Cur "), {});
  await page.goto("/settings");
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("error-currency")).toContainText("The currency is fixed once money is recorded: orders and commissions exist in USD");
  await page.reload();
  await expect(page.getByLabel("Currency")).toHaveValue("USD");
});

test("voiding a payout asks why, keeps it in the history as void, and the balance comes back", async ({ page, request }) => {
  const name = unique("Voidee ");
  const { partner, orders } = await duePartner(page, request, name, paypal("voidee@example.com"));
  await page.goto(`/payouts?q=${encodeURIComponent(name)}`);
  await page.getByRole("button", { name: `Pay ${name}` }).click();
  const pay = page.getByRole("dialog", { name: `Pay ${name}` });
  await pay.getByLabel("Transaction id").fill("PP-VOID-1");
  await pay.getByRole("button", { name: "Pay $75.00" }).click();
  await expect(page.getByTestId("pay-result")).toHaveText(`Paid $75.00 to ${name}.`);

  await page.goto(`/payouts/history?partner=${partner.id}`);
  await page.getByTestId("payout-link").click();
  await expect(page.getByRole("heading", { level: 1, name: `Payout of $75.00 to ${name}` })).toBeVisible();
  await expect(page.getByTestId("payout-commission")).toHaveCount(1);
  await expect(page.getByTestId("payout-commission")).toContainText(orders[0]!);
  await expect(page.getByTestId("payout-status")).toHaveText("Completed");

  await page.getByRole("button", { name: "Void payout…" }).click();
  const dialog = page.getByRole("dialog", { name: "Void this payout?" });
  await dialog.getByRole("button", { name: "Void payout" }).click();
  await expect(dialog.getByTestId("error-reason")).toBeVisible();
  await dialog.getByLabel("Reason").fill("Sent to the wrong PayPal address");
  await dialog.getByRole("button", { name: "Void payout" }).click();
  await expect(page.getByTestId("payout-status")).toContainText("Void");
  await expect(page.getByTestId("payout-status")).toContainText(`by ${ADMIN.email}: Sent to the wrong PayPal address`);
  await expect(page.getByRole("button", { name: "Void payout…" })).toHaveCount(0);

  await page.goto(`/payouts/history?partner=${partner.id}&status=void`);
  await expect(page.getByTestId("data-row")).toHaveCount(1);
  await page.goto(`/payouts?q=${encodeURIComponent(name)}`);
  await expect(rowOf(page, name).getByTestId("due-balance")).toHaveText("$75.00");
});
