// The demo store's products (no server imports: the image generator reads them too).

export interface SeedProduct {
  id: string;
  name: string;
  /** Minor units. */
  price: number;
  category: string | null;
  /** Relative popularity in orders. */
  weight: number;
}

export const MEMBERSHIP_ID = "club-membership";
export const UPGRADE_ID = "club-plus-upgrade";

const P = (id: string, name: string, price: number, category: string | null, weight = 1): SeedProduct => ({ id, name, price, category, weight });

export const PRODUCTS: readonly SeedProduct[] = [
  P("tent-ridgeline-2p", "Ridgeline 2P Ultralight Tent", 38900, "tents", 3),
  P("tent-ridgeline-3p", "Ridgeline 3P Ultralight Tent", 45900, "tents", 2),
  P("tent-basecamp-6p", "Basecamp 6 Family Tent", 52900, "tents", 1),
  P("tent-solo-bivy", "Nightjar Solo Bivy", 17900, "tents", 1),
  P("tarp-silnylon", "Silnylon Camp Tarp 3x3 m", 8900, "tents", 2),
  P("bag-down-20f", "Emberline 20°F Down Sleeping Bag", 32900, "sleep-systems", 2),
  P("bag-synthetic-35f", "Driftwood 35°F Synthetic Sleeping Bag", 14900, "sleep-systems", 2),
  P("pad-insulated", "Cloudrest Insulated Sleeping Pad", 15900, "sleep-systems", 3),
  P("pillow-inflatable", "Packable Inflatable Pillow", 3900, "sleep-systems", 3),
  P("pack-trailblazer-45", "Trailblazer 45L Backpack", 21900, "backpacks", 3),
  P("pack-trailblazer-65", "Trailblazer 65L Backpack", 27900, "backpacks", 2),
  P("pack-summit-daypack", "Summit 22L Daypack", 8900, "backpacks", 4),
  P("pack-rain-cover", "Backpack Rain Cover", 2900, "backpacks", 2),
  P("boot-granite-mid", "Granite Mid Waterproof Hiking Boot", 18900, "footwear", 3),
  P("shoe-switchback-trail", "Switchback Trail Runner", 14900, "footwear", 4),
  P("sandal-riverwalk", "Riverwalk Camp Sandal", 6900, "footwear", 2),
  P("socks-merino-3pk", "Merino Hiking Socks (3-pack)", 3600, "footwear", 5),
  P("jacket-stormshell", "Stormshell Rain Jacket", 19900, "apparel", 3),
  P("jacket-down-hoody", "Featherline Down Hoody", 24900, "apparel", 2),
  P("fleece-grid-half-zip", "Grid Fleece Half-Zip", 8900, "apparel", 3),
  P("baselayer-merino-crew", "Merino Base Layer Crew", 7900, "apparel", 3),
  P("pants-trail-convertible", "Trail Convertible Pants", 7900, "apparel", 2),
  P("hat-sun-brim", "Wide-Brim Sun Hat", 3400, "apparel", 2),
  P("stove-canister", "Pocket Canister Stove", 5900, "camp-kitchen", 3),
  P("cookset-titanium", "Titanium Cook Set", 8400, "camp-kitchen", 2),
  P("filter-squeeze", "Squeeze Water Filter", 4200, "camp-kitchen", 4),
  P("mug-insulated", "Insulated Camp Mug", 2400, "camp-kitchen", 3),
  P("cooler-hardside-45", "Hardside Cooler 45 qt", 27900, "camp-kitchen", 1),
  P("headlamp-400", "Beacon 400 Headlamp", 4900, "camp-kitchen", 3),
  P("poles-carbon", "Carbon Trekking Poles (pair)", 15900, "backpacks", 2),
  P(MEMBERSHIP_ID, "Northwind Club Membership (1 year)", 3000, null, 0),
  P(UPGRADE_ID, "Northwind Club Plus Upgrade", 4500, null, 0),
];

/** Where the app serves a demo product's picture (public/demo/products, made by product-images.ts). */
export function demoImagePath(id: string): string {
  return `/demo/products/${id}.svg`;
}
