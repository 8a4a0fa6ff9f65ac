CREATE TABLE "address_rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "address_rate_limits_hits" CHECK ("address_rate_limits"."hits" > 0)
);
--> statement-breakpoint
ALTER TABLE "partners" RENAME COLUMN "dashboard_token" TO "dashboard_token_sealed";--> statement-breakpoint
ALTER TABLE "admin_users" ADD COLUMN "session_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "scope" text DEFAULT 'full' NOT NULL;--> statement-breakpoint
CREATE INDEX "address_rate_limits_window_idx" ON "address_rate_limits" USING btree ("window_started_at");--> statement-breakpoint
ALTER TABLE "admin_users" ADD CONSTRAINT "admin_users_session_version" CHECK ("admin_users"."session_version" > 0);--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_scope" CHECK ("api_keys"."scope" in ('full', 'tracking', 'publishable'));--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_prefix_scope" CHECK (("api_keys"."scope" = 'publishable') = (left("api_keys"."prefix", 3) = 'pk_'));