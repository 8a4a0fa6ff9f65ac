import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createApiKeyInBrowser } from "../support/api-key";
import { restoreProgramDefaults } from "../support/program-settings";

// The Overview page. Other suites create sales at the same time on the same database, so
// figures are compared as "grew by at least what this test added", never as exact totals.

const AMOUNT = 4_321_000; // minor units: big enough to lead the top partners
let key: string;
let partner: { id: string; name: string; referralCode: string; couponCodes: string[] };

function suffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** "$43,210.00" → 4321000; "1,234" → 1234; "—" → NaN. */
function figure(text: string | null): number {
  const digits = (text ?? "").replace(/[^\d-]/g, "");
  return digits ? Number(digits) : Number.NaN;
}

async function card(page: Page, id: string): Promise<number> {
  return figure(await page.getByTestId(`card-${id}`).textContent());
}

async function createPartner(request: APIRequestContext) {
  const s = suffix();
  const res = await request.post("/api/v1/partners", {
    headers: { Authorization: `Bearer ${key}` },
    data: { name: `Overview Olga ${s}`, email: `overview-${s}@example.com`, couponCodes: [`OVR${s}`.toUpperCase()] },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as typeof partner;
}

async function recordSale(request: APIRequestContext, couponCode: string, amount: number) {
  const res = await request.post("/api/track/sale", { headers: { Authorization: `Bearer ${key}` }, data: { orderId: `overview-${suffix()}`, amount, couponCode } });
  expect(res.status()).toBe(201);
  expect((await res.json()).attribution).toBe("coupon");
}

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
  key = await createApiKeyInBrowser(page, "Overview e2e");
  await restoreProgramDefaults(page); // this suite counts on the program defaults: USD and tracking on
  await page.close();
});

test("a click and a sale made through the API raise the cards and show in the charts and top partners", async ({ page, request }) => {
  await page.goto("/overview?range=7d");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  const before = { revenue: await card(page, "revenue"), conversions: await card(page, "conversions"), clicks: await card(page, "clicks") };
  expect(before.revenue).toBeGreaterThanOrEqual(0);

  partner = await createPartner(request);
  const click = await request.get(`/r/${partner.referralCode}`, { maxRedirects: 0 });
  expect(click.status()).toBe(307);
  await recordSale(request, partner.couponCodes[0]!, AMOUNT);

  await page.reload();
  expect((await card(page, "revenue")) - before.revenue).toBeGreaterThanOrEqual(AMOUNT);
  expect((await card(page, "conversions")) - before.conversions).toBeGreaterThanOrEqual(1);
  expect((await card(page, "clicks")) - before.clicks).toBeGreaterThanOrEqual(1);
  // the change against the previous period is said in words, not only by colour
  await expect(page.getByTestId("card-revenue-change")).toContainText(/previous period/);
  await expect(page.getByTestId("card-conversion-rate")).not.toHaveText("");

  // both charts are drawn, and their numbers are there for screen readers too
  for (const name of ["Revenue and commissions", "Clicks and conversions"]) {
    const chart = page.getByRole("figure", { name });
    await expect(chart).toBeVisible();
    await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
    await expect(chart.getByRole("table")).toHaveCount(1);
    await expect(chart.getByRole("table").getByRole("row")).toHaveCount(8); // header + 7 days
  }

  const top = page.getByRole("table", { name: "Top partners" });
  const row = top.getByRole("row").filter({ hasText: partner.name });
  await expect(row).toBeVisible();
  await expect(row.getByRole("link", { name: partner.name })).toHaveAttribute("href", `/partners/${partner.id}`);
  await expect(row.getByRole("cell")).toHaveText(["1", "$43,210.00", /^\$[\d,]+\.\d{2}$/]);
});

