CREATE TYPE "public"."qr_destination" AS ENUM('landing', 'article', 'issue', 'page', 'subscribe', 'external');--> statement-breakpoint
CREATE TYPE "public"."qr_placement" AS ENUM('masthead', 'issue', 'page', 'article', 'campaign');--> statement-breakpoint
CREATE TABLE "qr_attributions" (
	"id" serial PRIMARY KEY NOT NULL,
	"code_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qr_codes" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"placement" "qr_placement" NOT NULL,
	"placement_issue_id" integer,
	"placement_page_id" integer,
	"placement_article_id" integer,
	"campaign" text,
	"destination" "qr_destination" NOT NULL,
	"destination_article_id" integer,
	"destination_issue_id" integer,
	"destination_page_number" smallint,
	"promotion_code" text,
	"external_url" text,
	"landing" jsonb,
	"active_from" timestamp with time zone,
	"active_until" timestamp with time zone,
	"fallback" jsonb,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qr_codes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "qr_salts" (
	"day" date PRIMARY KEY NOT NULL,
	"salt" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qr_scans" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"code_id" integer,
	"requested_code" text NOT NULL,
	"outcome" text NOT NULL,
	"device" text NOT NULL,
	"in_app" text,
	"has_referrer" boolean DEFAULT false NOT NULL,
	"visitor_hash" text NOT NULL,
	"is_bot" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "qr_attributions" ADD CONSTRAINT "qr_attributions_code_id_qr_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."qr_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qr_attributions" ADD CONSTRAINT "qr_attributions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qr_codes" ADD CONSTRAINT "qr_codes_placement_issue_id_issues_id_fk" FOREIGN KEY ("placement_issue_id") REFERENCES "public"."issues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qr_codes" ADD CONSTRAINT "qr_codes_placement_page_id_pages_id_fk" FOREIGN KEY ("placement_page_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qr_codes" ADD CONSTRAINT "qr_codes_placement_article_id_articles_id_fk" FOREIGN KEY ("placement_article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qr_codes" ADD CONSTRAINT "qr_codes_destination_article_id_articles_id_fk" FOREIGN KEY ("destination_article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qr_codes" ADD CONSTRAINT "qr_codes_destination_issue_id_issues_id_fk" FOREIGN KEY ("destination_issue_id") REFERENCES "public"."issues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qr_codes" ADD CONSTRAINT "qr_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qr_scans" ADD CONSTRAINT "qr_scans_code_id_qr_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."qr_codes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "qr_attributions_once" ON "qr_attributions" USING btree ("code_id","user_id","kind");--> statement-breakpoint
CREATE INDEX "qr_attributions_code" ON "qr_attributions" USING btree ("code_id","at");--> statement-breakpoint
CREATE INDEX "qr_codes_campaign" ON "qr_codes" USING btree ("campaign");--> statement-breakpoint
CREATE INDEX "qr_codes_placement_issue" ON "qr_codes" USING btree ("placement_issue_id");--> statement-breakpoint
CREATE INDEX "qr_scans_code_at" ON "qr_scans" USING btree ("code_id","at");--> statement-breakpoint
CREATE INDEX "qr_scans_at" ON "qr_scans" USING btree ("at");