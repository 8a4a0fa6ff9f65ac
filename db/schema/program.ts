import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ACTOR_TYPES, API_KEY_SCOPES, ATTRIBUTION_MODELS, COMMISSION_TYPES, type ApiKeyScope, type AttributionModel, type CommissionType } from "@/lib/schemas/enums";
import { createdAt, money, oneOf, timestampTz, updatedAt, uuidPk } from "./columns";

/** The one program this deployment runs (SPEC.md §2 "Program settings"): always row id 1. */
export const programSettings = pgTable(
  "program_settings",
  {
    id: integer("id").primaryKey().default(1),
    name: text("name").notNull().default("Affiliate Program"),
    currency: text("currency").notNull().default("USD"),
    timezone: text("timezone").notNull().default("UTC"),
    storeUrl: text("store_url").notNull().default("http://localhost:3000/"),
    trackingEnabled: boolean("tracking_enabled").notNull().default(true),
    cookieDays: integer("cookie_days").notNull().default(30),
    attributionModel: text("attribution_model").$type<AttributionModel>().notNull().default("last_click"),
    lifetimeAttribution: boolean("lifetime_attribution").notNull().default(true),
    defaultCommissionType: text("default_commission_type").$type<CommissionType>().notNull().default("percentage"),
    defaultCommissionRate: integer("default_commission_rate").notNull().default(1000),
    holdDays: integer("hold_days").notNull().default(30),
    minPayout: money("min_payout").notNull().default(0),
    disableUpgradeReferrals: boolean("disable_upgrade_referrals").notNull().default(false),
    brandedCoupons: boolean("branded_coupons").notNull().default(false),
    blockSelfReferrals: boolean("block_self_referrals").notNull().default(true),
    /** Whether the public /apply page takes applications (they arrive as `pending` partners). */
    applicationsOpen: boolean("applications_open").notNull().default(false),
    /** event name → fixed amount in minor units, e.g. {"signup": 200} */
    actionCommissions: jsonb("action_commissions").$type<Record<string, number>>().notNull().default({}),
    /**
     * The Stripe connector's signing secret (SPEC.md §7); null = connector off. Kept out of
     * ProgramSettings (lib/services/connector-secrets.ts) so it never reaches a page, the
     * audit log or `settings get`. The previous secret is still accepted for 24 h after a
     * change, while the merchant updates the endpoint in Stripe.
     */
    stripeWebhookSecret: text("stripe_webhook_secret"),
    stripeWebhookSecretPrevious: text("stripe_webhook_secret_previous"),
    stripeWebhookSecretChangedAt: timestampTz("stripe_webhook_secret_changed_at"),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("program_settings_singleton", sql`${t.id} = 1`),
    check("program_settings_currency", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("program_settings_cookie_days", sql`${t.cookieDays} between 1 and 3650`),
    check("program_settings_hold_days", sql`${t.holdDays} between 0 and 3650`),
    check("program_settings_attribution_model", oneOf(t.attributionModel, ATTRIBUTION_MODELS)),
    check("program_settings_commission_type", oneOf(t.defaultCommissionType, COMMISSION_TYPES)),
    check(
      "program_settings_commission_rate",
      sql`${t.defaultCommissionRate} >= 0 and (${t.defaultCommissionType} = 'fixed' or ${t.defaultCommissionRate} <= 10000)`,
    ),
    check("program_settings_min_payout", sql`${t.minPayout} >= 0`),
  ],
);

export const adminUsers = pgTable(
  "admin_users",
  {
    id: uuidPk(),
    email: text("email").notNull(),
    name: text("name"),
    passwordHash: text("password_hash").notNull(),
    /**
     * Carried in every session (a next-auth JWT) and compared on each request: changing the
     * password raises it, which ends every other session of this admin.
     */
    sessionVersion: integer("session_version").notNull().default(1),
    lastSignInAt: timestampTz("last_sign_in_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("admin_users_email_key").on(sql`lower(${t.email})`), check("admin_users_session_version", sql`${t.sessionVersion} > 0`)],
);

/** Keys for the tracking and REST APIs; only a SHA-256 of the secret is kept. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuidPk(),
    name: text("name").notNull(),
    /** What the key may call (lib/domain/api-key-scope.ts); keys made before scopes are `full`. */
    scope: text("scope").$type<ApiKeyScope>().notNull().default("full"),
    /** The first characters of the secret, shown in lists so a key can be recognised. */
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    createdBy: uuid("created_by").references(() => adminUsers.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastUsedAt: timestampTz("last_used_at"),
    revokedAt: timestampTz("revoked_at"),
  },
  (t) => [
    uniqueIndex("api_keys_key_hash_key").on(t.keyHash),
    check("api_keys_scope", oneOf(t.scope, API_KEY_SCOPES)),
    // A publishable key is meant to sit in a page, so it must never look like a secret one.
    check("api_keys_prefix_scope", sql`(${t.scope} = 'publishable') = (left(${t.prefix}, 3) = 'pk_')`),
  ],
);

/**
 * Sign-in attempts per account (admin email or partner) since the last success, for backoff
 * (lib/services/sign-in-throttle.ts). An attempt is counted before its password is checked
 * and a success deletes the row, so `failures` counts attempts that did not succeed. Keyed by
 * a hash of the account identifier whether or not the account exists, so throttling never
 * reveals which emails are registered.
 */
export const signInThrottles = pgTable("sign_in_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: timestampTz("locked_until"),
  /** The last counted attempt: after a quiet period without one, the count starts over. */
  lastFailureAt: timestampTz("last_failure_at").notNull().defaultNow(),
});

/**
 * Attempts per client address and action in a fixed window (lib/domain/address-limits.ts).
 * In the database, not in memory, so the limit holds across app processes. Keyed by the
 * action and an HMAC of the address: raw addresses are never stored.
 */
export const addressRateLimits = pgTable(
  "address_rate_limits",
  {
    key: text("key").primaryKey(),
    windowStartedAt: timestampTz("window_started_at").notNull(),
    hits: integer("hits").notNull(),
  },
  (t) => [check("address_rate_limits_hits", sql`${t.hits} > 0`), index("address_rate_limits_window_idx").on(t.windowStartedAt)],
);

/** Who did what to which entity; written in the same transaction as the change. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    check("audit_log_actor_type", oneOf(t.actorType, ACTOR_TYPES)),
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.createdAt),
    index("audit_log_created_at_idx").on(t.createdAt),
  ],
);
