import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { startAppStub, startStoreStub, type AppStub, type StoreStub, type StubAnswer } from "./stubs";

// public/track.js on a store page (127.0.0.1) talking to a stub of the app's tracking API
// (localhost, another origin). Every test waits on window.affiliate.ready, never on a timer:
// page.goto waits for the load event, which async scripts delay, so the snippet has run.

interface Affiliate {
  visitorId(): string | null;
  ready: Promise<string | null>;
}
type SnippetWindow = { affiliate: Affiliate; __fetchCalls: string[] };

const test = base.extend<{ app: AppStub; store: StoreStub; pageErrors: Error[] }>({
  app: async ({}, provide) => {
    const app = await startAppStub();
    await provide(app);
    await app.close();
  },
  store: async ({ app }, provide) => {
    const store = await startStoreStub(app.origin);
    await provide(store);
    await store.close();
  },
  // Errors thrown into the host page (uncaught exceptions and unhandled rejections) fail
  // every test; fetch calls are counted in the page, where they happen synchronously.
  pageErrors: [
    async ({ page }, provide) => {
      const errors: Error[] = [];
      page.on("pageerror", (error) => errors.push(error));
      await page.addInitScript(() => {
        const calls: string[] = [];
        const w = window as unknown as SnippetWindow;
        w.__fetchCalls = calls;
        const original = window.fetch;
        window.fetch = (input, init) => {
          calls.push(String(input instanceof Request ? input.url : input));
          return original.call(window, input, init);
        };
      });
      await provide(errors);
      expect(errors.map(String)).toEqual([]);
    },
    { auto: true },
  ],
});

const DAY = 86_400;
const CLICK_ID = "vid_from_click_01";
const LINK_ID = "vid_from_link_0001";
const PREVIOUS_ID = "vid_previous_0001";

function clickAnswer(visitorId: string, cookieDays = 30): StubAnswer {
  return { status: 200, body: { visitorId, partnerId: "p_1", linkId: null, cookieDays } };
}

/** Opens a store page and returns what window.affiliate.ready resolves to. */
async function land(page: Page, url: string): Promise<string | null> {
  await page.goto(url);
  return ready(page);
}

function ready(page: Page) {
  return page.evaluate(() => (window as unknown as SnippetWindow).affiliate.ready);
}

function visitorIdInPage(page: Page) {
  return page.evaluate(() => (window as unknown as SnippetWindow).affiliate.visitorId());
}

function fetchCalls(page: Page) {
  return page.evaluate(() => (window as unknown as SnippetWindow).__fetchCalls);
}

async function affCookie(context: BrowserContext, url: string) {
  return (await context.cookies(url)).find((c) => c.name === "aff_vid");
}

async function givenCookie(context: BrowserContext, store: StoreStub, value: string, days = 10) {
  const expires = Math.round(Date.now() / 1000) + days * DAY;
  await context.addCookies([{ name: "aff_vid", value, url: store.origin, expires, sameSite: "Lax" }]);
  return expires;
}

function expectExpiry(expires: number | undefined, days: number) {
  const expected = Date.now() / 1000 + days * DAY;
  expect(expires).toBeGreaterThan(expected - 120);
  expect(expires).toBeLessThan(expected + 120);
}

function clickBody(app: AppStub) {
  const clicks = app.requests.filter((r) => r.path === "/api/track/click");
  expect(clicks).toHaveLength(1);
  return JSON.parse(clicks[0]!.body) as Record<string, unknown>;
}

