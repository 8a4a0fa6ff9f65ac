CREATE TABLE "connector_events" (
	"connector" text NOT NULL,
	"event_id" text NOT NULL,
	"outcome" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connector_events_connector_event_id_pk" PRIMARY KEY("connector","event_id"),
	CONSTRAINT "connector_events_connector" CHECK ("connector_events"."connector" in ('stripe'))
);
--> statement-breakpoint
ALTER TABLE "tracking_events" DROP CONSTRAINT "tracking_events_kind";--> statement-breakpoint
ALTER TABLE "program_settings" ADD COLUMN "stripe_webhook_secret" text;--> statement-breakpoint
ALTER TABLE "program_settings" ADD COLUMN "stripe_webhook_secret_previous" text;--> statement-breakpoint
ALTER TABLE "program_settings" ADD COLUMN "stripe_webhook_secret_changed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "connector_events_created_at_idx" ON "connector_events" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "tracking_events" ADD CONSTRAINT "tracking_events_kind" CHECK ("tracking_events"."kind" in ('click', 'sale', 'lead', 'refund', 'ping', 'stripe'));