import "server-only";
import { getPublication, issueByDate, issueContents } from "@/lib/editions";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { getArticleForPublic } from "@/lib/reading";
import { shareImagePng, shareImageResponse } from "@/lib/share-image";
import { articleShareCard, issueShareCard } from "@/lib/share-metadata";

/**
 * The share card routes: /og/… words the card in Chinese, /og/en/… in English
 * (see shareImagePath). The headlines are printed as written.
 */
const notFound = () => new Response("未找到 Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

const site = async () => ({ appUrl: env().APP_URL, paperName: (await getPublication()).name });

/** The share card of a published article (headline, paper, date): nothing of its body. */
export async function articleShareImage(id: number | null, locale: Locale): Promise<Response> {
  const article = id ? await getArticleForPublic(id) : null;
  if (!article) return notFound();
  return shareImageResponse(await shareImagePng(articleShareCard(article, await site(), locale)));
}

/** The share card of a published issue, or of one 版 of it: the lead headline printed there, the paper, the date. */
export async function issueShareImage(date: string | null, pageNumber: number | null | undefined, locale: Locale): Promise<Response> {
  const issue = date ? await issueByDate(date) : null;
  if (!issue) return notFound();
  const [shareSite, pages] = await Promise.all([site(), issueContents(issue.id)]);
  const page = pageNumber === undefined ? pages[0] : pages.find((p) => p.number === pageNumber);
  if (!page && pageNumber !== undefined) return notFound();
  const card = issueShareCard(issue, shareSite, pageNumber === undefined ? undefined : page, page?.articles[0]?.title, locale);
  return shareImageResponse(await shareImagePng(card));
}
