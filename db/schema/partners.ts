import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { LINK_CREATORS, PARTNER_STATUSES, PAYOUT_METHODS, type CommissionType, type LinkCreator, type PartnerStatus, type PayoutMethod } from "@/lib/schemas/enums";
import { commissionRate, commissionType, createdAt, oneOf, timestampTz, updatedAt, uuidPk, validRate } from "./columns";

export const partners = pgTable(
  "partners",
  {
    id: uuidPk(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    status: text("status").$type<PartnerStatus>().notNull().default("pending"),
    /** The `ref` value: unique case-insensitively, URL-safe. */
    referralCode: text("referral_code").notNull(),
    /** null type and rate = the program default. */
    commissionType: commissionType().$type<CommissionType>(),
    commissionRate: commissionRate(),
    payoutMethod: text("payout_method").$type<PayoutMethod>(),
    payoutDetails: jsonb("payout_details").$type<Record<string, string>>().notNull().default({}),
    /**
     * The secret part of the dashboard URL /p/<token> (≥128 random bits), encrypted with a key
     * derived from the app's secret (lib/server/token-seal.ts) so the merchant can copy the
     * URL again while a copy of the database alone cannot open anyone's dashboard. The
     * portal looks partners up by the token's hash.
     */
    dashboardTokenSealed: text("dashboard_token_sealed").notNull(),
    dashboardTokenHash: text("dashboard_token_hash").notNull(),
    /** null until the partner sets a password on the first visit. */
    passwordHash: text("password_hash"),
    passwordSetAt: timestampTz("password_set_at"),
    notes: text("notes"),
    approvedAt: timestampTz("approved_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("partners_email_key").on(sql`lower(${t.email})`),
    uniqueIndex("partners_referral_code_key").on(sql`lower(${t.referralCode})`),
    uniqueIndex("partners_dashboard_token_hash_key").on(t.dashboardTokenHash),
    index("partners_status_idx").on(t.status, t.createdAt),
    index("partners_created_at_idx").on(t.createdAt),
    check("partners_status", oneOf(t.status, PARTNER_STATUSES)),
    check("partners_payout_method", sql`${t.payoutMethod} is null or ${oneOf(t.payoutMethod, PAYOUT_METHODS)}`),
    check("partners_rate", validRate(t.commissionType, t.commissionRate)),
    check("partners_referral_code_format", sql`${t.referralCode} ~ '^[A-Za-z0-9_-]{2,64}$'`),
  ],
);

/** Coupon codes: unique across the program regardless of case. */
export const couponCodes = pgTable(
  "coupon_codes",
  {
    id: uuidPk(),
    partnerId: uuid("partner_id").notNull().references(() => partners.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("coupon_codes_code_key").on(sql`lower(${t.code})`),
    index("coupon_codes_partner_idx").on(t.partnerId),
    check("coupon_codes_code_format", sql`length(${t.code}) between 2 and 64`),
  ],
);

/** Custom links /a/<slug>; their own rate, when set, wins over every other rate. */
export const links = pgTable(
  "links",
  {
    id: uuidPk(),
    partnerId: uuid("partner_id").notNull().references(() => partners.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    destinationUrl: text("destination_url").notNull(),
    commissionType: commissionType().$type<CommissionType>(),
    commissionRate: commissionRate(),
    createdBy: text("created_by").$type<LinkCreator>().notNull().default("admin"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("links_slug_key").on(sql`lower(${t.slug})`),
    index("links_partner_idx").on(t.partnerId, t.createdAt),
    check("links_rate", validRate(t.commissionType, t.commissionRate)),
    check("links_created_by", oneOf(t.createdBy, LINK_CREATORS)),
    check("links_slug_format", sql`${t.slug} ~ '^[A-Za-z0-9_-]{2,64}$'`),
  ],
);

/** Partner-portal sessions: the cookie holds a random id, only its hash is stored. */
export const partnerSessions = pgTable(
  "partner_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    partnerId: uuid("partner_id").notNull().references(() => partners.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestampTz("last_seen_at").notNull().defaultNow(),
    expiresAt: timestampTz("expires_at").notNull(),
  },
  (t) => [index("partner_sessions_partner_idx").on(t.partnerId)],
);
