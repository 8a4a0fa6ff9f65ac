import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { ADMIN, expectSignedIn, signIn } from "../support/admin";
import { adminRoutes } from "../support/admin-routes";
import { createApiKeyInBrowser } from "../support/api-key";
import { startDemoStore } from "../support/demo-store";
import { createPortalPartner, setPortalPassword } from "../support/portal";
import { createPartnerViaApi, unique, visit } from "../support/store-api";

// The security headers (proxy.ts, next.config.ts): every page of the console, the portal and
// the sign-in page carries a nonce-based CSP without 'unsafe-inline' for scripts and cannot be
// framed, and renders with no CSP violation; /track.js and the tracking routes stay usable from
// any store origin. The server runs on http here, so no HSTS (unit-tested for https).

let key: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
  key = await createApiKeyInBrowser(page, `Security headers e2e ${unique()}`);
  await page.close();
});

/** One directive of a policy, e.g. "frame-ancestors 'none'". */
function directive(policy: string, name: string): string | undefined {
  return policy
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.split(" ")[0] === name);
}

function expectPageHeaders(headers: Record<string, string>, referrerPolicy: string) {
  const policy = headers["content-security-policy"] ?? "";
  const scripts = directive(policy, "script-src") ?? "";
  expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/]+={0,2}'/);
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("unsafe-inline");
  expect(scripts).not.toContain("unsafe-eval");
  expect(directive(policy, "default-src")).toBe("default-src 'self'");
  expect(directive(policy, "object-src")).toBe("object-src 'none'");
  expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe(referrerPolicy);
  expect(headers["strict-transport-security"]).toBeUndefined();
}

