import { expect, type Page } from "@playwright/test";

// The admin account the setup project creates through the first-run page.
export const ADMIN = { name: "Olivia Owner", email: "owner@example.com", password: "correct horse battery staple" };

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function expectSignedIn(page: Page) {
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByRole("navigation", { name: "Main" }).first()).toBeVisible();
}
