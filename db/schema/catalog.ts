import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { CommissionType } from "@/lib/schemas/enums";
import { commissionRate, commissionType, createdAt, money, updatedAt, uuidPk } from "./columns";

/** The store's product catalog; ids are the store's own, synced through PUT /api/v1/products. */
export const products = pgTable(
  "products",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    url: text("url"),
    price: money("price"),
    imageUrl: text("image_url"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("products_price", sql`${t.price} is null or ${t.price} >= 0`),
    index("products_name_idx").on(sql`lower(${t.name})`),
  ],
);

export const categories = pgTable("categories", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const productCategories = pgTable(
  "product_categories",
  {
    productId: text("product_id").notNull().references(() => products.id, { onDelete: "cascade" }),
    categoryId: text("category_id").notNull().references(() => categories.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.productId, t.categoryId] }), index("product_categories_category_idx").on(t.categoryId)],
);

/**
 * Custom rates for products and/or categories. A product or category belongs to at most
 * one group (unique indexes below), so the rate for a line item is never ambiguous.
 */
export const rateGroups = pgTable(
  "rate_groups",
  {
    id: uuidPk(),
    name: text("name").notNull(),
    commissionType: commissionType().$type<CommissionType>().notNull(),
    commissionRate: commissionRate().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      "rate_groups_rate",
      sql`${t.commissionType} in ('percentage', 'fixed') and ${t.commissionRate} >= 0 and (${t.commissionType} = 'fixed' or ${t.commissionRate} <= 10000)`,
    ),
  ],
);

export const rateGroupProducts = pgTable(
  "rate_group_products",
  {
    rateGroupId: uuid("rate_group_id").notNull().references(() => rateGroups.id, { onDelete: "cascade" }),
    productId: text("product_id").notNull().references(() => products.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.rateGroupId, t.productId] }), uniqueIndex("rate_group_products_product_key").on(t.productId)],
);

export const rateGroupCategories = pgTable(
  "rate_group_categories",
  {
    rateGroupId: uuid("rate_group_id").notNull().references(() => rateGroups.id, { onDelete: "cascade" }),
    categoryId: text("category_id").notNull().references(() => categories.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.rateGroupId, t.categoryId] }), uniqueIndex("rate_group_categories_category_key").on(t.categoryId)],
);
