import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { articles, issues, pages } from "@/db/schema";
import { renderedArticleBody } from "@/lib/article-body";
import { chineseDate, type IsoDate } from "@/lib/dates";
import { escapeXml } from "@/lib/svg-text";

/**
 * The Atom feed of the latest issues: an entry per issue (its 版 and
 * headlines) and one per article. Free articles are in it whole; a
 * subscriber-only article contributes its teaser (the first block, which the
 * public article page shows too) and a link to read on. Nothing else of a
 * gated body is ever read into the feed's data.
 */

export const FEED_ISSUES = 10;

export type FeedArticle = {
  id: number;
  title: string;
  kicker: string | null;
  subtitle: string | null;
  byline: string | null;
  column: string | null;
  access: "free" | "subscribers";
  updatedAt: Date;
  pageNumber: number;
  pageName: string;
  /** Sanitised HTML blocks: all of a free article, the teaser only of a gated one. */
  blocks: string[];
  summary: string;
};

export type FeedIssue = {
  date: IsoDate;
  number: number;
  publishedAt: Date | null;
  articles: FeedArticle[];
};

export type FeedInput = { appUrl: string; paperName: string; slogan: string; issues: FeedIssue[]; now?: Date };

/** The latest published issues with what the feed may show of their articles. */
export async function loadFeedIssues(limit = FEED_ISSUES): Promise<FeedIssue[]> {
  const db = await getDb();
  const latest = await db
    .select({ id: issues.id, date: issues.date, number: issues.number, publishedAt: issues.publishedAt })
    .from(issues)
    .where(eq(issues.status, "published"))
    .orderBy(desc(issues.date))
    .limit(limit);
  if (latest.length === 0) return [];
  const rows = await db
    .select({
      id: articles.id,
      issueId: articles.issueId,
      title: articles.title,
      kicker: articles.kicker,
      subtitle: articles.subtitle,
      byline: articles.byline,
      column: articles.column,
      access: articles.access,
      body: articles.body,
      updatedAt: articles.updatedAt,
      pageNumber: pages.number,
      pageName: pages.name,
    })
    .from(articles)
    .innerJoin(pages, eq(pages.id, articles.pageId))
    .innerJoin(issues, eq(issues.id, articles.issueId))
    .where(and(inArray(articles.issueId, latest.map((i) => i.id)), eq(issues.status, "published")))
    .orderBy(asc(pages.number), asc(articles.position), asc(articles.id));
  return latest.map((issue) => ({
    date: issue.date,
    number: issue.number,
    publishedAt: issue.publishedAt,
    articles: rows
      .filter((r) => r.issueId === issue.id)
      .map(({ body, issueId: _issueId, ...rest }) => {
        const { blocks, summary } = renderedArticleBody({ id: rest.id, updatedAt: rest.updatedAt, body });
        return { ...rest, blocks: rest.access === "free" ? blocks : blocks.slice(0, 1), summary };
      }),
  }));
}

// ── Dates ──

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** RFC 3339 in the paper's zone (China has no daylight saving): 2026-04-30T06:00:00+08:00. */
export function rfc3339Shanghai(at: Date): string {
  return `${new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** When an issue came out: its publication time, or the start of its day in Shanghai for issues published without one. */
export const issuePublished = (issue: Pick<FeedIssue, "date" | "publishedAt">): Date => issue.publishedAt ?? new Date(`${issue.date}T00:00:00+08:00`);

// ── XML ──

const absolute = (appUrl: string, path: string) => new URL(path, appUrl).toString();

const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

function articleEntry(input: FeedInput, issue: FeedIssue, article: FeedArticle): string {
  const url = absolute(input.appUrl, `/articles/${article.id}`);
  const head = [
    article.kicker && `<p><em>${escapeXml(article.kicker)}</em></p>`,
    article.subtitle && `<p><strong>${escapeXml(article.subtitle)}</strong></p>`,
    article.byline && `<p>${escapeXml(article.byline)}</p>`,
  ].filter(Boolean);
  const gatedNote =
    article.access === "free"
      ? []
      : [`<p>(本文为订阅内容,以上为摘要。<a href="${escapeXml(url)}">订阅后阅读全文 Subscribers read the full article</a>)</p>`];
  const html = [...head, ...article.blocks, ...gatedNote].join("\n");
  const published = issuePublished(issue);
  return [
    "<entry>",
    `<id>${escapeXml(url)}</id>`,
    `<title>${escapeXml(article.title)}</title>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
    `<published>${rfc3339Shanghai(published)}</published>`,
    `<updated>${rfc3339Shanghai(later(article.updatedAt, published))}</updated>`,
    ...(article.byline ? [`<author><name>${escapeXml(article.byline)}</name></author>`] : []),
    `<category term="${escapeXml(`第${article.pageNumber}版 ${article.pageName}`)}"/>`,
    ...(article.column ? [`<category term="${escapeXml(article.column)}"/>`] : []),
    `<summary type="text">${escapeXml(article.summary)}</summary>`,
    `<content type="html">${escapeXml(html)}</content>`,
    "</entry>",
  ].join("\n");
}

function issueEntry(input: FeedInput, issue: FeedIssue): string {
  const url = absolute(input.appUrl, `/issues/${issue.date}`);
  const title = `${input.paperName} ${chineseDate(issue.date)} 总第${issue.number}期`;
  const byPage = new Map<number, FeedArticle[]>();
  for (const a of issue.articles) byPage.set(a.pageNumber, [...(byPage.get(a.pageNumber) ?? []), a]);
  const html = [...byPage.values()]
    .map((list) => {
      const items = list.map((a) => `<li><a href="${escapeXml(absolute(input.appUrl, `/articles/${a.id}`))}">${escapeXml(a.title)}</a></li>`).join("");
      return `<h3>第${list[0]!.pageNumber}版 ${escapeXml(list[0]!.pageName)}</h3><ul>${items}</ul>`;
    })
    .join("\n");
  const published = issuePublished(issue);
  return [
    "<entry>",
    `<id>${escapeXml(url)}</id>`,
    `<title>${escapeXml(title)}</title>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
    `<published>${rfc3339Shanghai(published)}</published>`,
    `<updated>${rfc3339Shanghai(published)}</updated>`,
    `<summary type="text">${escapeXml(`${title}:${issue.articles.length} 篇文章`)}</summary>`,
    `<content type="html">${escapeXml(html)}</content>`,
    "</entry>",
  ].join("\n");
}

/** The Atom document (RFC 4287). */
export function feedXml(input: FeedInput): string {
  const updated = input.issues
    .flatMap((issue) => [issuePublished(issue), ...issue.articles.map((a) => a.updatedAt)])
    .reduce<Date | null>((max, d) => (max && max >= d ? max : d), null);
  const home = absolute(input.appUrl, "/");
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `<id>${escapeXml(home)}</id>`,
    `<title>${escapeXml(`${input.paperName} 数字报`)}</title>`,
    `<subtitle>${escapeXml(input.slogan)}</subtitle>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(absolute(input.appUrl, "/feed.xml"))}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(home)}"/>`,
    `<updated>${rfc3339Shanghai(updated ?? input.now ?? new Date())}</updated>`,
    `<author><name>${escapeXml(input.paperName)}</name></author>`,
    `<generator>${escapeXml(`${input.paperName} 数字报`)}</generator>`,
    ...input.issues.flatMap((issue) => [issueEntry(input, issue), ...issue.articles.map((a) => articleEntry(input, issue, a))]),
    "</feed>",
    "",
  ].join("\n");
}