test("switching the range updates the URL, the period and the cards", async ({ page, request }) => {
  const own = await createPartner(request);
  await recordSale(request, own.couponCodes[0]!, 1_000);

  await page.goto("/overview");
  const ranges = page.getByRole("navigation", { name: "Date range" });
  await expect(ranges.getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "page");
  const period30 = await page.getByTestId("overview-period").textContent();

  await ranges.getByRole("link", { name: "12 months" }).click();
  await expect(page).toHaveURL(/[?&]range=12m(&|$)/);
  await expect(ranges.getByRole("link", { name: "12 months" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("overview-period")).not.toHaveText(period30 ?? "");
  await expect(page.getByRole("navigation", { name: "Group charts by" }).getByRole("link", { name: "Month" })).toHaveAttribute("aria-current", "page");
  expect(await card(page, "revenue")).toBeGreaterThanOrEqual(1_000);

  await page.getByRole("navigation", { name: "Group charts by" }).getByRole("link", { name: "Week" }).click();
  await expect(page).toHaveURL(/bucket=week/);
  await expect(page.getByRole("table", { name: /Revenue and commissions per week/ })).toHaveCount(1);

  await ranges.getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(/[?&]range=7d(&|$)/);
  await expect(page.getByRole("navigation", { name: "Group charts by" }).getByRole("link", { name: "Day" })).toHaveAttribute("aria-current", "page");
  expect(await card(page, "revenue")).toBeGreaterThanOrEqual(1_000);
});

test("a custom From–To range: nothing in a month long ago, today's sales in a range that ends today", async ({ page, request }) => {
  const own = await createPartner(request);
  // big enough to be among today's top partners whatever the other suites sell meanwhile
  await recordSale(request, own.couponCodes[0]!, 5_000_000);

  await page.goto("/overview");
  const today = await page.getByLabel("To", { exact: true }).inputValue();
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  await page.getByLabel("From", { exact: true }).fill("2001-01-01");
  await page.getByLabel("To", { exact: true }).fill("2001-01-31");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/range=custom&from=2001-01-01&to=2001-01-31/);
  await expect(page.getByTestId("overview-period")).toContainText("Jan 1, 2001 – Jan 31, 2001");
  await expect(page.getByTestId("card-revenue")).toHaveText("$0.00");
  await expect(page.getByTestId("card-conversions")).toHaveText("0");
  await expect(page.getByTestId("card-conversion-rate")).toHaveText("—");
  // the inputs keep the chosen range
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("2001-01-01");

  await page.getByLabel("From", { exact: true }).fill(today);
  await page.getByLabel("To", { exact: true }).fill(today);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`range=custom&from=${today}&to=${today}`));
  await expect.poll(() => card(page, "revenue")).toBeGreaterThanOrEqual(5_000_000);
  await expect(page.getByRole("table", { name: "Top partners" }).getByRole("link", { name: own.name })).toBeVisible();
});

test("on a phone the cards stack in one column", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/overview");
  const revenue = page.getByTestId("card-revenue-card");
  const conversions = page.getByTestId("card-conversions-card");
  // The page streams in behind a loading skeleton: measure the cards once they are shown.
  await expect(revenue).toBeVisible();
  await expect(conversions).toBeVisible();
  const first = await revenue.boundingBox();
  const second = await conversions.boundingBox();
  expect(first && second).toBeTruthy();
  expect(Math.abs(first!.x - second!.x)).toBeLessThan(1);
  expect(second!.y).toBeGreaterThan(first!.y);
  expect(first!.width).toBeGreaterThan(300);
});

test("Owed now reads the same as Payouts → Due now, and leads there", async ({ page, request }) => {
  // Something owed for sure: a sale of our own, approved on the Commissions page.
  const own = await createPartner(request);
  await recordSale(request, own.couponCodes[0]!, 50_000);
  await page.goto(`/commissions?partner=${own.id}&status=pending`);
  await expect(page.getByTestId("data-row")).toHaveCount(1);
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByTestId("bulk-result")).toHaveText("1 approved.");
  // Other suites pay and sell meanwhile: read both pages until one pair is taken between changes.
  await expect
    .poll(
      async () => {
        await page.goto("/overview?range=7d");
        const owed = await page.getByTestId("owed-now").textContent();
        await page.goto("/payouts");
        const due = await page.getByTestId("due-total").textContent();
        await page.goto("/overview?range=7d");
        const again = await page.getByTestId("owed-now").textContent();
        return owed === again && owed === due ? "same" : `${owed} / ${due} / ${again}`;
      },
      { timeout: 30_000 },
    )
    .toBe("same");
  expect(figure(await page.getByTestId("owed-now").textContent())).toBeGreaterThanOrEqual(5_000);
  // the period cards say they count what was earned in the period, not what is owed
  await expect(page.getByTestId("card-commissions-outstanding-card")).toContainText("earned in this period");
  await page.getByTestId("owed-now-card").getByRole("link").click();
  await expect(page).toHaveURL(/\/payouts$/);
});
