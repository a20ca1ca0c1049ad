CREATE TABLE "delivery_holds" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"subscription_id" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"canceled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"effective_from" date NOT NULL,
	"weekdays" integer[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schedule_changes_effective_from_unique" UNIQUE("effective_from")
);
--> statement-breakpoint
ALTER TABLE "pauses" ADD COLUMN "announce_on" date;--> statement-breakpoint
ALTER TABLE "pauses" ADD COLUMN "article_id" integer;--> statement-breakpoint
ALTER TABLE "pauses" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "publication" ADD COLUMN "hold_lead_publication_days" smallint DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "publication" ADD COLUMN "hold_max_weeks_per_year" smallint DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "pause_notice_opt_in" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "delivery_holds" ADD CONSTRAINT "delivery_holds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_holds" ADD CONSTRAINT "delivery_holds_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delivery_holds_user" ON "delivery_holds" USING btree ("user_id","starts_on");--> statement-breakpoint
CREATE INDEX "delivery_holds_dates" ON "delivery_holds" USING btree ("starts_on","ends_on");--> statement-breakpoint
ALTER TABLE "pauses" ADD CONSTRAINT "pauses_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;