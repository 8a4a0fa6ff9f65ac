CREATE INDEX "customers_email_trgm_idx" ON "customers" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_name_trgm_idx" ON "customers" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_external_id_trgm_idx" ON "customers" USING gin ("external_id" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "orders_external_id_trgm_idx" ON "orders" USING gin ("external_id" gin_trgm_ops);