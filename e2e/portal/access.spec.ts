import { expect, test, type Browser, type Page } from "@playwright/test";
import { createApiKeyInBrowser } from "../support/api-key";
import { expectPostedWithoutSecretInUrl } from "../support/early-submit";
import { createPortalPartner, PORTAL_PASSWORD, setPortalPassword, signInPortal } from "../support/portal";
import { ADMIN_STATE, PROGRAM_SETTINGS, useProgramDefaults } from "../support/program-settings";
import { unique } from "../support/store-api";

// Getting into the partner portal and staying in one's own: first visit, sign-in, backoff,
// settings the merchant sees, token rotation, the wall between admin and portal sessions,
// /apply, and partner A finding nothing of partner B's. Each test makes its own partners.

let key: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ storageState: ADMIN_STATE });
  key = await createApiKeyInBrowser(page, `Portal access e2e ${unique()}`);
  await page.close();
});

async function adminPage(browser: Browser): Promise<Page> {
  return browser.newPage({ storageState: ADMIN_STATE });
}

test("first visit sets a password once; sign out and sign in again", async ({ page, request }) => {
  const p = await createPortalPartner(request, key);
  const first = await page.goto(`${p.dashboardUrl}/settings`);
  await expect(page).toHaveURL(new RegExp(`${p.dashboardUrl}/set-password$`));
  expect(first?.headers()["referrer-policy"]).toBe("no-referrer");

  // weak and mismatched passwords are refused next to their fields
  await page.getByLabel("New password").fill("short");
  await page.getByLabel("Confirm password").fill("short");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByTestId("error-password")).toHaveText("Use at least 10 characters.");
  await page.getByLabel("New password").fill(PORTAL_PASSWORD);
  await page.getByLabel("Confirm password").fill(`${PORTAL_PASSWORD}!`);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByTestId("error-confirm")).toHaveText("The passwords do not match.");

  await setPortalPassword(page, p.token);
  await page.goto(`${p.dashboardUrl}/settings`);
  await expect(page.getByTestId("portal-partner")).toHaveText(p.name);
  const nav = page.getByRole("navigation", { name: "Portal" });
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("href", p.dashboardUrl);
  await expect(nav.getByRole("link", { name: "Promote" })).toHaveAttribute("href", `${p.dashboardUrl}/promote`);
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");

  // the session cookie: the portal's own, script-proof, sent only under /p/
  const cookie = (await page.context().cookies()).find((c) => c.name === "aff_portal");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/p/", secure: true });

  // once a password exists the set-password step is gone
  await page.goto(`${p.dashboardUrl}/set-password`);
  await expect(page).not.toHaveURL(/set-password/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(new RegExp(`${p.dashboardUrl}/sign-in$`));
  await page.goto(`${p.dashboardUrl}/settings`);
  await expect(page).toHaveURL(new RegExp(`${p.dashboardUrl}/sign-in$`));
  await page.goto(`${p.dashboardUrl}/set-password`);
  await expect(page).toHaveURL(new RegExp(`${p.dashboardUrl}/sign-in$`));

  await signInPortal(page, p.token);
  await page.goto(`${p.dashboardUrl}/settings`);
  await expect(page.getByTestId("portal-partner")).toHaveText(p.name);
});

test("a password typed before the page's scripts run never goes into a URL", async ({ browser, request }) => {
  // Submitted before hydration, the browser sends the form itself: as a GET the password would
  // land in the address bar, the history and the request log.
  const p = await createPortalPartner(request, key);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(`${p.dashboardUrl}/set-password`);
  await expectPostedWithoutSecretInUrl(page, "typed-too-early", async () => {
    await page.getByLabel("New password").fill("typed-too-early-1");
    await page.getByLabel("Confirm password").fill("typed-too-early-1");
    await page.getByRole("button", { name: "Set password" }).click();
  });
  await context.close();
});

