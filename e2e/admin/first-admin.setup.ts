import { expect, test as setup } from "@playwright/test";
import { ADMIN, expectSignedIn } from "../support/admin";

// Runs first, on an empty database: a newcomer opens the console and creates the first
// admin. The signed-in state is saved for the admin suites.

setup("a newcomer creates the first admin in the browser and lands signed in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Create the first admin" })).toBeVisible();

  // bad input: clear messages next to the fields, nothing created
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByTestId("error-email")).toHaveText("Enter a valid email address.");
  await expect(page.getByTestId("error-password")).toHaveText("Use at least 10 characters.");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Create the first admin" })).toBeVisible();

  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expectSignedIn(page);

  // the setup form is gone for good
  await page.context().clearCookies();
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: /Sign in to/ })).toBeVisible();
  await expect(page.getByText("Create the first admin")).toHaveCount(0);

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectSignedIn(page);
  await page.context().storageState({ path: "e2e/.auth/admin.json" });
});
