// The fixed vocabularies of SPEC.md §2, shared by the database checks, the zod schemas
// and the UI. Safe to import from client components.

export const PARTNER_STATUSES = ["pending", "approved", "rejected", "suspended"] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export const COMMISSION_TYPES = ["percentage", "fixed"] as const;
export type CommissionType = (typeof COMMISSION_TYPES)[number];

export const COMMISSION_STATUSES = ["pending", "approved", "paid", "void"] as const;
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];

export const PAYOUT_METHODS = ["paypal", "bank_transfer", "stripe", "other"] as const;
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];

export const ATTRIBUTION_MODELS = ["last_click", "first_click"] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

/** Which rule attributed a sale; `none` means recorded as unattributed. */
export const ATTRIBUTION_RULES = ["coupon", "click", "lifetime", "ip_user_agent", "manual", "none"] as const;
export type AttributionRule = (typeof ATTRIBUTION_RULES)[number];

/** Where a commission's rate came from, in precedence order (action = lead event). */
export const RATE_SOURCES = ["link", "rate_group", "partner", "program", "action", "manual"] as const;
export type RateSource = (typeof RATE_SOURCES)[number];

export const COMMISSION_KINDS = ["sale", "lead"] as const;
export type CommissionKind = (typeof COMMISSION_KINDS)[number];

export const CLICK_DECLINE_REASONS = ["bot", "duplicate", "partner_not_approved"] as const;
export type ClickDeclineReason = (typeof CLICK_DECLINE_REASONS)[number];

export const PAYOUT_STATUSES = ["completed", "void"] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/** A PayPal export: open until the merchant marks it paid (with PayPal's batch id) or cancels it. */
export const PAYOUT_BATCH_STATUSES = ["open", "paid", "cancelled"] as const;
export type PayoutBatchStatus = (typeof PAYOUT_BATCH_STATUSES)[number];

export const ACTOR_TYPES = ["admin", "partner", "api", "system", "cli"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const LINK_CREATORS = ["admin", "partner", "api"] as const;
export type LinkCreator = (typeof LINK_CREATORS)[number];

/** The tracking API's endpoints, and the store connectors by name (SPEC.md §7). */
export const TRACKING_EVENT_KINDS = ["click", "sale", "lead", "refund", "ping", "stripe"] as const;
export type TrackingEventKind = (typeof TRACKING_EVENT_KINDS)[number];

/** What an API key may call (SPEC.md §6; the rules are in lib/domain/api-key-scope.ts). */
export const API_KEY_SCOPES = ["full", "tracking", "publishable"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
