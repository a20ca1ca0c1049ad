import { NextResponse } from "next/server";
import { getAccountAccess } from "@/lib/access";
import { describeAccess } from "@/lib/account-access-view";
import { toArticlePhotos } from "@/lib/article-photos";
import { parseIdParam } from "@/lib/params";
import { getArticleForViewer } from "@/lib/reading";

/**
 * The rest of an article after its teaser, for a signed-in reader's cached
 * article page. The only way gated text leaves the server: lib/access decides.
 */
const privateJson = (body: unknown, status = 200) =>
  NextResponse.json(body, { status, headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseIdParam((await params).id);
  const found = id ? await getArticleForViewer(id) : null;
  if (!found) return privateJson({ error: "未找到该文章" }, 404);
  const { article, viewer } = found;
  if (!article.complete) {
    if (!viewer) return privateJson({ error: "请先登录" }, 401);
    return privateJson({ error: "订阅后可阅读全文", accessNote: describeAccess(await getAccountAccess(viewer.id)).headline }, 403);
  }
  // `blocks` are sanitised HTML (lib/article-body.ts): the same sanitiser as the page's teaser.
  return privateJson({ rest: article.blocks.slice(1), photos: toArticlePhotos(article.images) });
}
