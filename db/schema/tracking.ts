import { sql } from "drizzle-orm";
import { bigint, check, index, integer, json, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CLICK_DECLINE_REASONS, TRACKING_EVENT_KINDS, type ClickDeclineReason, type TrackingEventKind } from "@/lib/schemas/enums";
import { createdAt, oneOf, timestampTz, uuidPk } from "./columns";
import { links, partners } from "./partners";

/**
 * Every click on a referral or custom link. The visitor id is the `aff_vid` cookie; the IP
 * is stored only as a keyed hash. Declined clicks (bots, repeats, inactive partners) are
 * kept for the log and never count in reports; of them only a repeat ("duplicate") still
 * attributes its visitor's sale (lib/domain/attribution.ts).
 */
export const clicks = pgTable(
  "clicks",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    visitorId: text("visitor_id").notNull(),
    partnerId: uuid("partner_id").notNull().references(() => partners.id, { onDelete: "cascade" }),
    linkId: uuid("link_id").references(() => links.id, { onDelete: "set null" }),
    ipHash: text("ip_hash"),
    userAgent: text("user_agent"),
    landingUrl: text("landing_url"),
    referrer: text("referrer"),
    declinedReason: text("declined_reason").$type<ClickDeclineReason>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("clicks_visitor_idx").on(t.visitorId, t.createdAt),
    index("clicks_partner_idx").on(t.partnerId, t.createdAt),
    index("clicks_link_idx").on(t.linkId, t.createdAt),
    index("clicks_ip_hash_idx").on(t.ipHash, t.createdAt),
    // The click log pages by (created_at, id) straight off these (lib/services/click-list.ts);
    // declined clicks are few and not in the counters, so they get a small index of their own.
    index("clicks_created_at_id_idx").on(t.createdAt, t.id),
    index("clicks_declined_idx").on(t.createdAt, t.id).where(sql`${t.declinedReason} is not null`),
    check("clicks_declined_reason", sql`${t.declinedReason} is null or ${oneOf(t.declinedReason, CLICK_DECLINE_REASONS)}`),
  ],
);

/**
 * One row per (link, visitor) and (link, IP hash) seen recently: the database decides
 * atomically whether a click is a repeat within the hour, with no check-then-insert.
 */
export const clickDedupe = pgTable("click_dedupe", {
  key: text("key").primaryKey(),
  lastSeenAt: timestampTz("last_seen_at").notNull(),
});

/** Customers the store reported; `partnerId` is the lifetime partner once referred. */
export const customers = pgTable(
  "customers",
  {
    id: uuidPk(),
    /** The store's customer id, or `email:<address>` for guests reported by email only. */
    externalId: text("external_id").notNull(),
    email: text("email"),
    name: text("name"),
    partnerId: uuid("partner_id").references(() => partners.id, { onDelete: "set null" }),
    referredAt: timestampTz("referred_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("customers_external_id_key").on(t.externalId),
    index("customers_partner_idx").on(t.partnerId, t.createdAt),
    index("customers_email_idx").on(sql`lower(${t.email})`),
    // The Customers search: email, name or the store's id "contains" (ILIKE), one trigram index each.
    index("customers_email_trgm_idx").using("gin", t.email.op("gin_trgm_ops")),
    index("customers_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    index("customers_external_id_trgm_idx").using("gin", t.externalId.op("gin_trgm_ops")),
  ],
);

/** Lead events (sign-ups, trials…): once per customer and event name. */
export const leads = pgTable(
  "leads",
  {
    id: uuidPk(),
    customerId: uuid("customer_id").notNull().references(() => customers.id, { onDelete: "cascade" }),
    eventName: text("event_name").notNull(),
    partnerId: uuid("partner_id").references(() => partners.id, { onDelete: "set null" }),
    attribution: text("attribution").notNull(),
    requestHash: text("request_hash").notNull(),
    response: json("response").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("leads_customer_event_key").on(t.customerId, t.eventName),
    index("leads_partner_idx").on(t.partnerId, t.createdAt),
  ],
);

/** What the tracking API received lately and how it answered: the Integration page's log. */
export const trackingEvents = pgTable(
  "tracking_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text("kind").$type<TrackingEventKind>().notNull(),
    status: integer("status").notNull(),
    /** e.g. "attributed via coupon", or the error code */
    outcome: text("outcome").notNull(),
    reference: text("reference"),
    message: text("message"),
    createdAt: createdAt(),
  },
  (t) => [
    index("tracking_events_created_at_idx").on(t.createdAt),
    // The Integration log's "Errors" view: the latest failed answers without walking back
    // through two weeks of successful sales.
    index("tracking_events_errors_idx").on(t.createdAt).where(sql`${t.status} >= 400`),
    check("tracking_events_kind", oneOf(t.kind, TRACKING_EVENT_KINDS)),
  ],
);
