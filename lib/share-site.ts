import "server-only";
import type { Metadata } from "next";
import type { ArticleView } from "@/lib/article-view";
import { getPublication, type Issue, type PageWithArticles } from "@/lib/editions";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translate";
import { articleShareMetadata, homeShareMetadata, issueShareMetadata, type Site } from "@/lib/share-metadata";

/**
 * The reader pages' generateMetadata, with the site's address and the paper's
 * name filled in, in the page's language (its `locale` param: these pages are
 * cached, so never the cookie).
 */
async function site(): Promise<Site> {
  return { appUrl: env().APP_URL, paperName: (await getPublication()).name };
}

const notFound = (locale: Locale): Metadata => ({ title: translatorFor(locale, "reader.meta")("notFound"), robots: { index: false } });

/** `article` must be the public view (getArticleForPublic): its summary is the teaser. */
export async function articlePageMetadata(article: ArticleView | null, locale: Locale): Promise<Metadata> {
  return article ? articleShareMetadata(article, await site(), locale) : notFound(locale);
}

const frontHeadlines = (pages: PageWithArticles[], number = 1) => (pages.find((p) => p.number === number)?.articles ?? []).map((a) => a.title).slice(0, 4);

export async function issuePageMetadata(issue: Issue | null, pages: PageWithArticles[], locale: Locale, pageNumber?: number): Promise<Metadata> {
  if (!issue) return notFound(locale);
  const page = pageNumber === undefined ? undefined : pages.find((p) => p.number === pageNumber);
  if (pageNumber !== undefined && !page) return notFound(locale);
  return issueShareMetadata(issue, await site(), { page, headlines: frontHeadlines(pages, pageNumber ?? 1) }, locale);
}

export async function homePageMetadata(issue: Issue | null, pages: PageWithArticles[], locale: Locale): Promise<Metadata> {
  return homeShareMetadata(issue, await site(), frontHeadlines(pages), locale);
}
