ALTER TABLE "leads" ALTER COLUMN "response" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "response" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "refunds" ALTER COLUMN "response" SET DATA TYPE json;