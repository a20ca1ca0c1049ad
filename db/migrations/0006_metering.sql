CREATE TABLE "metered_reads" (
	"user_id" text NOT NULL,
	"month" text NOT NULL,
	"article_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metered_reads_user_id_month_article_id_pk" PRIMARY KEY("user_id","month","article_id")
);
--> statement-breakpoint
ALTER TABLE "publication" ADD COLUMN "meter_anonymous_per_month" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "publication" ADD COLUMN "meter_member_per_month" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "metered_reads" ADD CONSTRAINT "metered_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metered_reads" ADD CONSTRAINT "metered_reads_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;