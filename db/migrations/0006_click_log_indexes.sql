DROP INDEX "clicks_created_at_idx";--> statement-breakpoint
CREATE INDEX "clicks_created_at_id_idx" ON "clicks" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "clicks_declined_idx" ON "clicks" USING btree ("created_at","id") WHERE "clicks"."declined_reason" is not null;