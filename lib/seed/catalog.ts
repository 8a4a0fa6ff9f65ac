import "server-only";
import type { Db } from "@/db/types";
import type { Actor } from "@/lib/services/actor";
import { upsertProducts } from "@/lib/services/catalog";
import { createRateGroup } from "@/lib/services/rate-groups";
import { demoImagePath, PRODUCTS } from "./catalog-products";

// The demo store's catalog: six categories of outdoor gear plus a membership, and two rate
// groups (a category percentage, a fixed amount per unit on flagship products).

export { MEMBERSHIP_ID, PRODUCTS, UPGRADE_ID, type SeedProduct } from "./catalog-products";

export const CATEGORY_RATE_GROUP = { name: "Apparel & footwear", commissionType: "percentage" as const, commissionRate: 1500, categoryIds: ["apparel", "footwear"] };
export const PRODUCT_RATE_GROUP = {
  name: "Flagship tents",
  commissionType: "fixed" as const,
  commissionRate: 2500,
  productIds: ["tent-ridgeline-2p", "tent-ridgeline-3p", "tent-basecamp-6p"],
};

export function productUrl(storeUrl: string, id: string): string {
  return `${storeUrl}/products/${id}`;
}

export async function seedCatalog(db: Db, actor: Actor, storeUrl: string, appUrl: string): Promise<void> {
  await upsertProducts(
    db,
    actor,
    PRODUCTS.map((p) => ({
      id: p.id,
      name: p.name,
      url: productUrl(storeUrl, p.id),
      price: p.price,
      categoryIds: p.category ? [p.category] : [],
      // The app serves these itself (public/demo/products): the demo store does not exist.
      imageUrl: `${appUrl}${demoImagePath(p.id)}`,
    })),
  );
  await createRateGroup(db, actor, CATEGORY_RATE_GROUP);
  await createRateGroup(db, actor, PRODUCT_RATE_GROUP);
}