test("?ref=CODE sends one simple CORS click and keeps the returned visitor id in a cookie", async ({ page, context, app, store }) => {
  app.click = clickAnswer(CLICK_ID, 30);
  // arrive by a link, so the page has a referrer
  store.body = `<a href="/landing?ref=CODE&utm_source=blog">Shop</a>`;
  await page.goto(`${store.origin}/blog`);
  expect(await ready(page)).toBeNull();
  await page.getByRole("link", { name: "Shop" }).click();
  await page.waitForURL(/\/landing\?/);
  expect(await ready(page)).toBe(CLICK_ID);
  expect(await visitorIdInPage(page)).toBe(CLICK_ID);

  // exactly one request, a POST with no preflight, text/plain, from the store's origin
  expect(app.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/track/click"]);
  const [click] = app.requests;
  expect(click!.headers["content-type"]).toBe("text/plain");
  expect(click!.headers.origin).toBe(store.origin);
  expect(clickBody(app)).toEqual({
    ref: "CODE",
    url: `${store.origin}/landing?ref=CODE&utm_source=blog`,
    referrer: `${store.origin}/blog`,
  });

  const cookie = await affCookie(context, store.origin);
  expect(cookie).toMatchObject({ value: CLICK_ID, domain: "127.0.0.1", path: "/", sameSite: "Lax", secure: false, httpOnly: false });
  expectExpiry(cookie!.expires, 30);
  // first-party: nothing on the app's origin
  expect(await affCookie(context, app.origin)).toBeUndefined();
});

test("a returning visitor's cookie is sent as visitorId and renewed for cookieDays", async ({ page, context, app, store }) => {
  await givenCookie(context, store, PREVIOUS_ID, 2);
  app.click = clickAnswer(PREVIOUS_ID, 60);
  expect(await land(page, `${store.origin}/?ref=SPRING`)).toBe(PREVIOUS_ID);
  expect(clickBody(app)).toMatchObject({ ref: "SPRING", visitorId: PREVIOUS_ID });
  const cookie = await affCookie(context, store.origin);
  expect(cookie?.value).toBe(PREVIOUS_ID);
  expectExpiry(cookie!.expires, 60);
});

test("?ref with ?aff_vid and no cookie sends the URL's visitor id", async ({ page, context, app, store }) => {
  app.click = clickAnswer(LINK_ID, 30);
  expect(await land(page, `${store.origin}/p/1?ref=CODE&aff_vid=${LINK_ID}`)).toBe(LINK_ID);
  expect(clickBody(app)).toMatchObject({ ref: "CODE", visitorId: LINK_ID });
  expect((await affCookie(context, store.origin))?.value).toBe(LINK_ID);
});

test("with both, the cookie's visitor id is sent rather than ?aff_vid", async ({ page, context, app, store }) => {
  await givenCookie(context, store, PREVIOUS_ID);
  app.click = clickAnswer(PREVIOUS_ID, 30);
  expect(await land(page, `${store.origin}/?ref=CODE&aff_vid=${LINK_ID}`)).toBe(PREVIOUS_ID);
  expect(clickBody(app)).toMatchObject({ ref: "CODE", visitorId: PREVIOUS_ID });
});

test("?aff_vid without ref checks the config and keeps the id, without a click", async ({ page, context, app, store }) => {
  app.config = { status: 200, body: { trackingEnabled: true, cookieDays: 45 } };
  expect(await land(page, `${store.origin}/shoes?aff_vid=${LINK_ID}`)).toBe(LINK_ID);
  expect(await visitorIdInPage(page)).toBe(LINK_ID);
  expect(app.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /api/track/config"]);
  expect(await fetchCalls(page)).toEqual([`${app.origin}/api/track/config`]);
  const cookie = await affCookie(context, store.origin);
  expect(cookie).toMatchObject({ value: LINK_ID, path: "/", sameSite: "Lax" });
  expectExpiry(cookie!.expires, 45);
});

// Failures change nothing: no cookie for a new visitor, the old one untouched for a returning one.
const failures: { name: string; query: string; click?: StubAnswer; config?: StubAnswer; path: string }[] = [
  { name: "unknown ref (404)", query: "ref=NOPE", click: { status: 404, body: { error: { code: "unknown_ref", message: "Unknown" } } }, path: "/api/track/click" },
  { name: "rate limited (429)", query: "ref=CODE", click: { status: 429, body: { error: { code: "rate_limited", message: "Slow down" } } }, path: "/api/track/click" },
  { name: "click with tracking disabled (503)", query: "ref=CODE", click: { status: 503, body: { error: { code: "tracking_disabled", message: "Off" } } }, path: "/api/track/click" },
  { name: "click with the connection closed", query: "ref=CODE", click: "drop", path: "/api/track/click" },
  { name: "click answering an invalid visitor id", query: "ref=CODE", click: clickAnswer("bad id!", 30), path: "/api/track/click" },
  { name: "config with tracking disabled (503)", query: `aff_vid=${LINK_ID}`, config: { status: 503, body: { error: { code: "tracking_disabled", message: "Off" } } }, path: "/api/track/config" },
  { name: "config with the connection closed", query: `aff_vid=${LINK_ID}`, config: "drop", path: "/api/track/config" },
  { name: "config without trackingEnabled", query: `aff_vid=${LINK_ID}`, config: { status: 200, body: { trackingEnabled: false, cookieDays: 30 } }, path: "/api/track/config" },
];

for (const failure of failures) {
  for (const returning of [false, true]) {
    test(`${failure.name}: nothing changes for a ${returning ? "returning" : "new"} visitor`, async ({ page, context, app, store, pageErrors }) => {
      if (failure.click) app.click = failure.click;
      if (failure.config) app.config = failure.config;
      const before = returning ? await givenCookie(context, store, PREVIOUS_ID, 10) : undefined;

      expect(await land(page, `${store.origin}/?${failure.query}`)).toBe(returning ? PREVIOUS_ID : null);
      expect(await visitorIdInPage(page)).toBe(returning ? PREVIOUS_ID : null);
      expect(await fetchCalls(page)).toEqual([`${app.origin}${failure.path}`]);
      // Chromium may resend a request whose reused connection was closed
      expect(app.requests.length).toBeGreaterThanOrEqual(1);
      expect(app.requests.every((r) => r.path === failure.path)).toBe(true);

      const cookie = await affCookie(context, store.origin);
      if (returning) expect(cookie).toMatchObject({ value: PREVIOUS_ID, expires: before });
      else expect(cookie).toBeUndefined();
      expect(pageErrors).toEqual([]);
    });
  }
}

test("an invalid aff_vid in the URL is ignored", async ({ page, context, app, store }) => {
  for (const bad of ["short", "has%20space%20in%20it", "semi;colon=1234", "x".repeat(65)]) {
    expect(await land(page, `${store.origin}/?aff_vid=${bad}`)).toBeNull();
    expect(await fetchCalls(page)).toEqual([]);
  }
  expect(app.requests).toEqual([]);
  expect(await context.cookies()).toEqual([]);

  app.click = clickAnswer(CLICK_ID);
  expect(await land(page, `${store.origin}/?ref=CODE&aff_vid=not*valid*id`)).toBe(CLICK_ID);
  expect(clickBody(app)).not.toHaveProperty("visitorId");
  expect((await affCookie(context, store.origin))?.value).toBe(CLICK_ID);
});

test("an invalid visitor id in the cookie is ignored", async ({ page, app, context, store }) => {
  await givenCookie(context, store, "short");
  app.click = clickAnswer(CLICK_ID);
  expect(await land(page, `${store.origin}/?ref=CODE`)).toBe(CLICK_ID);
  expect(clickBody(app)).not.toHaveProperty("visitorId");
});

test("the script included twice runs once and sends one click", async ({ page, app, store }) => {
  store.head = `<script src="${app.origin}/track.js" async></script><script src="${app.origin}/track.js?v=2" async></script>`;
  app.click = clickAnswer(CLICK_ID);
  expect(await land(page, `${store.origin}/?ref=CODE`)).toBe(CLICK_ID);
  expect(await fetchCalls(page)).toHaveLength(1);
  expect(app.requests).toHaveLength(1);
});

test("a page without ref or aff_vid makes no request", async ({ page, context, app, store }) => {
  expect(await land(page, `${store.origin}/products?utm_source=x`)).toBeNull();
  expect(await visitorIdInPage(page)).toBeNull();
  await givenCookie(context, store, PREVIOUS_ID);
  expect(await land(page, `${store.origin}/checkout`)).toBe(PREVIOUS_ID);
  expect(await visitorIdInPage(page)).toBe(PREVIOUS_ID);
  expect(await fetchCalls(page)).toEqual([]);
  expect(app.requests).toEqual([]);
});

test("without fetch it does nothing and resolves ready", async ({ page, app, store }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "fetch", { value: undefined, configurable: true, writable: true });
  });
  expect(await land(page, `${store.origin}/?ref=CODE`)).toBeNull();
  expect(app.requests).toEqual([]);
});

