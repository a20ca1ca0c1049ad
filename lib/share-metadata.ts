import type { Metadata } from "next";
import type { IsoDate } from "@/lib/dates";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { paperDate, paperWeekday } from "@/lib/i18n/format";
import { translatorFor } from "@/lib/i18n/translate";
import { SHARE_IMAGE_SIZE, type ShareCard } from "@/lib/share-image";

/**
 * Open Graph, Twitter and canonical metadata of reader pages. Built only from
 * what the public page shows: headline block, the teaser (first paragraph) and
 * the issue's facts. Callers pass an article view made for the public
 * (lib/reading.ts getArticleForPublic), whose summary is the teaser.
 *
 * The words around the paper's own text follow the page's language (`locale`,
 * Chinese by default), on the share card image too: the English pages point
 * to /og/en/… and the Chinese ones to /og/… as always. A path rather than a
 * query (?lang=en): each card is a statically cached route, and a route
 * handler that reads its query is rendered afresh on every request. The
 * headlines stay in the language they were written in.
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

const words = (locale: Locale) => translatorFor(locale, "reader.share");

/** The share card's address for a page in `locale`: /og/… in the default language, /og/en/… otherwise. */
export const shareImagePath = (path: string, locale: Locale): string => (locale === defaultLocale ? `/og${path}` : `/og/${locale}${path}`);

export function issueDateLine(issue: { date: IsoDate; number: number }, page?: PageFacts, locale: Locale = "zh-CN"): string {
  const t = words(locale);
  return [
    t("dateWithWeekday", { date: paperDate(issue.date, locale), weekday: paperWeekday(issue.date, locale) }),
    t("issueNumber", { number: issue.number }),
    page && t("pageWithName", { number: page.number, name: page.name }),
  ]
    .filter(Boolean)
    .join(" · ");
}

function shared(site: Site, locale: Locale, input: { title: string; description: string; canonical: string; image: string; imageAlt: string }): Metadata {
  const image = { url: input.image, width: SHARE_IMAGE_SIZE.width, height: SHARE_IMAGE_SIZE.height, alt: input.imageAlt, type: "image/png" };
  const t = words(locale);
  return {
    metadataBase: new URL(site.appUrl),
    title: input.title,
    description: input.description,
    alternates: { canonical: input.canonical },
    openGraph: { title: input.title, description: input.description, url: input.canonical, siteName: t("siteName", { paper: site.paperName }), locale: t("ogLocale"), images: [image] },
    twitter: { card: "summary_large_image", title: input.title, description: input.description, images: [image] },
  };
}

export function articleShareMetadata(article: ShareableArticle, site: Site, locale: Locale = "zh-CN"): Metadata {
  const t = words(locale);
  const canonical = `/articles/${article.id}`;
  const description = clip(article.summary || `${site.paperName} ${issueDateLine(article.issue, article.page, locale)}`);
  const imageAlt = t("articleImageAlt", { paper: site.paperName, title: article.title });
  const base = shared(site, locale, { title: article.title, description, canonical, image: shareImagePath(`/articles/${article.id}`, locale), imageAlt });
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
export function issueShareMetadata(issue: IssueFacts, site: Site, options: { page?: PageFacts; headlines: string[] }, locale: Locale = "zh-CN"): Metadata {
  const { page, headlines } = options;
  const t = words(locale);
  const when = t("issueTitle", { date: paperDate(issue.date, locale), number: issue.number });
  const title = page ? t("pageTitle", { number: page.number, name: page.name, issue: when }) : when;
  const canonical = page ? `/issues/${issue.date}/pages/${page.number}` : `/issues/${issue.date}`;
  const description = clip(
    t("issueDescription", { paper: site.paperName, issue: when }) +
      (page ? t("pageDescription", { number: page.number, name: page.name }) : "") +
      (headlines.length ? t("headlinesDescription", { headlines: headlines.join(t("headlineSeparator")) }) : ""),
  );
  const image = shareImagePath(page ? `/issues/${issue.date}/pages/${page.number}` : `/issues/${issue.date}`, locale);
  const base = shared(site, locale, { title, description, canonical, image, imageAlt: t("issueImageAlt", { paper: site.paperName, title }) });
  return { ...base, openGraph: { ...base.openGraph, type: "article", publishedTime: issueTime(issue), section: page?.name } };
}

/** Today's page at `/`: the home page is its own canonical URL; the card is the current issue's. */
export function homeShareMetadata(issue: IssueFacts | null, site: Site, headlines: string[], locale: Locale = "zh-CN"): Metadata {
  const title = words(locale)("today");
  if (!issue) return { metadataBase: new URL(site.appUrl), title, alternates: { canonical: "/" } };
  const base = issueShareMetadata(issue, site, { headlines }, locale);
  return {
    ...base,
    title,
    alternates: { canonical: "/" },
    openGraph: { ...base.openGraph, type: "website", url: "/" },
  };
}

export const articleShareCard = (article: ShareableArticle, site: Site, locale: Locale = "zh-CN"): ShareCard => ({
  paperName: site.paperName,
  label: words(locale)("cardLabel"),
  title: article.title,
  kicker: article.kicker ?? article.column,
  dateLine: issueDateLine(article.issue, article.page, locale),
  host: new URL(site.appUrl).host,
});

export function issueShareCard(issue: { date: IsoDate; number: number }, site: Site, page?: PageFacts, lead?: string, locale: Locale = "zh-CN"): ShareCard {
  const t = words(locale);
  const date = paperDate(issue.date, locale);
  return {
    paperName: site.paperName,
    label: t("cardLabel"),
    title: lead ?? (page ? t("cardPageTitle", { date, number: page.number, name: page.name }) : t("cardIssueTitle", { date })),
    kicker: page ? t("cardPage", { number: page.number, name: page.name }) : t("cardFrontPage"),
    dateLine: issueDateLine(issue, undefined, locale),
    host: new URL(site.appUrl).host,
  };
}
