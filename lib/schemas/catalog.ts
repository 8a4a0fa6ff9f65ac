import { z } from "zod";
import { parseMoney } from "@/lib/domain/money";
import { COMMISSION_TYPES } from "./enums";
import { parseListParams, type SearchParams } from "./list-params";
import { parseRateOverride } from "./links";

// NUL and unpaired surrogates are valid in JSON but PostgreSQL cannot store them; refusing
// them here names the row instead of failing the whole request as a 500.
const UNSTORABLE = /\u0000|\p{Surrogate}/u;
const storable = (schema: z.ZodString) => schema.refine((s) => !UNSTORABLE.test(s), { error: "Text cannot contain NUL characters or unpaired surrogates." });

const urlOrNull = z.string().trim().pipe(z.url({ protocol: /^https?$/, error: "Expected a full http(s) URL." }).max(2048)).nullish();

export const productSchema = z
  .object({
    id: storable(z.string({ error: "Expected the store's product id." }).trim().min(1, { error: "Enter the store's product id." }).max(200)),
    name: storable(z.string({ error: "Expected the product's name." }).trim().min(1, { error: "Enter the product's name." }).max(300)),
    url: urlOrNull,
    price: z.int({ error: "Expected minor units (cents)." }).min(0).max(1_000_000_000_000).nullish(),
    categoryIds: z.array(storable(z.string().trim().min(1).max(200))).max(50).default([]),
    imageUrl: urlOrNull,
  })
  .strict();
export type ProductInput = z.infer<typeof productSchema>;

export const productsSchema = z.array(productSchema).max(5000, { error: "At most 5000 products per request." });

export const rateGroupSchema = z
  .object({
    name: storable(z.string({ error: "Name the group." }).trim().min(1, { error: "Name the group." }).max(100)),
    commissionType: z.enum(COMMISSION_TYPES),
    commissionRate: z.int().min(0).max(1_000_000_000),
    productIds: z.array(z.string().min(1).max(200)).max(5000).default([]),
    categoryIds: z.array(z.string().min(1).max(200)).max(1000).default([]),
  })
  .strict()
  .refine((g) => g.commissionType !== "percentage" || g.commissionRate <= 10_000, { error: "A percentage is at most 100 %.", path: ["commissionRate"] })
  .refine((g) => g.productIds.length + g.categoryIds.length > 0, { error: "Pick at least one product or category.", path: ["productIds"] });
export type RateGroupInput = z.infer<typeof rateGroupSchema>;

// The catalog list: ?q=&sort=name|id|price|createdAt
export const productListSpec = {
  sortable: ["name", "id", "price", "createdAt"] as const,
  defaultSort: "name" as const,
  defaultDir: "asc" as const,
  filters: {},
};

export function parseProductListParams(raw: SearchParams) {
  return parseListParams(raw, productListSpec);
}
export type ProductListParams = ReturnType<typeof parseProductListParams>;

export type FormParse<T> = { ok: true; values: T } | { ok: false; errors: Record<string, string> };

function uniqueValues(form: FormData, name: string): string[] {
  return [...new Set(form.getAll(name).map((v) => String(v).trim()).filter(Boolean))];
}

/** The Add/Edit product form: a price typed as 19.99 becomes minor units; empty fields are none. */
export function parseProductForm(form: FormData, currency: string): FormParse<ProductInput> {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const priceText = text("price");
  const price = priceText ? parseMoney(priceText, currency) : null;
  if (priceText && price === null) return { ok: false, errors: { price: `Enter a price in ${currency}, like 19.99.` } };
  return {
    ok: true,
    values: {
      id: text("id"),
      name: text("name"),
      url: text("url") || null,
      price,
      categoryIds: uniqueValues(form, "categoryIds"),
      imageUrl: text("imageUrl") || null,
    },
  };
}

/** The Add/Edit rate group form: the rate typed as 12.5 (%) or 5.00 (per unit). */
export function parseRateGroupForm(form: FormData, currency: string): FormParse<RateGroupInput> {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const type = text("commissionType");
  if (type !== "percentage" && type !== "fixed") return { ok: false, errors: { commissionType: "Pick a percentage or a fixed amount per unit." } };
  const rate = parseRateOverride(type, text("rate"), currency);
  if (rate.error || rate.commissionRate === null) return { ok: false, errors: { rate: rate.error ?? "Enter the rate." } };
  return {
    ok: true,
    values: { name: text("name"), commissionType: type, commissionRate: rate.commissionRate, productIds: uniqueValues(form, "productIds"), categoryIds: uniqueValues(form, "categoryIds") },
  };
}

/** Service errors on `commissionRate` show under the form's rate field; `productIds.3` under productIds. */
export function catalogFormField(field: string): string {
  if (field === "commissionRate") return "rate";
  return field.split(".")[0]!;
}