test("with cookies blocked it still records the click and resolves ready to null", async ({ page, app, store }) => {
  await page.addInitScript(() => {
    const blocked = () => {
      throw new DOMException("The document is sandboxed", "SecurityError");
    };
    Object.defineProperty(Document.prototype, "cookie", { get: blocked, set: blocked, configurable: true });
  });
  app.click = clickAnswer(CLICK_ID);
  expect(await land(page, `${store.origin}/?ref=CODE`)).toBeNull();
  expect(await visitorIdInPage(page)).toBeNull();
  expect(clickBody(app)).toMatchObject({ ref: "CODE" });
});

test("without document.currentScript it finds its tag by src, or does nothing", async ({ page, context, app, store }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Document.prototype, "currentScript", { get: () => null, configurable: true });
  });
  app.click = clickAnswer(CLICK_ID);
  expect(await land(page, `${store.origin}/?ref=CODE`)).toBe(CLICK_ID);
  expect(app.requests).toHaveLength(1);
  expect((await affCookie(context, store.origin))?.value).toBe(CLICK_ID);

  // served under another name: no tag to find, so nothing happens
  await context.clearCookies();
  store.head = `<script src="${app.origin}/other/snippet.js" async></script>`;
  expect(await land(page, `${store.origin}/?ref=CODE`)).toBeNull();
  expect(await fetchCalls(page)).toEqual([]);
  expect(app.requests).toHaveLength(1);
});

