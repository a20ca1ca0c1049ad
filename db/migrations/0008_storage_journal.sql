CREATE TYPE "public"."storage_journal_state" AS ENUM('pending', 'doomed');--> statement-breakpoint
CREATE TABLE "storage_journal" (
	"key" text PRIMARY KEY NOT NULL,
	"state" "storage_journal_state" DEFAULT 'pending' NOT NULL,
	"operation" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "storage_journal_state" ON "storage_journal" USING btree ("state","created_at");