/**
 * Collects CSP violations on this page from both sides: the browser's console message and the
 * page's `securitypolicyviolation` event (reported through a binding, which CSP cannot block).
 */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/content.security.policy/i.test(message.text())) violations.push(`console on ${page.url()}: ${message.text()}`);
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation;
      report(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} on ${location.pathname}${e.sample ? `: ${e.sample}` : ""}`);
    });
  });
  return violations;
}

/** Opens a page and waits until its scripts (which need the nonce) have run and settled. */
async function open(page: Page, url: string, statuses = [200]) {
  const response = await page.goto(url);
  expect(response, url).not.toBeNull();
  expect(statuses, url).toContain(response!.status());
  await page.waitForFunction(() => "next" in window, undefined, { timeout: 10_000 });
  await page.waitForLoadState("networkidle");
  return response!;
}

/** Sells once with the partner's coupon and approves it as a merchant does; answers the commission id. */
async function approvedSale(page: Page, request: APIRequestContext, partnerId: string, coupon: string): Promise<string> {
  const customer = { id: unique("cus_"), email: `${unique("csp-")}@example.com`, name: unique("Csp Customer ") };
  const sale = await request.post("/api/track/sale", { headers: { Authorization: `Bearer ${key}` }, data: { orderId: unique("csp-order-"), amount: 20_000, couponCode: coupon, customer } });
  expect(sale.status(), await sale.text()).toBe(201);
  await open(page, `/commissions?partner=${partnerId}&status=pending`);
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByTestId("bulk-result")).toHaveText("1 approved.");
  return ((await sale.json()) as { commission: { id: string } }).commission.id;
}

/** A partner paid once and with a PayPal batch open: ids for every admin page that shows one record. */
async function recordsForDetailPages(page: Page, request: APIRequestContext) {
  const coupon = unique("CSP").toUpperCase();
  const name = unique("CSP Partner ");
  const partner = await createPartnerViaApi(request, key, {
    name,
    couponCodes: [coupon],
    commissionType: "fixed",
    commissionRate: 7500,
    payoutMethod: "paypal",
    payoutDetails: { email: `${unique("csp-paypal-")}@example.com` },
  });
  const commissionId = await approvedSale(page, request, partner.id, coupon);
  const payout = await request.post("/api/v1/payouts", { headers: { Authorization: `Bearer ${key}` }, data: { partnerId: partner.id, method: "other" } });
  expect(payout.status(), await payout.text()).toBe(201);
  const payoutId = ((await payout.json()) as { id: string }).id;

  // a second sale, due again, goes into a PayPal batch
  await approvedSale(page, request, partner.id, coupon);
  await open(page, `/payouts?q=${encodeURIComponent(name)}`);
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "PayPal batch…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Make PayPal batch" }).click();
  await expect(page).toHaveURL(/\/payouts\/batches\/[0-9a-f-]{36}$/);
  const batchId = new URL(page.url()).pathname.split("/").pop()!;

  await open(page, `/customers?partner=${partner.id}`);
  const customerHref = await page.getByTestId("customer-link").first().getAttribute("href");
  const customerId = customerHref?.split("/").pop();
  expect(customerId).toBeTruthy();
  return { partner: partner.id, commission: commissionId, payout: payoutId, batch: batchId, customer: customerId! };
}

test("every admin page renders with its scripts under the CSP and no violation", async ({ page, request }) => {
  test.setTimeout(180_000);
  const violations = await watchCsp(page);
  const ids = await recordsForDetailPages(page, request);
  const concrete: Record<string, string> = {
    "/commissions/[id]": `/commissions/${ids.commission}`,
    "/customers/[id]": `/customers/${ids.customer}`,
    "/partners/[id]": `/partners/${ids.partner}`,
    "/partners/[id]/edit": `/partners/${ids.partner}/edit`,
    "/payouts/[id]": `/payouts/${ids.payout}`,
    "/payouts/batches/[id]": `/payouts/batches/${ids.batch}`,
  };
  const routes = adminRoutes();
  expect(routes.length).toBeGreaterThan(15);
  for (const route of routes) {
    // a page added later with a dynamic segment must be given a record here
    const url = route.includes("[") ? concrete[route] : route;
    expect(url, `no record to open ${route} with`).toBeDefined();
    const response = await open(page, url!);
    expectPageHeaders(response.headers(), "strict-origin-when-cross-origin");
  }
  // charts and tooltips draw on hover: still no violation
  await open(page, "/overview");
  await page.locator(".recharts-surface").first().hover();
  expect(violations).toEqual([]);
});

test("the page's scripts carry this response's nonce, and every response has a fresh one", async ({ page }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 2; i++) {
    const response = await page.request.get("/overview");
    const policy = response.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    nonces.add(nonce!);
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(3);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(2);
});

async function signedOutPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

test("the sign-in page: headers, no violation, and signing in still works", async ({ browser }) => {
  const page = await signedOutPage(browser);
  const violations = await watchCsp(page);
  expectPageHeaders((await open(page, "/login")).headers(), "strict-origin-when-cross-origin");
  await signIn(page, ADMIN.email, ADMIN.password);
  await expectSignedIn(page);
  expect(violations).toEqual([]);
  await page.context().close();
});

test("every partner portal page, /apply and the 404 page: headers and no violation", async ({ browser, request }) => {
  const partner = await createPortalPartner(request, key);
  const page = await signedOutPage(browser);
  const violations = await watchCsp(page);
  expectPageHeaders((await open(page, `${partner.dashboardUrl}/set-password`)).headers(), "no-referrer");
  await setPortalPassword(page, partner.token);
  for (const sub of ["", "/promote", "/settings"]) expectPageHeaders((await open(page, `${partner.dashboardUrl}${sub}`)).headers(), "no-referrer");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(new RegExp(`${partner.dashboardUrl}/sign-in$`));
  expectPageHeaders((await open(page, `${partner.dashboardUrl}/sign-in`)).headers(), "no-referrer");
  // the application form, or its 404 while applications are switched off
  expectPageHeaders((await open(page, "/apply", [200, 404])).headers(), "no-referrer");
  expectPageHeaders((await open(page, `/no-such-page-${unique()}`, [404])).headers(), "strict-origin-when-cross-origin");
  expect(violations).toEqual([]);
  await page.context().close();
});

test("another site cannot frame the console or the portal", async ({ page, baseURL }) => {
  const partner = await createPortalPartner(page.request, key);
  const framed = ["/overview", "/login", `${partner.dashboardUrl}/sign-in`];
  // another origin: 127.0.0.1 instead of localhost, on a port of its own
  const site = http.createServer((_, res) => res.setHeader("Content-Type", "text/html").end(framed.map((p) => `<iframe src="${baseURL}${p}"></iframe>`).join("")));
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  try {
    const refused: string[] = [];
    page.on("console", (message) => message.text().includes("frame-ancestors 'none'") && refused.push(message.text()));
    await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
    await expect.poll(() => refused.length).toBe(framed.length);
    // each frame shows the browser's error page instead of the app
    await expect.poll(() => page.frames().slice(1).map((f) => f.url().split(":")[0])).toEqual(["chrome-error", "chrome-error", "chrome-error"]);
  } finally {
    site.close();
  }
});

test("/track.js and the tracking routes keep working from any store origin", async ({ page, request, baseURL }) => {
  const script = await request.get("/track.js");
  expect(script.status()).toBe(200);
  expect(script.headers()["content-type"]).toMatch(/^application\/javascript/);
  expect(script.headers()["x-content-type-options"]).toBe("nosniff");
  // nothing that would stop another origin from loading or running it
  for (const header of ["content-security-policy", "x-frame-options", "cross-origin-resource-policy", "cross-origin-embedder-policy"]) expect(script.headers()[header]).toBeUndefined();

  const preflight = await request.fetch("/api/track/click", { method: "OPTIONS", headers: { Origin: "http://shop.example", "Access-Control-Request-Method": "POST" } });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
  const config = await request.get("/api/track/config", { headers: { Origin: "http://shop.example" } });
  expect(config.headers()["access-control-allow-origin"]).toBe("*");
  expect(config.headers()["content-security-policy"]).toBeUndefined();

  const partner = await createPartnerViaApi(request, key);
  expect(await visit(request, `/r/${partner.referralCode}`)).toBeTruthy();
  const redirect = await request.get(`/r/${partner.referralCode}`, { maxRedirects: 0, headers: { "x-forwarded-for": "10.9.8.7" } });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers()["x-content-type-options"]).toBe("nosniff");
  expect(redirect.headers()["content-security-policy"]).toBeUndefined();
  // the store still receives the Referer the partner's page chose to send
  expect(redirect.headers()["referrer-policy"]).toBeUndefined();

  // a store page on another origin loads the snippet and records a click through it
  const store = await startDemoStore(baseURL!, key);
  try {
    await page.goto(`${store.origin}/?ref=${partner.referralCode}`);
    const visitorId = await page.evaluate(async () => {
      const affiliate = (window as unknown as { affiliate: { ready: Promise<unknown>; visitorId(): string | null } }).affiliate;
      await affiliate.ready;
      return affiliate.visitorId();
    });
    expect(visitorId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  } finally {
    await store.close();
  }
});
