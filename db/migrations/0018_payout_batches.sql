CREATE TABLE "payout_batch_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"partner_id" uuid NOT NULL,
	"email" text NOT NULL,
	"unique_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"commission_ids" uuid[] NOT NULL,
	"adjustment_ids" uuid[] NOT NULL,
	"payout_id" uuid,
	CONSTRAINT "payout_batch_items_amount" CHECK ("payout_batch_items"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "payout_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"currency" text NOT NULL,
	"note" text NOT NULL,
	"amount" bigint NOT NULL,
	"item_count" integer NOT NULL,
	"reference" text,
	"cancel_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	CONSTRAINT "payout_batches_status" CHECK ("payout_batches"."status" in ('open', 'paid', 'cancelled')),
	CONSTRAINT "payout_batches_amount" CHECK ("payout_batches"."amount" > 0 and "payout_batches"."item_count" > 0),
	CONSTRAINT "payout_batches_paid_has_reference" CHECK (("payout_batches"."status" = 'paid') = ("payout_batches"."reference" is not null)),
	CONSTRAINT "payout_batches_closed" CHECK (("payout_batches"."status" = 'open') = ("payout_batches"."closed_at" is null))
);
--> statement-breakpoint
ALTER TABLE "commissions" DROP CONSTRAINT "commissions_in_payout_is_paid";--> statement-breakpoint
ALTER TABLE "adjustments" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
ALTER TABLE "commissions" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
ALTER TABLE "payout_batch_items" ADD CONSTRAINT "payout_batch_items_batch_id_payout_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payout_batches"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_batch_items" ADD CONSTRAINT "payout_batch_items_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_batch_items" ADD CONSTRAINT "payout_batch_items_payout_id_payouts_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."payouts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_batches" ADD CONSTRAINT "payout_batches_created_by_admin_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."admin_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_batches" ADD CONSTRAINT "payout_batches_closed_by_admin_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."admin_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payout_batch_items_partner_key" ON "payout_batch_items" USING btree ("batch_id","partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_batch_items_line_key" ON "payout_batch_items" USING btree ("batch_id","line");--> statement-breakpoint
CREATE INDEX "payout_batch_items_partner_idx" ON "payout_batch_items" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "payout_batches_created_at_idx" ON "payout_batches" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "adjustments" ADD CONSTRAINT "adjustments_batch_id_payout_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payout_batches"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_batch_id_payout_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payout_batches"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adjustments_batch_idx" ON "adjustments" USING btree ("batch_id") WHERE "adjustments"."batch_id" is not null;--> statement-breakpoint
CREATE INDEX "commissions_batch_idx" ON "commissions" USING btree ("batch_id") WHERE "commissions"."batch_id" is not null;--> statement-breakpoint
ALTER TABLE "adjustments" ADD CONSTRAINT "adjustments_batch_or_payout" CHECK ("adjustments"."batch_id" is null or "adjustments"."payout_id" is null);--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_batch_or_payout" CHECK ("commissions"."batch_id" is null or "commissions"."payout_id" is null);--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_in_payout_is_paid" CHECK ("commissions"."payout_id" is null or "commissions"."status" in ('paid', 'void'));