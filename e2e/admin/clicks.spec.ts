import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { createApiKeyInBrowser } from "../support/api-key";
import { createPartnerViaApi, recordSaleViaApi, unique, visit } from "../support/store-api";
import { restoreProgramDefaults } from "../support/program-settings";

// The click log. Other suites click at the same time, so each test reads only the clicks of
// a partner it created (through the partner filter, as a merchant would).

let key: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
  key = await createApiKeyInBrowser(page, `Clicks e2e ${unique()}`);
  await restoreProgramDefaults(page); // this suite counts on the program defaults: tracking on
  await page.close();
});

async function filterByPartner(page: Page, name: string) {
  await page.getByRole("combobox", { name: "Partner" }).fill(name);
  await page.getByRole("option", { name: new RegExp(name) }).click();
  await expect(page).toHaveURL(/partner=/);
}

test("the click log shows a click made through /r/<code>, with device, outcome and conversion", async ({ page, request }) => {
  const partner = await createPartnerViaApi(request, key, { name: `Clicky ${unique()}` });
  const visitorId = await visit(request, `/r/${partner.referralCode}`, { referer: "https://blog.example.org/best-tents" });
  await visit(request, `/r/${partner.referralCode}`, { userAgent: "Googlebot/2.1 (+http://www.google.com/bot.html)" });
  await recordSaleViaApi(request, key, { amount: 5_000, visitorId });

  await page.goto("/clicks");
  await expect(page.getByRole("heading", { name: "Clicks", level: 1 })).toBeVisible();
  await filterByPartner(page, partner.name);

  const rows = page.getByTestId("data-row");
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("pagination-summary")).toHaveText("1–2 of 2");
  const counted = rows.filter({ hasText: "Counted" });
  await expect(counted).toContainText(partner.name);
  await expect(counted).toContainText("Referral link");
  await expect(counted).toContainText("blog.example.org");
  await expect(counted).toContainText("Desktop");
  await expect(counted).toContainText("Chrome 126 · Windows 10");
  await expect(counted).toContainText("Converted");
  await expect(rows.filter({ hasText: "Declined: bot" })).toHaveCount(1);

  // filters: declined only, then converted only
  await page.getByLabel("Outcome").selectOption("declined");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Declined: bot");
  await page.getByLabel("Outcome").selectOption("");
  await page.getByLabel("Converted", { exact: true }).selectOption("yes");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Counted");
});

test("CSV export downloads the filtered clicks", async ({ page, request }) => {
  const partner = await createPartnerViaApi(request, key, { name: `Exporter ${unique()}` });
  await visit(request, `/r/${partner.referralCode}`);
  await visit(request, `/r/${partner.referralCode}`); // the same visitor again: a repeat within the hour
  await visit(request, `/r/${partner.referralCode}`, { userAgent: "Googlebot/2.1 (+http://www.google.com/bot.html)" });

  await page.goto(`/clicks?partner=${partner.id}`);
  await expect(page.getByTestId("chip-partner-filter")).toContainText(partner.name);
  const rows = page.getByTestId("data-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: "Declined: repeat within the hour" })).toHaveCount(1);
  await page.getByLabel("Outcome").selectOption("declined");
  await expect(rows).toHaveCount(2);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("clicks.csv");
  const lines = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(lines[0]).toBe("time,partner,referralCode,link,landingUrl,referrer,device,browser,os,status,converted,userAgent");
  expect(lines).toHaveLength(3);
  for (const line of lines.slice(1)) {
    expect(line).toContain(`${partner.name},${partner.referralCode},referral link,`);
    expect(line).not.toContain(",counted,");
  }
  expect(lines.slice(1).map((l) => /declined: (\w+)/.exec(l)?.[1]).sort()).toEqual(["bot", "duplicate"]);
});
