import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/admin";
import { appUrl } from "@/lib/env";
import { listApiKeys } from "@/lib/services/api-keys";
import { getSettings } from "@/lib/services/settings";
import { listRecentEvents } from "@/lib/services/tracking-events";
import { RECENT_EVENTS_LIMIT, toEventRow } from "./event-row";
import { RecentEvents } from "./recent-events";
import { ServerExamples } from "./server-examples";
import * as snippets from "./snippets";
import { TestConnectionForm } from "./test-connection-form";

export const metadata: Metadata = { title: "Integration" };

const link = "font-medium text-brand-700 hover:underline";
const inlineCode = "rounded bg-zinc-100 px-1 py-0.5 text-[0.8125rem] break-words text-zinc-800";

/** "https://shop.example.com" from "https://shop.example.com/home": where ?ref= links start. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url.replace(/\/+$/, "");
  }
}

function isLocal(url: string): boolean {
  try {
    return ["localhost", "127.0.0.1", "[::1]"].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

export default async function IntegrationPage() {
  await requireAdminPage();
  const db = await getDb();
  const [settings, keys, events] = await Promise.all([getSettings(db), listApiKeys(db), listRecentEvents(db, RECENT_EVENTS_LIMIT)]);
  const base = appUrl();
  const ctx: snippets.SnippetContext = { appUrl: base, currency: settings.currency };
  const activeKeys = keys.filter((k) => !k.revokedAt).length;
  const store = originOf(settings.storeUrl);

  return (
    <div className="space-y-6">
      <Section title="Status" description="Your store talks to this app in three steps below. Check these first.">
        <dl className="grid gap-5 sm:grid-cols-3" data-testid="integration-status">
          <div className="min-w-0">
            <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Tracking</dt>
            <dd className="mt-1.5 flex flex-wrap items-center gap-2 text-sm">
              {settings.trackingEnabled ? <Badge tone="green">On</Badge> : <Badge tone="red">Off</Badge>}
              <Link href="/settings" className={link}>
                {settings.trackingEnabled ? "Change in Program settings" : "Turn on in Program settings"}
              </Link>
            </dd>
          </div>
          <div className="min-w-0">
            <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Secret keys</dt>
            <dd className="mt-1.5 flex flex-wrap items-center gap-2 text-sm">
              <Badge tone={activeKeys > 0 ? "green" : "yellow"}>{activeKeys === 0 ? "None active" : `${activeKeys} active`}</Badge>
              <Link href="/settings/api-keys" className={link}>
                {activeKeys === 0 ? "Create one" : "Manage API keys"}
              </Link>
            </dd>
          </div>
          <div className="min-w-0">
            <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">App URL used below</dt>
            <dd className="mt-1.5 flex flex-wrap items-center gap-2 text-sm">
              <code className={inlineCode} data-testid="integration-app-url">
                {base}
              </code>
              <CopyButton value={base} label="Copy URL" />
            </dd>
          </div>
        </dl>
        {!settings.trackingEnabled && (
          <p className="mt-5 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            Tracking is switched off: the tracking API answers 503 <code>tracking_disabled</code> and records nothing, and partner links
            still redirect but count no clicks.{" "}
            <Link href="/settings" className="font-medium underline">
              Turn it on
            </Link>{" "}
            before you test.
          </p>
        )}
        {activeKeys === 0 && (
          <div className="mt-5 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="no-api-key">
            <p className="text-sm text-amber-900">
              <span className="font-medium">Create a secret key first.</span> Your store&apos;s server needs one to report sales and refunds,
              and you need one to test the connection.
            </p>
            <Link href="/settings/api-keys" className={buttonClasses("primary", "sm")}>
              Create an API key
            </Link>
          </div>
        )}
        {isLocal(base) && (
          <p className="mt-5 text-xs text-zinc-500">
            The examples point at {base}, which a live store cannot reach. Set <code>NEXTAUTH_URL</code> to this app&apos;s public address
            (for example https://affiliates.your-store.com) and restart.
          </p>
        )}
      </Section>

      <Section
        title="Step 1: Add the snippet to every store page"
        description="Paste it into your store theme's <head>, so every page a partner can link to carries it."
      >
        <div className="space-y-5">
          <CodeBlock code={snippets.storefrontSnippet(ctx)} title="HTML, in <head>" copyLabel="Copy snippet" />
          <p className="text-sm text-zinc-600">
            When a visitor arrives through a partner link, the snippet records the click and keeps a visitor id in a first-party cookie (
            <code className={inlineCode}>aff_vid</code>) for {settings.cookieDays} {settings.cookieDays === 1 ? "day" : "days"}. Your checkout
            reads it with <code className={inlineCode}>window.affiliate.visitorId()</code>. It loads asynchronously and never breaks the page,
            even when blocked. Store on several subdomains? Add{" "}
            <code className={inlineCode}>data-cookie-domain=&quot;.example.com&quot;</code> to the tag so they share the cookie.
          </p>
          <div>
            <h3 className="text-sm font-semibold text-zinc-900">How partners link to you</h3>
            <ul className="mt-2 space-y-2 text-sm text-zinc-600">
              <li>
                <code className={inlineCode}>{base}/r/&lt;code&gt;</code>: the partner&apos;s referral link. It lands on your store (
                <span className="break-all">{settings.storeUrl}</span>); add <code className={inlineCode}>?to=/some-page</code> to land
                elsewhere on it.
              </li>
              <li>
                <code className={inlineCode}>{store}/any-page?ref=&lt;code&gt;</code>: works on every store page with the snippet.
              </li>
              <li>
                <code className={inlineCode}>{base}/a/&lt;slug&gt;</code>: custom links to a page you choose, made under{" "}
                <Link href="/links" className={link}>
                  Links
                </Link>{" "}
                or by partners in their portal.
              </li>
            </ul>
          </div>
        </div>
      </Section>

      <Section
        title="Step 2: Pass the visitor id at checkout"
        description="The cookie lives in the shopper's browser; your server needs the id together with the order. Read it on the checkout page and send it along."
      >
        <div className="space-y-5">
          <CodeBlock code={snippets.checkoutFieldSnippet()} title="HTML form: a hidden field" />
          <CodeBlock code={snippets.checkoutFetchSnippet()} title="JavaScript: checkout that posts JSON" />
        </div>
        <p className="mt-4 text-sm text-zinc-600">
          <code className={inlineCode}>visitorId()</code> returns <code className={inlineCode}>null</code> when the shopper did not come
          through a partner. Report the sale anyway: a partner&apos;s coupon or a returning referred customer can still attribute it.
        </p>
      </Section>

      <Section
        title="Step 3: Report sales and refunds from your server"
        description={
          <>
            Only from your server, with a secret key kept in an environment variable (
            <code className={inlineCode}>AFFILIATE_SECRET_KEY</code>), never in the browser. Amounts are whole numbers of minor units in{" "}
            {settings.currency}.
          </>
        }
      >
        <ServerExamples
          examples={[
            {
              title: "Sale",
              description: (
                <>
                  <code className={inlineCode}>POST /api/track/sale</code> once the order is paid. It answers 201 with whether the sale was
                  attributed, by which rule, and the commission.
                </>
              ),
              curl: snippets.saleCurl(ctx),
              node: snippets.saleNode(ctx),
            },
            {
              title: "Refund",
              description: (
                <>
                  <code className={inlineCode}>POST /api/track/refund</code> voids the commission, or reduces it in proportion to a partial
                  refund. After a payout, the difference is taken from the partner&apos;s next one.
                </>
              ),
              curl: snippets.refundCurl(ctx),
              node: snippets.refundNode(ctx),
            },
            {
              title: "Lead (optional)",
              description: (
                <>
                  <code className={inlineCode}>POST /api/track/lead</code> for a sign-up before any purchase: it ties the customer to the
                  partner, and pays an action commission when one is set for the event.
                </>
              ),
              curl: snippets.leadCurl(ctx),
              node: snippets.leadNode(ctx),
            },
          ]}
        />
        <ul className="mt-6 list-disc space-y-1.5 rounded-lg bg-zinc-50 py-4 pr-4 pl-8 text-sm text-zinc-600">
          <li>
            Retrying is safe: the same <code className={inlineCode}>orderId</code> with the same body answers 200 with the first answer and
            counts nothing twice. The same <code className={inlineCode}>orderId</code> with different values is refused with 409.
          </li>
          <li>
            A refund with a <code className={inlineCode}>refundId</code> already received is applied once.
          </li>
          <li>
            Errors look like <code className={inlineCode}>{'{"error": {"code", "message", "details"}}'}</code>: 401 for a bad key, 422 when a
            value is wrong (details name the field), 503 when tracking is off.
          </li>
        </ul>
      </Section>

      <Section
        title="Test connection"
        description="Check that a key works and tracking is on. The test appears in Recent events below as a ping."
      >
        <div className="space-y-5">
          <TestConnectionForm />
          <CodeBlock code={snippets.pingCurl(ctx)} title="The same test from your store's server" />
        </div>
      </Section>

      <RecentEvents
        initialEvents={events.map(toEventRow)}
        timeZone={settings.timezone}
      />
    </div>
  );
}