test("data-cookie-domain shares the cookie across subdomains, and https pages get a Secure cookie", async ({ page, context, app }) => {
  // Made-up public hosts answered by Playwright (Chromium won't let a public page load from
  // loopback): the store's pages inline, the app's requests forwarded to the stub.
  await context.route(/^https?:\/\/shop\.example\.test\//, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Shop</title><script src="${new URL(route.request().url()).protocol}//aff.example.test/track.js" data-cookie-domain=".example.test" async></script>`,
    }),
  );
  await context.route(/^https?:\/\/aff\.example\.test\//, async (route) => {
    const { pathname, search } = new URL(route.request().url());
    await route.fulfill({ response: await route.fetch({ url: `${app.origin}${pathname}${search}` }) });
  });

  app.click = clickAnswer(CLICK_ID, 7);
  expect(await land(page, "http://shop.example.test/?ref=CODE")).toBe(CLICK_ID);
  expect(clickBody(app)).toMatchObject({ ref: "CODE", url: "http://shop.example.test/?ref=CODE" });
  expect(await affCookie(context, "http://www.example.test/")).toMatchObject({ value: CLICK_ID, domain: ".example.test", secure: false });

  await context.clearCookies();
  app.config = { status: 200, body: { trackingEnabled: true, cookieDays: 7 } };
  expect(await land(page, `https://shop.example.test/?aff_vid=${LINK_ID}`)).toBe(LINK_ID);
  const cookie = await affCookie(context, "https://www.example.test/");
  expect(cookie).toMatchObject({ value: LINK_ID, domain: ".example.test", secure: true, sameSite: "Lax" });
  expectExpiry(cookie!.expires, 7);
});
