CREATE INDEX "customer_order_totals_first_order_asc_idx" ON "customer_order_totals" USING btree ("first_order_at");--> statement-breakpoint
CREATE INDEX "customer_order_totals_first_order_desc_idx" ON "customer_order_totals" USING btree ("first_order_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "customer_order_totals_orders_idx" ON "customer_order_totals" USING btree ("orders");--> statement-breakpoint
CREATE INDEX "customer_order_totals_revenue_idx" ON "customer_order_totals" USING btree ("revenue");