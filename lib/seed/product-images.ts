// The demo catalog's product pictures: small SVGs served by the app itself from
// public/demo/products (the demo store's host does not exist, and the console's CSP allows
// 'self'). Regenerate after changing PRODUCTS with `npx tsx lib/seed/product-images.ts`;
// nothing here touches the network.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PRODUCTS, type SeedProduct } from "./catalog-products";

const COLOURS: Record<string, [string, string]> = {
  tents: ["#dcfce7", "#15803d"],
  "sleep-systems": ["#e0e7ff", "#4338ca"],
  backpacks: ["#ffedd5", "#c2410c"],
  footwear: ["#fef3c7", "#b45309"],
  apparel: ["#fce7f3", "#be185d"],
  "camp-kitchen": ["#e0f2fe", "#0369a1"],
};
const MEMBERSHIP: [string, string] = ["#f4f4f5", "#3f3f46"];

// One simple shape per category, drawn in a 64×64 box.
const SHAPES: Record<string, string> = {
  tents: '<path d="M32 14 L52 48 H12 Z" fill="FG"/><path d="M32 30 L38 48 H26 Z" fill="BG"/>',
  "sleep-systems": '<rect x="12" y="22" width="40" height="22" rx="11" fill="FG"/>',
  backpacks: '<rect x="18" y="16" width="28" height="34" rx="8" fill="FG"/><rect x="24" y="32" width="16" height="10" rx="3" fill="BG"/>',
  footwear: '<path d="M14 24 H28 V36 L50 40 V48 H14 Z" fill="FG"/>',
  apparel: '<path d="M22 14 L32 20 L42 14 L52 24 L46 30 V50 H18 V30 L12 24 Z" fill="FG"/>',
  "camp-kitchen": '<rect x="16" y="24" width="26" height="24" rx="4" fill="FG"/><rect x="42" y="28" width="8" height="12" rx="4" fill="none" stroke="FG" stroke-width="3"/>',
};
const STAR = '<path d="M32 14 L37 27 L51 27 L40 36 L44 50 L32 41 L20 50 L24 36 L13 27 L27 27 Z" fill="FG"/>';

export function productSvg(p: SeedProduct): string {
  const [bg, fg] = p.category ? (COLOURS[p.category] ?? MEMBERSHIP) : MEMBERSHIP;
  const shape = (p.category ? (SHAPES[p.category] ?? STAR) : STAR).replaceAll("FG", fg).replaceAll("BG", bg);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 64 64"><title>${escapeXml(p.name)}</title><rect width="64" height="64" fill="${bg}"/>${shape}</svg>\n`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function writeAll(dir: string) {
  mkdirSync(dir, { recursive: true });
  for (const p of PRODUCTS) writeFileSync(join(dir, `${p.id}.svg`), productSvg(p));
  console.log(`Wrote ${PRODUCTS.length} images to ${dir}`);
}

if (process.argv[1]?.endsWith("product-images.ts")) writeAll(join(process.cwd(), "public/demo/products"));
