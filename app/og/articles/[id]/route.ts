import { getPublication } from "@/lib/editions";
import { env } from "@/lib/env";
import { parseIdParam } from "@/lib/params";
import { getArticleForPublic } from "@/lib/reading";
import { shareImagePng, shareImageResponse } from "@/lib/share-image";
import { articleShareCard } from "@/lib/share-metadata";

// Rendered on first request, then served from the cache: a published headline rarely changes.
export const revalidate = 3600;
export const generateStaticParams = async () => [];

/** The share card of a published article (headline, paper, date): nothing of its body. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseIdParam((await params).id);
  const article = id ? await getArticleForPublic(id) : null;
  if (!article) return new Response("未找到 Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const publication = await getPublication();
  return shareImageResponse(await shareImagePng(articleShareCard(article, { appUrl: env().APP_URL, paperName: publication.name })));
}
