import "server-only";
import { and, asc, desc, eq, gt, gte, lt, lte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { articles, images, issues, pages, pauses, publication } from "@/db/schema";
import type { IsoDate } from "@/lib/dates";

/**
 * Read-side queries for published editions. Only published issues are ever
 * returned; callers decide what of an article a viewer may see (lib/reading.ts).
 */
export type Publication = typeof publication.$inferSelect;
export type Issue = typeof issues.$inferSelect;
export type Page = typeof pages.$inferSelect;
export type Pause = typeof pauses.$inferSelect;
export type ArticleRow = typeof articles.$inferSelect;
export type ImageRow = typeof images.$inferSelect;

/** An article as listed on a page or in an issue: everything but the body. */
export type ArticleSummary = Omit<ArticleRow, "body" | "createdAt" | "updatedAt">;

const published = eq(issues.status, "published");

export async function getPublication(): Promise<Publication> {
  const db = await getDb();
  const [row] = await db.select().from(publication).limit(1);
  if (!row) throw new Error("The publication profile is missing: run `npm run db:seed`.");
  return row;
}

export async function latestIssueOnOrBefore(date: IsoDate): Promise<Issue | null> {
  const db = await getDb();
  const [row] = await db.select().from(issues).where(and(published, lte(issues.date, date))).orderBy(desc(issues.date)).limit(1);
  return row ?? null;
}

export async function issueByDate(date: IsoDate): Promise<Issue | null> {
  const db = await getDb();
  const [row] = await db.select().from(issues).where(and(published, eq(issues.date, date))).limit(1);
  return row ?? null;
}

export async function issueByNumber(number: number): Promise<Issue | null> {
  const db = await getDb();
  const [row] = await db.select().from(issues).where(and(published, eq(issues.number, number))).limit(1);
  return row ?? null;
}

export async function issueNeighbours(date: IsoDate): Promise<{ previous: Issue | null; next: Issue | null }> {
  const db = await getDb();
  const [[previous], [next]] = await Promise.all([
    db.select().from(issues).where(and(published, lt(issues.date, date))).orderBy(desc(issues.date)).limit(1),
    db.select().from(issues).where(and(published, gt(issues.date, date))).orderBy(asc(issues.date)).limit(1),
  ]);
  return { previous: previous ?? null, next: next ?? null };
}

export async function publishedIssuesBetween(from: IsoDate, to: IsoDate): Promise<Issue[]> {
  const db = await getDb();
  return db.select().from(issues).where(and(published, gte(issues.date, from), lte(issues.date, to))).orderBy(asc(issues.date));
}

/** The columns of an article summary (no body): shared by the reader queries and the staff preview. */
export const summaryColumns = {
  id: articles.id,
  issueId: articles.issueId,
  pageId: articles.pageId,
  column: articles.column,
  kicker: articles.kicker,
  title: articles.title,
  subtitle: articles.subtitle,
  byline: articles.byline,
  source: articles.source,
  access: articles.access,
  position: articles.position,
  hotZones: articles.hotZones,
  isSample: articles.isSample,
};

export type PageWithArticles = Page & { articles: ArticleSummary[] };

/** The pages of an issue, each with its article summaries in reading order. */
export async function issueContents(issueId: number): Promise<PageWithArticles[]> {
  const db = await getDb();
  const [pageRows, articleRows] = await Promise.all([
    db.select().from(pages).where(eq(pages.issueId, issueId)).orderBy(asc(pages.number)),
    db.select(summaryColumns).from(articles).where(eq(articles.issueId, issueId)).orderBy(asc(articles.position), asc(articles.id)),
  ]);
  return pageRows.map((page) => ({ ...page, articles: articleRows.filter((a) => a.pageId === page.id) }));
}

export type ArticleRecord = ArticleRow & { issue: Issue; page: Page; images: ImageRow[] };

/** An article of a published issue, whole: callers must decide what the viewer may see. */
export async function articleRecord(id: number): Promise<ArticleRecord | null> {
  const db = await getDb();
  const [row] = await db
    .select({ article: articles, issue: issues, page: pages })
    .from(articles)
    .innerJoin(issues, eq(issues.id, articles.issueId))
    .innerJoin(pages, eq(pages.id, articles.pageId))
    .where(and(eq(articles.id, id), published))
    .limit(1);
  if (!row) return null;
  const photos = await db.select().from(images).where(eq(images.articleId, id)).orderBy(asc(images.position));
  return { ...row.article, issue: row.issue, page: row.page, images: photos };
}

/** A page of a published issue, for serving its image. */
export async function publishedPage(date: IsoDate, number: number): Promise<{ issue: Issue; page: Page } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ issue: issues, page: pages })
    .from(pages)
    .innerJoin(issues, eq(issues.id, pages.issueId))
    .where(and(eq(issues.date, date), eq(pages.number, number), published))
    .limit(1);
  return row ?? null;
}

/** An image with the access level of the published article it belongs to. */
export async function publishedImage(id: number): Promise<{ image: ImageRow; access: ArticleRow["access"] } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ image: images, access: articles.access })
    .from(images)
    .innerJoin(articles, eq(articles.id, images.articleId))
    .innerJoin(issues, eq(issues.id, articles.issueId))
    .where(and(eq(images.id, id), published))
    .limit(1);
  return row ?? null;
}
