import "server-only";
import type { Db } from "@/db/types";
import type { Rate } from "@/lib/domain/rates";
import type { Actor } from "@/lib/services/actor";
import { upsertProducts } from "@/lib/services/catalog";
import { createRateGroup } from "@/lib/services/rate-groups";
import { productUrl } from "../catalog";
import { slugify } from "../data";
import type { Rng } from "../random";
import { pickIndex } from "./context";

// The large store's catalog: up to 20 categories of outdoor gear with ~25 products each,
// and two rate groups (a percentage on four clothing and footwear categories, a fixed
// amount per unit on the flagship products). Few rows, so it goes through the services.

interface CategorySpec {
  id: string;
  noun: string;
  /** Price range in whole dollars. */
  min: number;
  max: number;
}

const CATEGORIES: CategorySpec[] = [
  { id: "tents", noun: "Tent", min: 180, max: 650 },
  { id: "sleeping-bags", noun: "Sleeping Bag", min: 90, max: 480 },
  { id: "sleeping-pads", noun: "Sleeping Pad", min: 40, max: 220 },
  { id: "backpacks", noun: "Backpack", min: 120, max: 380 },
  { id: "daypacks", noun: "Daypack", min: 45, max: 160 },
  { id: "hiking-boots", noun: "Hiking Boot", min: 120, max: 290 },
  { id: "trail-runners", noun: "Trail Runner", min: 100, max: 190 },
  { id: "socks", noun: "Hiking Socks", min: 15, max: 45 },
  { id: "rain-jackets", noun: "Rain Jacket", min: 110, max: 420 },
  { id: "insulated-jackets", noun: "Down Jacket", min: 150, max: 450 },
  { id: "fleece", noun: "Fleece", min: 55, max: 150 },
  { id: "base-layers", noun: "Base Layer", min: 40, max: 120 },
  { id: "pants", noun: "Hiking Pants", min: 60, max: 160 },
  { id: "hats-gloves", noun: "Beanie", min: 20, max: 70 },
  { id: "stoves", noun: "Stove", min: 40, max: 180 },
  { id: "cookware", noun: "Cook Set", min: 25, max: 140 },
  { id: "water", noun: "Water Filter", min: 25, max: 120 },
  { id: "lighting", noun: "Headlamp", min: 25, max: 110 },
  { id: "trekking-poles", noun: "Trekking Poles", min: 60, max: 200 },
  { id: "navigation", noun: "GPS Watch", min: 150, max: 600 },
];

const MODELS = [
  "Ridgeline", "Emberline", "Switchback", "Cloudrest", "Trailblazer", "Summit", "Granite", "Stormshell", "Featherline", "Driftwood",
  "Nightjar", "Basecamp", "Timberline", "Alpenglow", "Cascade", "Sierra", "Talus", "Kestrel", "Northstar", "Boulder",
  "Canyon", "Juniper", "Glacier", "Headwall", "Ptarmigan", "Windrider", "Sawtooth", "Tamarack", "Aspen", "Bristlecone",
];
const VARIANTS = ["", "Lite", "Pro", "UL", "2", "3", "Plus", "Trail", "Expedition", "Classic"];

export const CATEGORY_GROUP_IDS = ["rain-jackets", "fleece", "hiking-boots", "trail-runners"];

export interface LargeProduct {
  id: string;
  name: string;
  /** Minor units. */
  price: number;
  category: string;
  /** Relative popularity in baskets. */
  weight: number;
}

export interface LargeCatalog {
  products: LargeProduct[];
  categories: string[];
  /** The rate group rate of a product, as lib/services/catalog.ts groupRatesFor would give it. */
  groupRateFor(productId: string): Rate | null;
  /** Cumulative popularity, for weighted picks. */
  cumulative: number[];
  /** The fixed-rate group's products and the percentage group's categories. */
  flagshipIds: Set<string>;
  groupedCategories: Set<string>;
}

const CATEGORY_RATE: Rate = { type: "percentage", value: 1500 };
const FLAGSHIP_RATE: Rate = { type: "fixed", value: 2500 };

export function planCatalog(rng: Rng, size: number, categoryCount: number): LargeCatalog {
  const categories = CATEGORIES.slice(0, categoryCount);
  const products: LargeProduct[] = [];
  const names = new Set<string>();
  for (let i = 0; products.length < size; i++) {
    const category = categories[i % categories.length]!;
    let name = "";
    for (let attempt = 0; !name || names.has(name); attempt++) {
      const variant = rng.pick(VARIANTS);
      name = `${rng.pick(MODELS)}${variant ? ` ${variant}` : ""} ${category.noun}${attempt > 5 ? ` ${attempt}` : ""}`;
    }
    names.add(name);
    const dollars = category.min + Math.floor(rng.next() * (category.max - category.min));
    products.push({
      id: `${category.id}-${slugify(name.replace(category.noun, ""))}`.replace(/-+$/, ""),
      name,
      price: Math.max(5, Math.round(dollars / 5) * 5) * 100 - 1, // $149.99
      category: category.id,
      weight: 1 / Math.pow(1 + rng.int(0, 40), 0.9),
    });
  }
  const ids = new Set<string>();
  for (const p of products) {
    while (ids.has(p.id)) p.id = `${p.id}-${rng.token(3, "abcdefghijklmnopqrstuvwxyz0123456789")}`;
    ids.add(p.id);
  }
  const flagshipIds = new Set(
    products
      .filter((p) => p.category === "tents" || p.category === "backpacks")
      .sort((a, b) => b.price - a.price)
      .slice(0, Math.max(1, Math.round(size * 0.03)))
      .map((p) => p.id),
  );
  const groupedCategories = new Set(CATEGORY_GROUP_IDS.filter((c) => categories.some((k) => k.id === c)));
  const byId = new Map(products.map((p) => [p.id, p]));
  let sum = 0;
  return {
    products,
    categories: categories.map((c) => c.id),
    cumulative: products.map((p) => (sum += p.weight)),
    flagshipIds,
    groupedCategories,
    groupRateFor(productId) {
      if (flagshipIds.has(productId)) return FLAGSHIP_RATE;
      const product = byId.get(productId);
      return product && groupedCategories.has(product.category) ? CATEGORY_RATE : null;
    },
  };
}

export async function seedLargeCatalog(db: Db, actor: Actor, storeUrl: string, catalog: LargeCatalog): Promise<void> {
  const { flagshipIds, groupedCategories } = catalog;
  await upsertProducts(
    db,
    actor,
    catalog.products.map((p) => ({
      id: p.id,
      name: p.name,
      url: productUrl(storeUrl, p.id),
      price: p.price,
      categoryIds: [p.category],
      imageUrl: `${storeUrl}/cdn/images/products/${p.id}.jpg`,
    })),
  );
  // The category group first: it is the older one, as groupRatesFor breaks ties by age.
  if (groupedCategories.size) {
    await createRateGroup(db, actor, { name: "Apparel & footwear", commissionType: CATEGORY_RATE.type, commissionRate: CATEGORY_RATE.value, categoryIds: [...groupedCategories] });
  }
  await createRateGroup(db, actor, { name: "Flagship packs & tents", commissionType: FLAGSHIP_RATE.type, commissionRate: FLAGSHIP_RATE.value, productIds: [...flagshipIds] });
}

/** A product by popularity. */
export function pickProduct(rng: Rng, catalog: LargeCatalog): LargeProduct {
  const { cumulative, products } = catalog;
  return products[pickIndex(cumulative, rng.next() * cumulative[cumulative.length - 1]!)]!;
}
