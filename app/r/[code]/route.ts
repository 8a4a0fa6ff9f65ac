// GET /r/<code>?to=/path: a partner's referral link. Records the click, sets aff_vid,
// and 307s to the store (or the given path on it).
import type { NextRequest } from "next/server";
import { referralRedirect, storeDestination } from "@/lib/http/referral-redirect";
import { cachedReferralCode } from "@/lib/services/tracking/ref-cache";

export async function GET(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return referralRedirect(
    request,
    (db) => cachedReferralCode(db, code),
    (_target, settings) => storeDestination(settings.storeUrl, request.nextUrl.searchParams.get("to")),
  );
}
