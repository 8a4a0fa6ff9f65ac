CREATE TABLE "demo_data" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"loaded_at" timestamp with time zone NOT NULL,
	"loaded_by" text NOT NULL,
	"previous_settings" jsonb NOT NULL,
	CONSTRAINT "demo_data_singleton" CHECK ("demo_data"."id" = 1)
);
