import "server-only";
import { desc, eq } from "drizzle-orm";
import type { MetadataRoute } from "next";
import { getDb } from "@/db/client";
import { articles, issues, pages } from "@/db/schema";

/**
 * What search engines are told: sitemap.xml lists the published edition
 * (issues, 版面, articles, archive months), robots.txt keeps them out of
 * accounts, staff pages, APIs, QR redirects and downloads.
 */

/** One sitemap file holds at most 50,000 URLs; past that, the oldest articles are left to the archive pages. */
export const SITEMAP_MAX_URLS = 50_000;

const later = (a: Date, b: Date | null | undefined) => (b && b > a ? b : a);

export async function sitemapEntries(appUrl: string): Promise<MetadataRoute.Sitemap> {
  const db = await getDb();
  const url = (path: string) => new URL(path, appUrl).toString();
  const published = eq(issues.status, "published");
  const [issueRows, pageRows] = await Promise.all([
    db.select({ id: issues.id, date: issues.date, publishedAt: issues.publishedAt }).from(issues).where(published).orderBy(desc(issues.date)),
    db
      .select({ date: issues.date, number: pages.number, updatedAt: pages.updatedAt, publishedAt: issues.publishedAt })
      .from(pages)
      .innerJoin(issues, eq(issues.id, pages.issueId))
      .where(published)
      .orderBy(desc(issues.date), pages.number),
  ]);
  const issueDay = (row: { date: string; publishedAt: Date | null }) => row.publishedAt ?? new Date(`${row.date}T00:00:00+08:00`);

  const entries: MetadataRoute.Sitemap = [{ url: url("/"), changeFrequency: "daily", priority: 1, lastModified: issueRows[0] && issueDay(issueRows[0]) }];
  const months = new Map<string, Date>();
  for (const issue of issueRows) {
    const at = issueDay(issue);
    entries.push({ url: url(`/issues/${issue.date}`), lastModified: at, changeFrequency: "monthly", priority: 0.8 });
    const month = issue.date.slice(0, 7);
    months.set(month, later(at, months.get(month)));
  }
  entries.push({ url: url("/archive"), changeFrequency: "weekly", priority: 0.5, lastModified: issueRows[0] && issueDay(issueRows[0]) });
  for (const [month, at] of months) entries.push({ url: url(`/archive/${month}`), lastModified: at, changeFrequency: "monthly", priority: 0.4 });
  for (const page of pageRows) {
    entries.push({ url: url(`/issues/${page.date}/pages/${page.number}`), lastModified: later(page.updatedAt, page.publishedAt), changeFrequency: "monthly", priority: 0.6 });
  }

  const room = Math.max(0, SITEMAP_MAX_URLS - entries.length);
  const articleRows = await db
    .select({ id: articles.id, updatedAt: articles.updatedAt, publishedAt: issues.publishedAt })
    .from(articles)
    .innerJoin(issues, eq(issues.id, articles.issueId))
    .where(published)
    .orderBy(desc(issues.date), articles.id)
    .limit(room);
  for (const a of articleRows) {
    entries.push({ url: url(`/articles/${a.id}`), lastModified: later(a.updatedAt, a.publishedAt), changeFrequency: "monthly", priority: 0.7 });
  }
  return entries;
}

export function robotsRules(appUrl: string): MetadataRoute.Robots {
  return {
    rules: [
      {
        userAgent: "*",
        allow: "/",
        disallow: [
          "/admin",
          "/account",
          "/api",
          "/q",
          "/dev",
          "/login",
          "/register",
          "/reset-password",
          "/verify-email",
          "/invite",
          "/gift/claim",
          "/subscribe/checkout",
          // The same article as /articles/ID, for signed-in readers; and downloads that need a subscription.
          "/articles/*/signed-in",
          "/issues/*/pdf",
          "/issues/*/pages/*/pdf",
        ],
      },
    ],
    sitemap: new URL("/sitemap.xml", appUrl).toString(),
  };
}
