import "server-only";
import { eq } from "drizzle-orm";
import { partners } from "@/db/schema";
import type { Db } from "@/db/types";
import { computeCommission } from "@/lib/domain/commission";
import { rateOrNull, type Rate } from "@/lib/domain/rates";
import { NotFoundError } from "@/lib/errors";
import type { RateSource } from "@/lib/schemas/enums";
import type { PortalPage } from "@/lib/schemas/portal-lists";
import { listProducts } from "../catalog";
import { getSettings } from "../settings";

// The catalog as a partner sees it: each product with the rate this partner earns on it.
// The rate comes from the same rule the tracking engine applies to a sale (lib/domain/
// commission.ts): the product's or its category's rate group, else the partner's rate, else
// the program default. A custom link's own rate is not shown here: it belongs to one link.

export interface PortalProductRow {
  id: string;
  name: string;
  url: string | null;
  price: number | null;
  imageUrl: string | null;
  rate: Rate | null;
  source: RateSource;
  /** What one unit sold at its list price earns; null when the price is unknown and the rate a percentage. */
  perSale: number | null;
}

export async function portalCatalog(db: Db, partnerId: string, params: PortalPage & { q: string }): Promise<{ rows: PortalProductRow[]; total: number; currency: string }> {
  const [[partner], settings, page] = await Promise.all([
    db.select({ type: partners.commissionType, rate: partners.commissionRate }).from(partners).where(eq(partners.id, partnerId)),
    getSettings(db),
    listProducts(db, { q: params.q, sort: "name", dir: "asc", page: params.page, size: params.size, filters: {} }),
  ]);
  if (!partner) throw new NotFoundError("No partner with this id.", "unknown_partner");
  const partnerRate = rateOrNull(partner.type, partner.rate);
  const programRate: Rate = { type: settings.defaultCommissionType, value: settings.defaultCommissionRate };
  return {
    currency: settings.currency,
    total: page.total,
    rows: page.rows.map((p) => {
      const groupRate = p.rateGroup ? { type: p.rateGroup.commissionType, value: p.rateGroup.commissionRate } : null;
      const price = p.price ?? 0;
      // One unit at its list price, as the store would report it in a sale's items.
      const result = computeCommission({
        amount: price,
        items: [{ productId: p.id, quantity: 1, amount: price }],
        linkRate: null,
        groupRateFor: () => groupRate,
        partnerRate,
        programRate,
        isUpgrade: false,
        disableUpgradeReferrals: false,
        selfReferral: false,
        blockSelfReferrals: false,
      });
      const unknown = p.price === null && result.rate?.type !== "fixed";
      return { id: p.id, name: p.name, url: p.url, price: p.price, imageUrl: p.imageUrl, rate: result.rate, source: result.source, perSale: unknown ? null : result.amount };
    }),
  };
}
