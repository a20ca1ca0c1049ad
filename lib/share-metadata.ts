import type { Metadata } from "next";
import { chineseDate, chineseWeekday, type IsoDate } from "@/lib/dates";
import { SHARE_IMAGE_SIZE, type ShareCard } from "@/lib/share-image";

/**
 * Open Graph, Twitter and canonical metadata of reader pages. Built only from
 * what the public page shows: headline block, the teaser (first paragraph) and
 * the issue's facts. Callers pass an article view made for the public
 * (lib/reading.ts getArticleForPublic), whose summary is the teaser.
 */

export type Site = { appUrl: string; paperName: string };

type IssueFacts = { date: IsoDate; number: number; publishedAt: Date | null };
type PageFacts = { number: number; name: string };

export type ShareableArticle = {
  id: number;
  title: string;
  kicker: string | null;
  column: string | null;
  byline: string | null;
  /** Plain text of the teaser: never more than a reader without access sees. */
  summary: string;
  issue: IssueFacts;
  page: PageFacts;
};

const DESCRIPTION_CHARS = 120;

const clip = (text: string, max = DESCRIPTION_CHARS) => {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : chars.join("");
};

/** RFC 3339 in the paper's zone, as the feed writes it: 2026-04-30T06:00:00+08:00. */
const issueTime = (issue: IssueFacts) => {
  const at = issue.publishedAt ?? new Date(`${issue.date}T00:00:00+08:00`);
  return `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
};

export const issueDateLine = (issue: { date: IsoDate; number: number }, page?: PageFacts) =>
  [`${chineseDate(issue.date)} ${chineseWeekday(issue.date)}`, `总第${issue.number}期`, page && `第${page.number}版 ${page.name}`].filter(Boolean).join(" · ");

function shared(site: Site, input: { title: string; description: string; canonical: string; image: string; imageAlt: string }): Metadata {
  const image = { url: input.image, width: SHARE_IMAGE_SIZE.width, height: SHARE_IMAGE_SIZE.height, alt: input.imageAlt, type: "image/png" };
  return {
    metadataBase: new URL(site.appUrl),
    title: input.title,
    description: input.description,
    alternates: { canonical: input.canonical },
    openGraph: { title: input.title, description: input.description, url: input.canonical, siteName: `${site.paperName} 数字报`, locale: "zh_CN", images: [image] },
    twitter: { card: "summary_large_image", title: input.title, description: input.description, images: [image] },
  };
}

export function articleShareMetadata(article: ShareableArticle, site: Site): Metadata {
  const canonical = `/articles/${article.id}`;
  const description = clip(article.summary || `${site.paperName} ${issueDateLine(article.issue, article.page)}`);
  const base = shared(site, { title: article.title, description, canonical, image: `/og/articles/${article.id}`, imageAlt: `${site.paperName}:${article.title}` });
  return {
    ...base,
    ...(article.byline ? { authors: [{ name: article.byline }] } : {}),
    openGraph: {
      ...base.openGraph,
      type: "article",
      publishedTime: issueTime(article.issue),
      section: article.column ?? article.page.name,
      ...(article.byline ? { authors: [article.byline] } : {}),
    },
  };
}

/** An issue, or one 版 of it when `page` is given. `headlines` are the titles printed on it (public). */
export function issueShareMetadata(issue: IssueFacts, site: Site, options: { page?: PageFacts; headlines: string[] }): Metadata {
  const { page, headlines } = options;
  const when = `${chineseDate(issue.date)} 总第${issue.number}期`;
  const title = page ? `第${page.number}版 ${page.name} · ${when}` : when;
  const canonical = page ? `/issues/${issue.date}/pages/${page.number}` : `/issues/${issue.date}`;
  const description = clip(`${site.paperName}${when}${page ? `第${page.number}版${page.name}` : ""}${headlines.length ? `:${headlines.join(";")}` : ""}`);
  const image = page ? `/og/issues/${issue.date}/pages/${page.number}` : `/og/issues/${issue.date}`;
  const base = shared(site, { title, description, canonical, image, imageAlt: `${site.paperName} ${title}` });
  return { ...base, openGraph: { ...base.openGraph, type: "article", publishedTime: issueTime(issue), section: page?.name } };
}

/** Today's page at `/`: the home page is its own canonical URL; the card is the current issue's. */
export function homeShareMetadata(issue: IssueFacts | null, site: Site, headlines: string[]): Metadata {
  if (!issue) return { metadataBase: new URL(site.appUrl), title: "今日报纸", alternates: { canonical: "/" } };
  const base = issueShareMetadata(issue, site, { headlines });
  return {
    ...base,
    title: "今日报纸",
    alternates: { canonical: "/" },
    openGraph: { ...base.openGraph, type: "website", url: "/" },
  };
}

export const articleShareCard = (article: ShareableArticle, site: Site): ShareCard => ({
  paperName: site.paperName,
  title: article.title,
  kicker: article.kicker ?? article.column,
  dateLine: issueDateLine(article.issue, article.page),
  host: new URL(site.appUrl).host,
});

export const issueShareCard = (issue: { date: IsoDate; number: number }, site: Site, page?: PageFacts, lead?: string): ShareCard => ({
  paperName: site.paperName,
  title: lead ?? `${chineseDate(issue.date)} ${page ? `第${page.number}版 ${page.name}` : "数字报"}`,
  kicker: page ? `第${page.number}版 · ${page.name}` : "头版要闻",
  dateLine: issueDateLine(issue),
  host: new URL(site.appUrl).host,
});
