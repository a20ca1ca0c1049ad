import { inArray, notExists, sql, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { articleSearch, articles } from "@/db/schema";
import { htmlBlockToPlainText, markdownToPlainText, renderBodyBlocks } from "@/lib/article-body";
import { VectorBuilder } from "@/lib/search-text";

/**
 * Keeps `article_search` current. Writers call `reindexArticles(tx, ids)` in
 * the transaction that changes the articles (lib/articles-admin.ts, the issue
 * import, the seed), so the index never disagrees with what was committed.
 *
 * No "server-only" here: the seed and the bench run it under plain tsx.
 */
export type IndexableArticle = Pick<typeof articles.$inferSelect, "title" | "kicker" | "subtitle" | "column" | "byline" | "body" | "access">;

/**
 * What a search may know of an article. Subscriber-only articles are indexed
 * only as far as their teaser (the first body block, which everyone sees):
 * a match in the hidden text would tell anyone that a word is in it.
 */
export function searchableBody(article: Pick<IndexableArticle, "body" | "access">): string {
  if (article.access === "free") return markdownToPlainText(article.body);
  return teaserText(article.body);
}

/**
 * The teaser as plain text, as readers without access see it: the first
 * rendered block (lib/article-body.ts). Rendering a whole body costs
 * milliseconds and a search page builds 20 snippets, so only the text before
 * the first blank line is rendered: the first block of a prefix is the first
 * block of the body, or a shorter part of it, never text after it. When that
 * prefix renders to nothing (only an image or HTML), the whole body decides.
 */
export function teaserText(body: string): string {
  const source = body.replace(/\r\n?/g, "\n").trimStart();
  const blank = /\n[ \t]*\n/.exec(source);
  const fromPrefix = blank ? renderBodyBlocks(source.slice(0, blank.index)) : [];
  const [teaser] = fromPrefix.length ? fromPrefix : renderBodyBlocks(source);
  return teaser ? htmlBlockToPlainText(teaser) : "";
}

/** The two tsvector texts of an article: `head` (title A, kicker/subtitle/column B, byline C, with positions) and `body` (n-grams only). */
export function searchVectorFor(article: IndexableArticle): { head: string; body: string } {
  const head = new VectorBuilder()
    .add(article.title, "A")
    .add(article.kicker, "B")
    .add(article.subtitle, "B")
    .add(article.column, "B")
    .add(article.byline, "C")
    .toString();
  const body = new VectorBuilder(false).add(searchableBody(article), "D").toString();
  return { head, body };
}

type Row = { article_id: number; issue_id: number; column: string | null; head: string; body: string };

async function upsert(db: Db | Tx, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  // One statement per batch: the rows travel as one JSON parameter.
  await db.execute(sql`
    insert into ${articleSearch} (article_id, issue_id, "column", head, body, indexed_at)
    select r.article_id, r.issue_id, r."column", r.head::tsvector, r.body::tsvector, now()
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(article_id integer, issue_id integer, "column" text, head text, body text)
    on conflict (article_id) do update
      set issue_id = excluded.issue_id, "column" = excluded."column", head = excluded.head, body = excluded.body, indexed_at = excluded.indexed_at`);
}

/** Rebuilds the index rows of these articles (ids that no longer exist are skipped). */
export async function reindexArticles(db: Db | Tx, ids: number[]): Promise<void> {
  if (!ids.length) return;
  const found = await db.select().from(articles).where(inArray(articles.id, ids));
  await upsert(
    db,
    found.map((a) => ({ article_id: a.id, issue_id: a.issueId, column: a.column, ...searchVectorFor(a) })),
  );
}

const BATCH = 200;

/**
 * Indexes every article that has no index row yet (or all, with `all`), in
 * batches of 200 per transaction. Idempotent: the seed runs it on every start.
 */
export async function reindexAll(db: Db, { all = false, log }: { all?: boolean; log?: (done: number) => void } = {}): Promise<number> {
  let lastId = 0;
  let done = 0;
  for (;;) {
    const missing = all
      ? sql`true`
      : notExists(db.select({ one: sql`1` }).from(articleSearch).where(eq(articleSearch.articleId, articles.id)));
    const batch = await db
      .select({ id: articles.id })
      .from(articles)
      .where(sql`${articles.id} > ${lastId} and ${missing}`)
      .orderBy(articles.id)
      .limit(BATCH);
    if (!batch.length) return done;
    await db.transaction((tx) => reindexArticles(tx, batch.map((b) => b.id)));
    lastId = batch[batch.length - 1]!.id;
    done += batch.length;
    log?.(done);
  }
}
