import "server-only";
import type { Metadata } from "next";
import type { ArticleView } from "@/lib/article-view";
import { getPublication, type Issue, type PageWithArticles } from "@/lib/editions";
import { env } from "@/lib/env";
import { articleShareMetadata, homeShareMetadata, issueShareMetadata, type Site } from "@/lib/share-metadata";

/** The reader pages' generateMetadata, with the site's address and the paper's name filled in. */
async function site(): Promise<Site> {
  return { appUrl: env().APP_URL, paperName: (await getPublication()).name };
}

const NOT_FOUND: Metadata = { title: "未找到", robots: { index: false } };

/** `article` must be the public view (getArticleForPublic): its summary is the teaser. */
export async function articlePageMetadata(article: ArticleView | null): Promise<Metadata> {
  return article ? articleShareMetadata(article, await site()) : NOT_FOUND;
}

const frontHeadlines = (pages: PageWithArticles[], number = 1) => (pages.find((p) => p.number === number)?.articles ?? []).map((a) => a.title).slice(0, 4);

export async function issuePageMetadata(issue: Issue | null, pages: PageWithArticles[], pageNumber?: number): Promise<Metadata> {
  if (!issue) return NOT_FOUND;
  const page = pageNumber === undefined ? undefined : pages.find((p) => p.number === pageNumber);
  if (pageNumber !== undefined && !page) return NOT_FOUND;
  return issueShareMetadata(issue, await site(), { page, headlines: frontHeadlines(pages, pageNumber ?? 1) });
}

export async function homePageMetadata(issue: Issue | null, pages: PageWithArticles[]): Promise<Metadata> {
  return homeShareMetadata(issue, await site(), frontHeadlines(pages));
}
