import { expect, type Page } from "@playwright/test";

/**
 * Records every request `page` makes while `submit` runs (in a context with scripts off: the
 * browser sends the form itself, as it does when someone submits before hydration), then checks
 * that `secret` went into no URL and the form was posted.
 */
export async function expectPostedWithoutSecretInUrl(page: Page, secret: string, submit: () => Promise<void>): Promise<void> {
  const requests: string[] = [];
  page.on("request", (request) => requests.push(`${request.method()} ${request.url()}`));
  await submit();
  await page.waitForLoadState();
  expect(page.url()).not.toContain(secret);
  expect(requests.filter((r) => r.includes(secret))).toEqual([]);
  expect(requests.some((r) => r.startsWith("POST "))).toBe(true);
}
