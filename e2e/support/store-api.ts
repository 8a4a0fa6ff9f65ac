import { randomInt } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";

// What a store's server (or a visitor's browser) does to the app, through its public API,
// for admin suites that need partners, clicks and sales of their own.

export const BROWSER_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

/** A unique suffix for names, emails, codes and ids of this run. */
export function unique(prefix = ""): string {
  return `${prefix}${Date.now().toString(36)}${randomInt(1_000_000).toString(36)}`;
}

/** An address of its own per visitor: the click rate limit and repeat detection count per IP. */
export function visitorIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

export interface ApiPartner {
  id: string;
  name: string;
  email: string;
  referralCode: string;
}

export async function createPartnerViaApi(request: APIRequestContext, key: string, body: Record<string, unknown> = {}): Promise<ApiPartner> {
  const name = (body.name as string | undefined) ?? `Partner ${unique()}`;
  const res = await request.post("/api/v1/partners", {
    headers: { Authorization: `Bearer ${key}` },
    data: { name, email: `${unique("p")}@example.com`, ...body },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as ApiPartner;
}

/** A visitor follows /r/<code> or /a/<slug> in a browser; answers the visitor id the redirect carries. */
export async function visit(request: APIRequestContext, path: string, options: { userAgent?: string; ip?: string; referer?: string } = {}): Promise<string> {
  const res = await request.get(path, {
    maxRedirects: 0,
    headers: {
      "user-agent": options.userAgent ?? BROWSER_UA,
      "x-forwarded-for": options.ip ?? visitorIp(),
      ...(options.referer ? { referer: options.referer } : {}),
    },
  });
  expect(res.status()).toBe(307);
  const location = new URL(res.headers()["location"]!);
  const visitorId = location.searchParams.get("aff_vid");
  expect(visitorId).toBeTruthy();
  return visitorId!;
}

export async function recordSaleViaApi(request: APIRequestContext, key: string, body: Record<string, unknown>) {
  const res = await request.post("/api/track/sale", { headers: { Authorization: `Bearer ${key}` }, data: { orderId: unique("order-"), ...body } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { orderId: string; attributed: boolean; partnerId: string | null; commission: { id: string; amount: number; status: string } | null };
}
