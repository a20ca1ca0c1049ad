import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { articles, images, issues, pages } from "@/db/schema";
import { toArticleView, type ArticleView } from "@/lib/article-view";
import { summaryColumns, type ArticleRecord, type Issue, type Page, type PageWithArticles } from "@/lib/editions";

/**
 * Staff-only reads of an issue in any status (draft, scheduled, published), for
 * the preview and the hot-zone editor. Readers never come through here: their
 * queries in lib/editions.ts stay published-only. Callers must have checked
 * that the viewer is staff.
 */
export async function anyIssueById(issueId: number): Promise<Issue | null> {
  const db = await getDb();
  const [row] = await db.select().from(issues).where(eq(issues.id, issueId)).limit(1);
  return row ?? null;
}

/** A page of any issue, with its issue: for the staff page-image route and the zone editor. */
export async function anyIssuePage(issueId: number, number: number): Promise<{ issue: Issue; page: Page } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ issue: issues, page: pages })
    .from(pages)
    .innerJoin(issues, eq(issues.id, pages.issueId))
    .where(and(eq(pages.issueId, issueId), eq(pages.number, number)))
    .limit(1);
  return row ?? null;
}

/** The pages of an issue in any status, each with its article summaries in reading order. */
export async function previewContents(issueId: number): Promise<PageWithArticles[]> {
  const db = await getDb();
  const [pageRows, articleRows] = await Promise.all([
    db.select().from(pages).where(eq(pages.issueId, issueId)).orderBy(asc(pages.number)),
    db
      .select(summaryColumns)
      .from(articles)
      .where(eq(articles.issueId, issueId))
      .orderBy(asc(articles.position), asc(articles.id)),
  ]);
  return pageRows.map((page) => ({ ...page, articles: articleRows.filter((a) => a.pageId === page.id) }));
}

/** One article of the given issue (any status), whole: what a subscriber will read. */
export async function previewArticle(issueId: number, articleId: number): Promise<ArticleView | null> {
  const db = await getDb();
  const [row] = await db
    .select({ article: articles, issue: issues, page: pages })
    .from(articles)
    .innerJoin(issues, eq(issues.id, articles.issueId))
    .innerJoin(pages, eq(pages.id, articles.pageId))
    .where(and(eq(articles.id, articleId), eq(articles.issueId, issueId)))
    .limit(1);
  if (!row) return null;
  const photos = await db.select().from(images).where(eq(images.articleId, articleId)).orderBy(asc(images.position));
  const record: ArticleRecord = { ...row.article, issue: row.issue, page: row.page, images: photos };
  // A subscriber's view: the whole article.
  return toArticleView(record, true);
}

/** A photo of an article of the given issue (any status), for the preview's own image route. */
export async function previewImage(issueId: number, imageId: number): Promise<typeof images.$inferSelect | null> {
  const db = await getDb();
  const [row] = await db
    .select({ image: images })
    .from(images)
    .innerJoin(articles, eq(articles.id, images.articleId))
    .where(and(eq(images.id, imageId), eq(articles.issueId, issueId)))
    .limit(1);
  return row?.image ?? null;
}
