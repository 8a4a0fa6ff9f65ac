import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import type { Db } from "@/db/types";
import type { ProgramSettings } from "@/lib/schemas/settings";
import { hashIp } from "@/lib/server/ip-hash";
import { recordClick } from "@/lib/services/tracking/clicks";
import type { ResolvedRef } from "@/lib/services/tracking/resolve-ref";
import { getTrackingSettings } from "@/lib/services/tracking-settings";
import { clientIp } from "./client-ip";
import { localPath } from "./safe-redirect";
import { redirectLimiter } from "./public-limits";

// /r/<code> and /a/<slug>: record the click, keep the visitor id in a first-party cookie of
// this app, and send the visitor on (307) with ?aff_vid= so /track.js on the store can keep
// it too. A shopper is never stranded: when tracking is off, the address is over its rate
// limit, or anything fails, they are still redirected, just without tracking.

export const VISITOR_COOKIE = "aff_vid";

/**
 * Only a path on the store (?to=/shoes) is followed, never another site: the same check as
 * the sign-in page's (safe-redirect.ts), then the result must still be on the store's origin.
 */
export function storeDestination(storeUrl: string, to: string | null): string {
  const path = localPath(to);
  if (!path) return storeUrl;
  try {
    const url = new URL(path, storeUrl);
    if (url.origin === new URL(storeUrl).origin) return url.toString();
  } catch {
    // fall through to the store's home
  }
  return storeUrl;
}

function notFound(storeUrl: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Link not found</title>
<style>body{font:16px/1.5 system-ui,sans-serif;color:#27272a;display:grid;place-items:center;min-height:100vh;margin:0;background:#fafafa}main{text-align:center;padding:2rem}a{color:#4f46e5}</style></head>
<body><main><h1>This link does not exist</h1><p>It may have been mistyped or retired.</p><p><a href="${storeUrl.replace(/"/g, "&quot;")}">Continue to the store</a></p></main></body></html>`;
  return new Response(html, { status: 404, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

export async function referralRedirect(
  request: NextRequest,
  resolve: (db: Db) => Promise<ResolvedRef | undefined>,
  destinationOf: (target: ResolvedRef, settings: ProgramSettings) => string,
): Promise<Response> {
  let fallback: string | undefined;
  try {
    const db = await getDb();
    const settings = await getTrackingSettings(db);
    fallback = settings.storeUrl;
    const target = await resolve(db);
    if (!target) return notFound(settings.storeUrl);
    const destination = destinationOf(target, settings);
    fallback = destination;
    const ipHash = hashIp(clientIp(request.headers));
    if (!settings.trackingEnabled || !redirectLimiter.take(ipHash ?? "unknown")) return NextResponse.redirect(destination, 307);

    const click = await recordClick(db, {
      target,
      visitorId: request.cookies.get(VISITOR_COOKIE)?.value,
      ipHash,
      userAgent: request.headers.get("user-agent"),
      landingUrl: destination,
      referrer: request.headers.get("referer"),
    });
    const url = new URL(destination);
    url.searchParams.set(VISITOR_COOKIE, click.visitorId);
    const response = NextResponse.redirect(url, 307);
    response.cookies.set(VISITOR_COOKIE, click.visitorId, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: settings.cookieDays * 86_400,
      // Behind a TLS-terminating proxy the request arrives as http; the proxy says https.
      secure: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
    });
    return response;
  } catch (error) {
    console.error("Referral redirect failed; sending the visitor on untracked:", error instanceof Error ? error.message : error);
    return fallback ? NextResponse.redirect(fallback, 307) : new Response("Service unavailable", { status: 503 });
  }
}
