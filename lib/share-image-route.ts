import "server-only";
import { getPublication, issueByDate, issueContents } from "@/lib/editions";
import { env } from "@/lib/env";
import { shareImagePng, shareImageResponse } from "@/lib/share-image";
import { issueShareCard } from "@/lib/share-metadata";

const notFound = () => new Response("未找到 Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** The share card of a published issue, or of one 版 of it: the lead headline printed there, the paper, the date. */
export async function issueShareImage(date: string | null, pageNumber?: number | null): Promise<Response> {
  const issue = date ? await issueByDate(date) : null;
  if (!issue) return notFound();
  const [publication, pages] = await Promise.all([getPublication(), issueContents(issue.id)]);
  const page = pageNumber === undefined ? pages[0] : pages.find((p) => p.number === pageNumber);
  if (!page && pageNumber !== undefined) return notFound();
  const card = issueShareCard(issue, { appUrl: env().APP_URL, paperName: publication.name }, pageNumber === undefined ? undefined : page, page?.articles[0]?.title);
  return shareImageResponse(await shareImagePng(card));
}
