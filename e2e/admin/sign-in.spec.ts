import { expect, test } from "@playwright/test";
import { ADMIN, expectSignedIn, signIn } from "../support/admin";
import { expectPostedWithoutSecretInUrl } from "../support/early-submit";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("admin pages redirect to the sign-in page", async ({ page }) => {
    for (const path of ["/", "/overview", "/settings", "/settings/api-keys", "/partners"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login/);
    }
  });

  test("admin route handlers answer 401 with the error shape", async ({ request }) => {
    const res = await request.get("/api/admin/audit-log");
    expect(res.status()).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
  });

  test("a wrong password and an unknown email get the same message", async ({ page }) => {
    await signIn(page, ADMIN.email, "not the password");
    await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
    await signIn(page, "nobody-here@example.com", "not the password");
    await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/login/);
  });

  test("after signing in, a foreign callbackUrl lands on the Overview; a path of the app is followed", async ({ page }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/\\evil.example")}`);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expectSignedIn(page);
    // signed in now: the sign-in page sends each of these on at once, the same check deciding
    for (const target of ["/\\evil.example", "/%09/evil.example", "//evil.example", "https://evil.example/", "/%2F%2Fevil.example", "\\\\evil.example"]) {
      await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
      await expect(page, target).toHaveURL(/\/overview$/);
    }
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/partners?status=approved")}`);
    await expect(page).toHaveURL(/\/partners\?status=approved$/);
  });

  test("the right password signs in, and signing out ends the session", async ({ page }) => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await expectSignedIn(page);
    await page.getByRole("button", { name: /Sign out/ }).first().click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/login/);
  });

  test.describe("before the page's scripts have run", () => {
    test.use({ javaScriptEnabled: false });

    // A form submitted before hydration is sent by the browser itself: as a GET it would put
    // the password in the address bar, the history and the server's request log.
    test("submitting the sign-in form never puts the password in a URL", async ({ page }) => {
      await page.goto("/login");
      await expectPostedWithoutSecretInUrl(page, "typed-too-early", async () => {
        await page.getByLabel("Email").fill(ADMIN.email);
        await page.getByLabel("Password").fill("typed-too-early");
        await page.getByRole("button", { name: "Sign in" }).click();
      });
    });
  });
});

test("repeated failures lock an account, even against the right password", async ({ page, browser }) => {
  // A second admin of its own, so locking it cannot disturb the other tests.
  const email = `locked-${Date.now()}@example.com`;
  await page.goto("/settings/team");
  const form = page.getByRole("form", { name: "Add an admin" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password", { exact: true }).fill("the right password");
  await form.getByRole("button", { name: "Add admin" }).click();
  await expect(page.getByText(`${email} can now sign in.`)).toBeVisible();

  const anonymous = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  for (let i = 0; i < 5; i++) {
    await signIn(anonymous, email, `wrong password ${i}`);
    await expect(anonymous.getByTestId("sign-in-error")).toBeVisible();
  }
  await expect(anonymous.getByTestId("sign-in-error")).toHaveText(/Too many failed attempts\. Try again in \d+ seconds\./);
  await signIn(anonymous, email, "the right password");
  await expect(anonymous.getByTestId("sign-in-error")).toHaveText(/Too many failed attempts/);
  await expect(anonymous).toHaveURL(/\/login/);
  await anonymous.close();
});

test("changing a password asks for the current one and signs the admin out everywhere else", async ({ page, browser }) => {
  const email = `changer-${Date.now()}@example.com`;
  await page.goto("/settings/team");
  const add = page.getByRole("form", { name: "Add an admin" });
  await add.getByLabel("Email").fill(email);
  await add.getByLabel("Password", { exact: true }).fill("the first password");
  await add.getByRole("button", { name: "Add admin" }).click();
  await expect(page.getByText(`${email} can now sign in.`)).toBeVisible();

  const signedOut = { storageState: { cookies: [], origins: [] } };
  const here = await browser.newPage(signedOut);
  const elsewhere = await browser.newPage(signedOut);
  for (const p of [here, elsewhere]) {
    await signIn(p, email, "the first password");
    await expectSignedIn(p);
  }

  await here.goto("/settings/team");
  const form = here.getByRole("form", { name: "Change your password" });
  await form.getByLabel("Current password").fill("not the password");
  await form.getByLabel("New password", { exact: true }).fill("the second password");
  await form.getByLabel("Repeat new password").fill("the second password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByTestId("error-current")).toHaveText("That is not your current password.");

  await form.getByLabel("Current password").fill("the first password");
  await form.getByLabel("New password", { exact: true }).fill("the second password");
  await form.getByLabel("Repeat new password").fill("the second password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByTestId("password-message")).toHaveText("Your password was changed. Your other sessions have been signed out.");

  // this browser stays in; the other one's session has ended
  await here.goto("/partners");
  await expect(here).toHaveURL(/\/partners$/);
  await elsewhere.goto("/partners");
  await expect(elsewhere).toHaveURL(/\/login/);
  const res = await elsewhere.request.get("/api/admin/audit-log");
  expect(res.status()).toBe(401);

  await signIn(elsewhere, email, "the first password");
  await expect(elsewhere.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
  await signIn(elsewhere, email, "the second password");
  await expectSignedIn(elsewhere);
  await here.close();
  await elsewhere.close();
});
