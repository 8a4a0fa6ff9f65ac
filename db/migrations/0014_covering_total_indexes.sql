DROP INDEX "orders_partner_idx";--> statement-breakpoint
DROP INDEX "orders_created_at_idx";--> statement-breakpoint
DROP INDEX "commissions_partner_status_idx";--> statement-breakpoint
DROP INDEX "commissions_status_created_idx";--> statement-breakpoint
CREATE INDEX "orders_partner_idx" ON "orders" USING btree ("partner_id","created_at","amount","refunded_amount");--> statement-breakpoint
CREATE INDEX "orders_created_at_idx" ON "orders" USING btree ("created_at","partner_id","amount","refunded_amount");--> statement-breakpoint
CREATE INDEX "commissions_partner_status_idx" ON "commissions" USING btree ("partner_id","status","created_at","amount","payout_id");--> statement-breakpoint
CREATE INDEX "commissions_status_created_idx" ON "commissions" USING btree ("status","created_at","amount");