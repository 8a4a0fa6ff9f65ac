// GET /a/<slug>: a custom link. Records the click, sets aff_vid, and 307s to the link's destination.
import type { NextRequest } from "next/server";
import { referralRedirect } from "@/lib/http/referral-redirect";
import { cachedSlug } from "@/lib/services/tracking/ref-cache";

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return referralRedirect(
    request,
    (db) => cachedSlug(db, slug),
    (target) => target.destinationUrl!,
  );
}
