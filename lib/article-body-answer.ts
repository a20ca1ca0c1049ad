import "server-only";
import { canReadGated, getAccountAccess, type Viewer } from "@/lib/access";
import { describeAccess } from "@/lib/account-access-view";
import { toArticlePhotos, type ArticlePhoto } from "@/lib/article-photos";
import { toArticleView } from "@/lib/article-view";
import { unlockedArticle } from "@/lib/qr/unlock";
import { cachedArticle } from "@/lib/reading";

/**
 * What /api/articles/ID/body answers: the text after the teaser for a reader
 * who may read it (free article, subscriber, staff), or whose device scanned
 * this article's printed code in the last seven days. Everyone else gets no
 * gated text: 401 signed out, 403 signed in without access.
 */
export type ArticleBodyAnswer =
  | { status: 200; body: { rest: string[]; photos: ArticlePhoto[]; unlockedBy?: "qr" } }
  | { status: 401 | 404; body: { error: string } }
  | { status: 403; body: { error: string; accessNote: string } };

export async function articleBodyAnswer(
  id: number | null,
  viewer: Viewer | null | Promise<Viewer | null>,
  unlockCookie: string | undefined,
  now = new Date(),
): Promise<ArticleBodyAnswer> {
  const [record, who] = await Promise.all([id ? cachedArticle(id) : null, viewer]);
  if (!record) return { status: 404, body: { error: "未找到该文章" } };
  const mayRead = record.access === "free" || (await canReadGated(who));
  const unlocked = !mayRead && unlockedArticle(unlockCookie, record.id, now);
  if (!mayRead && !unlocked) {
    if (!who) return { status: 401, body: { error: "请先登录" } };
    return { status: 403, body: { error: "订阅后可阅读全文", accessNote: describeAccess(await getAccountAccess(who.id)).headline } };
  }
  // `blocks` are sanitised HTML (lib/article-body.ts): the same sanitiser as the page's teaser.
  const article = toArticleView(record, true);
  return {
    status: 200,
    body: { rest: article.blocks.slice(1), photos: toArticlePhotos(article.images), ...(unlocked && { unlockedBy: "qr" as const }) },
  };
}