test("a wrong password says only that; repeated failures are throttled, even for the right one", async ({ page, browser, request }) => {
  const p = await createPortalPartner(request, key);
  const owner = await browser.newPage();
  await setPortalPassword(owner, p.token);
  await owner.close();

  await page.goto(`${p.dashboardUrl}/sign-in`);
  for (let attempt = 1; attempt <= 4; attempt++) {
    await page.getByLabel("Password").fill(`wrong-guess-${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong password.");
    await page.getByLabel("Password").fill("");
  }
  await page.getByLabel("Password").fill("wrong-guess-5");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText(/^Too many failed attempts\. Try again in \d+ seconds\.$/);
  await page.getByLabel("Password").fill(PORTAL_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText(/^Too many failed attempts/);
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("payout settings are saved and the merchant sees them at once", async ({ page, browser, request }) => {
  const p = await createPortalPartner(request, key);
  await setPortalPassword(page, p.token);
  await page.goto(`${p.dashboardUrl}/settings`);

  await page.getByLabel("Payout method").selectOption("stripe");
  await page.getByLabel("Stripe account ID").fill("1234");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("error-stripeAccountId")).toContainText("acct_");

  const newName = `${p.name} Renamed`;
  const paypal = `${unique("pay-")}@example.com`;
  await page.getByLabel("Name").fill(newName);
  await page.getByLabel("Payout method").selectOption("paypal");
  await page.getByLabel("PayPal email").fill(paypal);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Your settings were saved.");
  await page.reload();
  await expect(page.getByLabel("PayPal email")).toHaveValue(paypal);
  await expect(page.getByTestId("portal-partner")).toHaveText(newName);

  const admin = await adminPage(browser);
  await admin.goto(`/partners/${p.id}`);
  await expect(admin.getByRole("heading", { level: 1, name: newName })).toBeVisible();
  await expect(admin.getByText(paypal)).toBeVisible();
  await admin.close();
});

test("changing the password asks for the current one and signs the partner out everywhere else", async ({ page, browser, request }) => {
  const p = await createPortalPartner(request, key);
  await setPortalPassword(page, p.token);
  const elsewhere = await browser.newPage();
  await signInPortal(elsewhere, p.token);

  await page.goto(`${p.dashboardUrl}/settings`);
  const form = page.getByRole("form", { name: "Change your password" });
  await form.getByLabel("Current password").fill("not-the-password");
  await form.getByLabel("New password", { exact: true }).fill("copper-harbor-9135");
  await form.getByLabel("Repeat new password").fill("copper-harbor-9135");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByTestId("error-current")).toHaveText("That is not your current password.");
  await form.getByLabel("Current password").fill(PORTAL_PASSWORD);
  await form.getByLabel("New password", { exact: true }).fill("copper-harbor-9135");
  await form.getByLabel("Repeat new password").fill("copper-harbor-9135");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByTestId("password-message")).toHaveText("Your password was changed. Your other sessions have been signed out.");

  await page.goto(`${p.dashboardUrl}/settings`);
  await expect(page.getByTestId("portal-partner")).toHaveText(p.name);
  await elsewhere.goto(`${p.dashboardUrl}/settings`);
  await expect(elsewhere).toHaveURL(new RegExp(`${p.dashboardUrl}/sign-in$`));
  await signInPortal(elsewhere, p.token, "copper-harbor-9135");
  await elsewhere.close();
});

test("the merchant's reset password locks the old URL out at once", async ({ page, browser, request }) => {
  const p = await createPortalPartner(request, key);
  await setPortalPassword(page, p.token);
  await page.goto(`${p.dashboardUrl}/settings`);
  await expect(page.getByTestId("portal-partner")).toHaveText(p.name);

  const admin = await adminPage(browser);
  await admin.goto(`/partners/${p.id}`);
  await admin.getByRole("button", { name: "Reset password" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Reset password" }).click();
  await expect(admin.getByTestId("dashboard-url")).not.toHaveText(new RegExp(`${p.token}$`));
  const newUrl = new URL((await admin.getByTestId("dashboard-url").textContent())!.trim()).pathname;
  await admin.close();

  for (const path of ["/settings", "/sign-in", "/set-password", ""]) {
    const res = await page.goto(`${p.dashboardUrl}${path}`);
    expect(res?.status(), `old URL ${path}`).toBe(404);
  }
  // the new URL starts over: a new password, and the old one is gone
  await page.goto(`${newUrl}/settings`);
  await expect(page).toHaveURL(new RegExp(`${newUrl}/set-password$`));
});

test("an admin session opens no portal, and a portal session opens no admin console", async ({ browser, request }) => {
  const p = await createPortalPartner(request, key);
  const admin = await adminPage(browser);
  await admin.goto(`${p.dashboardUrl}/settings`);
  await expect(admin).toHaveURL(new RegExp(`${p.dashboardUrl}/set-password$`));
  await setPortalPassword(admin, p.token);
  // the admin's browser now holds both cookies; a fresh admin browser holds only the admin's
  const adminOnly = await adminPage(browser);
  await adminOnly.goto(`${p.dashboardUrl}/settings`);
  await expect(adminOnly).toHaveURL(new RegExp(`${p.dashboardUrl}/sign-in$`));
  await adminOnly.close();
  await admin.close();

  const partnerContext = await browser.newContext();
  const partnerPage = await partnerContext.newPage();
  await signInPortal(partnerPage, p.token);
  await partnerPage.goto("/overview");
  await expect(partnerPage).toHaveURL(/\/login/);
  await partnerPage.goto(`/partners/${p.id}`);
  await expect(partnerPage).toHaveURL(/\/login/);
  for (const path of ["/api/admin/audit-log", "/api/admin/commissions", "/api/v1/partners"]) {
    const res = await partnerPage.request.get(path);
    expect(res.status(), path).toBe(401);
  }
  await partnerContext.close();
});

test("a wrong or guessed token is a plain 404", async ({ page, request }) => {
  const p = await createPortalPartner(request, key);
  const flipped = p.token.slice(0, -1) + (p.token.endsWith("A") ? "B" : "A");
  for (const token of [flipped, "x".repeat(32), "admin", p.token.slice(0, 16)]) {
    const res = await page.goto(`/p/${token}/sign-in`);
    expect(res?.status(), token).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("partner A signed in finds nothing of partner B's", async ({ page, browser, request }) => {
  const a = await createPortalPartner(request, key);
  const b = await createPortalPartner(request, key);
  const bPaypal = `${unique("b-pay-")}@example.com`;
  const bPage = await browser.newPage();
  await setPortalPassword(bPage, b.token);
  await bPage.goto(`${b.dashboardUrl}/settings`);
  await bPage.getByLabel("Payout method").selectOption("paypal");
  await bPage.getByLabel("PayPal email").fill(bPaypal);
  await bPage.getByRole("button", { name: "Save settings" }).click();
  await expect(bPage.getByTestId("form-message")).toHaveText("Your settings were saved.");
  await bPage.close();

  await setPortalPassword(page, a.token);
  // A's session on B's URLs is no session: B's pages ask for B's password
  for (const path of ["", "/settings", "/promote"]) {
    await page.goto(`${b.dashboardUrl}${path}`);
    await expect(page, path).toHaveURL(new RegExp(`${b.dashboardUrl}/sign-in$`));
    await expect(page.getByText(bPaypal)).toHaveCount(0);
    await expect(page.getByText(b.name)).toHaveCount(0);
  }
  // B's ids through the admin pages and APIs answer nothing either
  await page.goto(`/partners/${b.id}`);
  await expect(page).toHaveURL(/\/login/);
  for (const path of [`/api/v1/partners/${b.id}`, `/api/admin/commissions?partner=${b.id}`, `/api/admin/links?partner=${b.id}`]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(401);
    expect(await res.text()).not.toContain(bPaypal);
  }
  // and A's own settings still show A, not B
  await page.goto(`${a.dashboardUrl}/settings`);
  await expect(page.getByTestId("portal-partner")).toHaveText(a.name);
  await expect(page.getByText(bPaypal)).toHaveCount(0);
});

// Opening and closing /apply is a program setting: tagged to run after the other suites, one
// at a time, putting the defaults back (applications closed) when done.
test.describe("applying at /apply", { tag: PROGRAM_SETTINGS }, () => {
  test.describe.configure({ mode: "serial" });
  test.afterAll(async ({ browser }) => useProgramDefaults(browser));

  async function setApplications(browser: Browser, open: boolean) {
    const admin = await adminPage(browser);
    await admin.goto("/settings");
    const toggle = admin.getByRole("switch", { name: "Accept applications at /apply" });
    if ((await toggle.isChecked()) !== open) {
      await toggle.setChecked(open);
      await admin.getByRole("button", { name: "Save settings" }).click();
      await expect(admin.getByTestId("form-message")).toHaveText("Settings saved.");
    }
    await admin.close();
  }

  test("closed: the page says so", async ({ page, browser }) => {
    await setApplications(browser, false);
    const res = await page.goto("/apply");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Applications are closed" })).toBeVisible();
  });

  test("open: an applicant becomes a pending partner with a dashboard of their own", async ({ page, browser }) => {
    await setApplications(browser, true);
    const email = `${unique("applicant-")}@example.com`;
    const name = unique("Applicant ");
    const res = await page.goto("/apply");
    expect(res?.status()).toBe(200);
    expect(res?.headers()["referrer-policy"]).toBe("no-referrer");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Website (optional)").fill("https://applicant.example.com");
    await page.getByLabel("Password", { exact: true }).fill(PORTAL_PASSWORD);
    await page.getByLabel("Confirm password").fill(PORTAL_PASSWORD);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByTestId("application-sent")).toBeVisible();
    const dashboardUrl = new URL((await page.getByTestId("dashboard-url").textContent())!.trim()).pathname;
    expect(dashboardUrl).toMatch(/^\/p\/[\w-]{32,}$/);

    // signed in already: their own settings, under their name
    await page.goto(`${dashboardUrl}/settings`);
    await expect(page.getByTestId("portal-partner")).toHaveText(name);

    // the same email again is refused on the email field
    const again = await browser.newPage();
    await again.goto("/apply");
    await again.getByLabel("Name").fill("Someone Else");
    await again.getByLabel("Email").fill(email);
    await again.getByLabel("Password", { exact: true }).fill(PORTAL_PASSWORD);
    await again.getByLabel("Confirm password").fill(PORTAL_PASSWORD);
    await again.getByRole("button", { name: "Apply" }).click();
    await expect(again.getByTestId("error-email")).toHaveText("A partner with this email already exists.");
    await again.close();

    // the merchant finds the application pending
    const admin = await adminPage(browser);
    await admin.goto(`/partners?q=${encodeURIComponent(email)}`);
    await expect(admin.getByTestId("data-row").filter({ hasText: email })).toContainText("Pending");
    await admin.close();
  });
});
