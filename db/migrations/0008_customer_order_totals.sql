CREATE TABLE "customer_order_totals" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"orders" bigint DEFAULT 0 NOT NULL,
	"revenue" bigint DEFAULT 0 NOT NULL,
	"first_order_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "customer_order_totals" ADD CONSTRAINT "customer_order_totals_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;