CREATE TABLE "click_quarter_hours" (
	"bucket" timestamp with time zone PRIMARY KEY NOT NULL,
	"clicks" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "link_click_totals" (
	"link_id" uuid PRIMARY KEY NOT NULL,
	"clicks" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_click_totals" (
	"partner_id" uuid PRIMARY KEY NOT NULL,
	"clicks" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "link_click_totals" ADD CONSTRAINT "link_click_totals_link_id_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_click_totals" ADD CONSTRAINT "partner_click_totals_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;