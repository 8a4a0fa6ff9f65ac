CREATE TABLE "admin_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"password_hash" text NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_type" text NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_log_actor_type" CHECK ("audit_log"."actor_type" in ('admin', 'partner', 'api', 'system', 'cli'))
);
--> statement-breakpoint
CREATE TABLE "program_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"name" text DEFAULT 'Affiliate Program' NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"store_url" text DEFAULT 'http://localhost:3000/' NOT NULL,
	"tracking_enabled" boolean DEFAULT true NOT NULL,
	"cookie_days" integer DEFAULT 30 NOT NULL,
	"attribution_model" text DEFAULT 'last_click' NOT NULL,
	"lifetime_attribution" boolean DEFAULT true NOT NULL,
	"default_commission_type" text DEFAULT 'percentage' NOT NULL,
	"default_commission_rate" integer DEFAULT 1000 NOT NULL,
	"hold_days" integer DEFAULT 30 NOT NULL,
	"min_payout" bigint DEFAULT 0 NOT NULL,
	"disable_upgrade_referrals" boolean DEFAULT false NOT NULL,
	"branded_coupons" boolean DEFAULT false NOT NULL,
	"block_self_referrals" boolean DEFAULT true NOT NULL,
	"action_commissions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_settings_singleton" CHECK ("program_settings"."id" = 1),
	CONSTRAINT "program_settings_currency" CHECK ("program_settings"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "program_settings_cookie_days" CHECK ("program_settings"."cookie_days" between 1 and 3650),
	CONSTRAINT "program_settings_hold_days" CHECK ("program_settings"."hold_days" between 0 and 3650),
	CONSTRAINT "program_settings_attribution_model" CHECK ("program_settings"."attribution_model" in ('last_click', 'first_click')),
	CONSTRAINT "program_settings_commission_type" CHECK ("program_settings"."default_commission_type" in ('percentage', 'fixed')),
	CONSTRAINT "program_settings_commission_rate" CHECK ("program_settings"."default_commission_rate" >= 0 and ("program_settings"."default_commission_type" = 'fixed' or "program_settings"."default_commission_rate" <= 10000)),
	CONSTRAINT "program_settings_min_payout" CHECK ("program_settings"."min_payout" >= 0)
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coupon_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coupon_codes_code_format" CHECK (length("coupon_codes"."code") between 2 and 64)
);
--> statement-breakpoint
CREATE TABLE "links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"destination_url" text NOT NULL,
	"commission_type" text,
	"commission_rate" integer,
	"created_by" text DEFAULT 'admin' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "links_rate" CHECK (("links"."commission_type" is null and "links"."commission_rate" is null) or ("links"."commission_type" in ('percentage', 'fixed') and "links"."commission_rate" >= 0 and ("links"."commission_type" = 'fixed' or "links"."commission_rate" <= 10000))),
	CONSTRAINT "links_created_by" CHECK ("links"."created_by" in ('admin', 'partner', 'api')),
	CONSTRAINT "links_slug_format" CHECK ("links"."slug" ~ '^[A-Za-z0-9_-]{2,64}$')
);
--> statement-breakpoint
CREATE TABLE "partner_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"referral_code" text NOT NULL,
	"commission_type" text,
	"commission_rate" integer,
	"payout_method" text,
	"payout_details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dashboard_token" text NOT NULL,
	"dashboard_token_hash" text NOT NULL,
	"password_hash" text,
	"password_set_at" timestamp with time zone,
	"notes" text,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_status" CHECK ("partners"."status" in ('pending', 'approved', 'rejected', 'suspended')),
	CONSTRAINT "partners_payout_method" CHECK ("partners"."payout_method" is null or "partners"."payout_method" in ('paypal', 'bank_transfer', 'stripe', 'other')),
	CONSTRAINT "partners_rate" CHECK (("partners"."commission_type" is null and "partners"."commission_rate" is null) or ("partners"."commission_type" in ('percentage', 'fixed') and "partners"."commission_rate" >= 0 and ("partners"."commission_type" = 'fixed' or "partners"."commission_rate" <= 10000))),
	CONSTRAINT "partners_referral_code_format" CHECK ("partners"."referral_code" ~ '^[A-Za-z0-9_-]{2,64}$')
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_categories" (
	"product_id" text NOT NULL,
	"category_id" text NOT NULL,
	CONSTRAINT "product_categories_product_id_category_id_pk" PRIMARY KEY("product_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"url" text,
	"price" bigint,
	"image_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_price" CHECK ("products"."price" is null or "products"."price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rate_group_categories" (
	"rate_group_id" uuid NOT NULL,
	"category_id" text NOT NULL,
	CONSTRAINT "rate_group_categories_rate_group_id_category_id_pk" PRIMARY KEY("rate_group_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "rate_group_products" (
	"rate_group_id" uuid NOT NULL,
	"product_id" text NOT NULL,
	CONSTRAINT "rate_group_products_rate_group_id_product_id_pk" PRIMARY KEY("rate_group_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "rate_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"commission_type" text NOT NULL,
	"commission_rate" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rate_groups_rate" CHECK ("rate_groups"."commission_type" in ('percentage', 'fixed') and "rate_groups"."commission_rate" >= 0 and ("rate_groups"."commission_type" = 'fixed' or "rate_groups"."commission_rate" <= 10000))
);
--> statement-breakpoint
CREATE TABLE "click_dedupe" (
	"key" text PRIMARY KEY NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clicks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "clicks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"visitor_id" text NOT NULL,
	"partner_id" uuid NOT NULL,
	"link_id" uuid,
	"ip_hash" text,
	"user_agent" text,
	"landing_url" text,
	"referrer" text,
	"declined_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clicks_declined_reason" CHECK ("clicks"."declined_reason" is null or "clicks"."declined_reason" in ('bot', 'duplicate', 'partner_not_approved'))
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text NOT NULL,
	"email" text,
	"name" text,
	"partner_id" uuid,
	"referred_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"event_name" text NOT NULL,
	"partner_id" uuid,
	"attribution" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracking_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tracking_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"status" integer NOT NULL,
	"outcome" text NOT NULL,
	"reference" text,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracking_events_kind" CHECK ("tracking_events"."kind" in ('click', 'sale', 'lead', 'refund', 'ping'))
);
--> statement-breakpoint
CREATE TABLE "order_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "order_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"order_id" uuid NOT NULL,
	"product_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "order_items_quantity" CHECK ("order_items"."quantity" > 0),
	CONSTRAINT "order_items_amount" CHECK ("order_items"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"refunded_amount" bigint DEFAULT 0 NOT NULL,
	"customer_id" uuid,
	"partner_id" uuid,
	"link_id" uuid,
	"click_id" bigint,
	"attribution" text NOT NULL,
	"coupon_code" text,
	"is_upgrade" boolean DEFAULT false NOT NULL,
	"self_referral" boolean DEFAULT false NOT NULL,
	"ip_hash" text,
	"user_agent" text,
	"metadata" jsonb,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_amount" CHECK ("orders"."amount" >= 0),
	CONSTRAINT "orders_refunded_amount" CHECK ("orders"."refunded_amount" >= 0 and "orders"."refunded_amount" <= "orders"."amount"),
	CONSTRAINT "orders_attribution" CHECK ("orders"."attribution" in ('coupon', 'click', 'lifetime', 'ip_user_agent', 'manual', 'none')),
	CONSTRAINT "orders_currency" CHECK ("orders"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"external_id" text,
	"amount" bigint NOT NULL,
	"commission_reduction" bigint DEFAULT 0 NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refunds_amount" CHECK ("refunds"."amount" > 0),
	CONSTRAINT "refunds_commission_reduction" CHECK ("refunds"."commission_reduction" >= 0)
);
--> statement-breakpoint
CREATE TABLE "adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"commission_id" uuid,
	"refund_id" uuid,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"reason" text NOT NULL,
	"payout_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adjustments_amount" CHECK ("adjustments"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "commission_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "commission_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"commission_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"from_amount" bigint,
	"to_amount" bigint NOT NULL,
	"reason" text,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commission_events_actor_type" CHECK ("commission_events"."actor_type" in ('admin', 'partner', 'api', 'system', 'cli'))
);
--> statement-breakpoint
CREATE TABLE "commissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"order_id" uuid,
	"lead_id" uuid,
	"amount" bigint NOT NULL,
	"original_amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"rate_source" text NOT NULL,
	"rate_type" text,
	"rate" integer,
	"hold_until" timestamp with time zone NOT NULL,
	"void_reason" text,
	"payout_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commissions_kind" CHECK ("commissions"."kind" in ('sale', 'lead')),
	CONSTRAINT "commissions_status" CHECK ("commissions"."status" in ('pending', 'approved', 'paid', 'void')),
	CONSTRAINT "commissions_rate_source" CHECK ("commissions"."rate_source" in ('link', 'rate_group', 'partner', 'program', 'action', 'manual')),
	CONSTRAINT "commissions_amount" CHECK ("commissions"."amount" >= 0 and "commissions"."amount" <= "commissions"."original_amount"),
	CONSTRAINT "commissions_paid_has_payout" CHECK (("commissions"."status" = 'paid') = ("commissions"."payout_id" is not null)),
	CONSTRAINT "commissions_source" CHECK (("commissions"."kind" = 'sale' and "commissions"."order_id" is not null and "commissions"."lead_id" is null) or ("commissions"."kind" = 'lead' and "commissions"."lead_id" is not null and "commissions"."order_id" is null))
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"method" text NOT NULL,
	"transaction_id" text,
	"note" text,
	"status" text DEFAULT 'completed' NOT NULL,
	"void_reason" text,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payouts_amount" CHECK ("payouts"."amount" > 0),
	CONSTRAINT "payouts_method" CHECK ("payouts"."method" in ('paypal', 'bank_transfer', 'stripe', 'other')),
	CONSTRAINT "payouts_status" CHECK ("payouts"."status" in ('completed', 'void'))
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_admin_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."admin_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupon_codes" ADD CONSTRAINT "coupon_codes_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_sessions" ADD CONSTRAINT "partner_sessions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_categories" ADD CONSTRAINT "product_categories_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_categories" ADD CONSTRAINT "product_categories_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_group_categories" ADD CONSTRAINT "rate_group_categories_rate_group_id_rate_groups_id_fk" FOREIGN KEY ("rate_group_id") REFERENCES "public"."rate_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_group_categories" ADD CONSTRAINT "rate_group_categories_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_group_products" ADD CONSTRAINT "rate_group_products_rate_group_id_rate_groups_id_fk" FOREIGN KEY ("rate_group_id") REFERENCES "public"."rate_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_group_products" ADD CONSTRAINT "rate_group_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clicks" ADD CONSTRAINT "clicks_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clicks" ADD CONSTRAINT "clicks_link_id_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_link_id_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_click_id_clicks_id_fk" FOREIGN KEY ("click_id") REFERENCES "public"."clicks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_created_by_admin_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."admin_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustments" ADD CONSTRAINT "adjustments_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustments" ADD CONSTRAINT "adjustments_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustments" ADD CONSTRAINT "adjustments_refund_id_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."refunds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustments" ADD CONSTRAINT "adjustments_payout_id_payouts_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."payouts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_events" ADD CONSTRAINT "commission_events_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_payout_id_payouts_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."payouts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_voided_by_admin_users_id_fk" FOREIGN KEY ("voided_by") REFERENCES "public"."admin_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_created_by_admin_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."admin_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admin_users_email_key" ON "admin_users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "coupon_codes_code_key" ON "coupon_codes" USING btree (lower("code"));--> statement-breakpoint
CREATE INDEX "coupon_codes_partner_idx" ON "coupon_codes" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "links_slug_key" ON "links" USING btree (lower("slug"));--> statement-breakpoint
CREATE INDEX "links_partner_idx" ON "links" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "partner_sessions_partner_idx" ON "partner_sessions" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partners_email_key" ON "partners" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "partners_referral_code_key" ON "partners" USING btree (lower("referral_code"));--> statement-breakpoint
CREATE UNIQUE INDEX "partners_dashboard_token_hash_key" ON "partners" USING btree ("dashboard_token_hash");--> statement-breakpoint
CREATE INDEX "partners_status_idx" ON "partners" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "partners_created_at_idx" ON "partners" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "product_categories_category_idx" ON "product_categories" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "products_name_idx" ON "products" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "rate_group_categories_category_key" ON "rate_group_categories" USING btree ("category_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rate_group_products_product_key" ON "rate_group_products" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "clicks_visitor_idx" ON "clicks" USING btree ("visitor_id","created_at");--> statement-breakpoint
CREATE INDEX "clicks_partner_idx" ON "clicks" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "clicks_link_idx" ON "clicks" USING btree ("link_id","created_at");--> statement-breakpoint
CREATE INDEX "clicks_ip_hash_idx" ON "clicks" USING btree ("ip_hash","created_at");--> statement-breakpoint
CREATE INDEX "clicks_created_at_idx" ON "clicks" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_external_id_key" ON "customers" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "customers_partner_idx" ON "customers" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "customers_email_idx" ON "customers" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "leads_customer_event_key" ON "leads" USING btree ("customer_id","event_name");--> statement-breakpoint
CREATE INDEX "leads_partner_idx" ON "leads" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "tracking_events_created_at_idx" ON "tracking_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "order_items_order_idx" ON "order_items" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_items_product_idx" ON "order_items" USING btree ("product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_external_id_key" ON "orders" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "orders_partner_idx" ON "orders" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_link_idx" ON "orders" USING btree ("link_id");--> statement-breakpoint
CREATE INDEX "orders_click_idx" ON "orders" USING btree ("click_id");--> statement-breakpoint
CREATE INDEX "orders_created_at_idx" ON "orders" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_external_id_key" ON "refunds" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "refunds_order_idx" ON "refunds" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "adjustments_partner_idx" ON "adjustments" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "adjustments_payout_idx" ON "adjustments" USING btree ("payout_id");--> statement-breakpoint
CREATE INDEX "commission_events_commission_idx" ON "commission_events" USING btree ("commission_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "commissions_order_key" ON "commissions" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commissions_lead_key" ON "commissions" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "commissions_partner_status_idx" ON "commissions" USING btree ("partner_id","status","created_at");--> statement-breakpoint
CREATE INDEX "commissions_status_created_idx" ON "commissions" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "commissions_pending_hold_idx" ON "commissions" USING btree ("hold_until") WHERE "commissions"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "commissions_payout_idx" ON "commissions" USING btree ("payout_id");--> statement-breakpoint
CREATE INDEX "commissions_created_at_idx" ON "commissions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "payouts_partner_idx" ON "payouts" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "payouts_created_at_idx" ON "payouts" USING btree ("created_at");