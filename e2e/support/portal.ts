import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { createPartnerViaApi } from "./store-api";

// The partner portal from a partner's side: a partner made through the API (approved unless
// overridden) and the first-visit and sign-in steps at /p/<token>.

export interface PortalPartner {
  id: string;
  name: string;
  token: string;
  /** the path /p/<token>, relative to the app */
  dashboardUrl: string;
}

export const PORTAL_PASSWORD = "lantern-orbit-7421";

export async function createPortalPartner(request: APIRequestContext, apiKey: string, overrides: Record<string, unknown> = {}): Promise<PortalPartner> {
  const created = (await createPartnerViaApi(request, apiKey, overrides)) as unknown as { id: string; name: string; dashboardUrl: string };
  const path = new URL(created.dashboardUrl).pathname;
  const token = path.replace(/^\/p\//, "");
  expect(token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
  return { id: created.id, name: created.name, token, dashboardUrl: path };
}

/** First visit: sets the password and lands signed in on the portal. */
export async function setPortalPassword(page: Page, token: string, password = PORTAL_PASSWORD) {
  await page.goto(`/p/${token}/set-password`);
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page).not.toHaveURL(/\/set-password$/);
}

/** A later visit: signs in with the password and lands signed in on the portal. */
export async function signInPortal(page: Page, token: string, password = PORTAL_PASSWORD) {
  await page.goto(`/p/${token}/sign-in`);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in$/);
}
