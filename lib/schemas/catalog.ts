import { z } from "zod";
import { COMMISSION_TYPES } from "./enums";

const urlOrNull = z.string().trim().pipe(z.url({ protocol: /^https?$/, error: "Expected a full http(s) URL." }).max(2048)).nullish();

export const productSchema = z
  .object({
    id: z.string({ error: "Expected the store's product id." }).trim().min(1).max(200),
    name: z.string({ error: "Expected the product's name." }).trim().min(1).max(300),
    url: urlOrNull,
    price: z.int({ error: "Expected minor units (cents)." }).min(0).max(1_000_000_000_000).nullish(),
    categoryIds: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    imageUrl: urlOrNull,
  })
  .strict();
export type ProductInput = z.infer<typeof productSchema>;

export const productsSchema = z.array(productSchema).max(5000, { error: "At most 5000 products per request." });

export const rateGroupSchema = z
  .object({
    name: z.string({ error: "Name the group." }).trim().min(1, { error: "Name the group." }).max(100),
    commissionType: z.enum(COMMISSION_TYPES),
    commissionRate: z.int().min(0).max(1_000_000_000),
    productIds: z.array(z.string().min(1).max(200)).max(5000).default([]),
    categoryIds: z.array(z.string().min(1).max(200)).max(1000).default([]),
  })
  .strict()
  .refine((g) => g.commissionType !== "percentage" || g.commissionRate <= 10_000, { error: "A percentage is at most 100 %.", path: ["commissionRate"] })
  .refine((g) => g.productIds.length + g.categoryIds.length > 0, { error: "Pick at least one product or category.", path: ["productIds"] });
export type RateGroupInput = z.infer<typeof rateGroupSchema>;
