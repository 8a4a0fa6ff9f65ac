import { expect, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { createApiKeyInBrowser } from "../support/api-key";
import { restoreProgramDefaults } from "../support/program-settings";
import { BROWSER_UA, createPartnerViaApi, visitorIp } from "../support/store-api";

test("the Integration page shows the snippet, tests a key, and lists what the API received", async ({ page, request }) => {
  await restoreProgramDefaults(page); // tracking on
  const key = await createApiKeyInBrowser(page, "Integration check");
  await page.goto("/settings/integration");
  await expect(page.getByText(`<script src="${baseURL}/track.js" async></script>`).first()).toBeVisible();

  await page.getByLabel("Secret key").fill("sk_aff_not-a-real-key-at-all-0000000000000");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-result")).toHaveText("That key is not valid or has been revoked.");
  await page.getByLabel("Secret key").fill(key);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-result")).toContainText("Connected to");

  // a store's bad request and a good one show up in the live list without a reload
  const orderId = `int-page-${Date.now()}`;
  const bad = await request.post("/api/track/sale", { headers: { Authorization: `Bearer ${key}` }, data: { orderId, amount: "49.99" } });
  expect(bad.status()).toBe(422);
  const good = await request.post("/api/track/sale", { headers: { Authorization: `Bearer ${key}` }, data: { orderId, amount: 4999 } });
  expect(good.status()).toBe(201);
  const rows = page.getByTestId("tracking-event");
  await expect(rows.filter({ hasText: orderId }).first()).toContainText("not attributed", { timeout: 15_000 });
  await expect(rows.filter({ hasText: "invalid_request" }).first()).toContainText("amount");

  // a browser click shows up too
  const partner = await createPartnerViaApi(request, key);
  const clicked = await request.post("/api/track/click", { headers: { "user-agent": BROWSER_UA, "x-forwarded-for": visitorIp() }, data: { ref: partner.referralCode } });
  expect(clicked.status()).toBe(200);
  await expect(rows.filter({ hasText: partner.referralCode }).first()).toContainText("Click", { timeout: 15_000 });

  // the Errors view keeps only the refused request, the Server calls view leaves out clicks
  await page.getByRole("button", { name: "Errors" }).click();
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasText: "invalid_request" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: /HTTP status [23]\d\d/ })).toHaveCount(0);
  await expect(rows.filter({ hasText: "not attributed" }).filter({ hasText: orderId })).toHaveCount(0);
  await page.getByRole("button", { name: "Server calls" }).click();
  await expect(rows.filter({ hasText: orderId }).first()).toContainText("not attributed");
  await expect(rows.filter({ hasText: partner.referralCode })).toHaveCount(0);
  await expect(rows.filter({ has: page.getByText("Click", { exact: true }) })).toHaveCount(0);

  const wrong = await page.request.get("/api/admin/tracking-events?show=everything");
  expect(wrong.status()).toBe(422);
  expect((await wrong.json()).error.details).toEqual([expect.objectContaining({ field: "show" })]);
});
