CREATE TABLE "article_search" (
	"article_id" integer PRIMARY KEY NOT NULL,
	"issue_id" integer NOT NULL,
	"column" text,
	"head" "tsvector" NOT NULL,
	"body" "tsvector" NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "article_search" ADD CONSTRAINT "article_search_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_search" ADD CONSTRAINT "article_search_issue_id_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_search_head" ON "article_search" USING gin ("head");--> statement-breakpoint
CREATE INDEX "article_search_body" ON "article_search" USING gin ("body");--> statement-breakpoint
CREATE INDEX "article_search_issue" ON "article_search" USING btree ("issue_id");