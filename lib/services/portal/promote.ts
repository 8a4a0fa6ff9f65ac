import "server-only";
import { eq } from "drizzle-orm";
import { partners, products } from "@/db/schema";
import type { Db } from "@/db/types";
import { ForbiddenError, InvalidError, NotFoundError, AppError } from "@/lib/errors";
import { linkListSpec } from "@/lib/schemas/links";
import { portalLinkSchema, storeDestination } from "@/lib/schemas/portal-links";
import { toFieldIssues } from "@/lib/schemas/issues";
import type { PortalPage } from "@/lib/schemas/portal-lists";
import { createLink, listLinks, type LinkListRow, type LinkView } from "../links";
import { couponsOf, referralLink } from "../partner-view";
import { getSettings } from "../settings";

// What a partner promotes with: their referral link and coupons, and custom links they make
// themselves. Only approved partners earn (SPEC.md §2), so only they may make links; the
// check sits here, next to the insert, whatever page or action calls it.

export interface PromoteKit {
  referralCode: string;
  referralLink: string;
  couponCodes: string[];
  storeUrl: string;
}

export async function promoteKit(db: Db, partnerId: string): Promise<PromoteKit> {
  const [[row], coupons, settings] = await Promise.all([
    db.select({ referralCode: partners.referralCode }).from(partners).where(eq(partners.id, partnerId)),
    couponsOf(db, [partnerId]),
    getSettings(db),
  ]);
  if (!row) throw new NotFoundError("No partner with this id.", "unknown_partner");
  return { referralCode: row.referralCode, referralLink: referralLink(row.referralCode), couponCodes: coupons.get(partnerId) ?? [], storeUrl: settings.storeUrl };
}

/** The partner's custom links (theirs and those the merchant made for them) with clicks, sales, revenue and commission. */
export async function portalLinks(db: Db, partnerId: string, page: PortalPage): Promise<{ rows: LinkListRow[]; total: number }> {
  return listLinks(db, { q: "", sort: linkListSpec.defaultSort, dir: linkListSpec.defaultDir, ...page, filters: { partner: partnerId } });
}

const NOT_APPROVED = "Only approved partners can create links.";

/**
 * Creates a custom link owned by the partner (created_by 'partner', no rate) to a page of the
 * store or a catalog product. A suspended partner racing this insert gets a link whose clicks
 * are declined anyway (the click endpoint checks the status), so no lock is taken.
 */
export async function createPortalLink(db: Db, partnerId: string, input: unknown): Promise<LinkView> {
  const parsed = portalLinkSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Check the link.", toFieldIssues(parsed.error));
  const { destination, productId, slug } = parsed.data;
  const [[partner], settings] = await Promise.all([
    db.select({ status: partners.status, email: partners.email }).from(partners).where(eq(partners.id, partnerId)),
    getSettings(db),
  ]);
  if (!partner) throw new NotFoundError("No partner with this id.", "unknown_partner");
  if (partner.status !== "approved") throw new ForbiddenError(NOT_APPROVED);

  let destinationUrl: string;
  if (productId) {
    const [product] = await db.select({ url: products.url }).from(products).where(eq(products.id, productId));
    if (!product) throw new InvalidError("Check the link.", [{ field: "productId", message: "No product with this id in the catalog." }]);
    if (!product.url) throw new InvalidError("Check the link.", [{ field: "productId", message: "This product has no page to link to." }]);
    destinationUrl = product.url;
  } else {
    const checked = storeDestination(destination ?? "", settings.storeUrl);
    if (!checked.ok) throw new InvalidError("Check the link.", [{ field: "destination", message: checked.error }]);
    destinationUrl = checked.url;
  }
  try {
    return await createLink(db, { type: "partner", id: partnerId, label: partner.email }, { partnerId, destinationUrl, ...(slug ? { slug } : {}) }, "partner");
  } catch (error) {
    // createLink names the stored field; the portal form calls it "destination".
    if (error instanceof AppError && error.details) {
      for (const d of error.details) if (d.field === "destinationUrl") d.field = productId ? "productId" : "destination";
    }
    throw error;
  }
}
