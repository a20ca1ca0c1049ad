import "server-only";
import { canReadGated, getAccountAccess, type Viewer } from "@/lib/access";
import { describeAccess } from "@/lib/account-access-view";
import { toArticlePhotos, type ArticlePhoto } from "@/lib/article-photos";
import { toArticleView } from "@/lib/article-view";
import { meterDevice, meterMember, meterSettings, type MeterCount } from "@/lib/metering";
import { unlockedArticle } from "@/lib/qr/unlock";
import { cachedArticle } from "@/lib/reading";

/**
 * What /api/articles/ID/body answers: the text after the teaser for a reader
 * who may read it (free article, subscriber, staff), whose device scanned this
 * article's printed code in the last seven days, or who still has free articles
 * this month under metering (lib/metering.ts; off unless staff set allowances).
 * Everyone else gets no gated text: 401 signed out, 403 signed in without access,
 * with `wall` when metering is on and this month's allowance is used up.
 *
 * `meter` on a 200 says how many of the month's free articles are used, counting
 * this one; `meterCookie` is the anonymous device's new count for the route to set.
 */
export type MeterWall = MeterCount & { memberAllowance?: number };
export type ArticleBodyAnswer =
  | { status: 200; body: { rest: string[]; photos: ArticlePhoto[]; unlockedBy?: "qr"; meter?: MeterCount & { signedIn: boolean } }; meterCookie?: string }
  | { status: 401; body: { error: string; wall?: MeterWall } }
  | { status: 404; body: { error: string } }
  | { status: 403; body: { error: string; accessNote: string; wall?: MeterCount } };

export async function articleBodyAnswer(
  id: number | null,
  viewer: Viewer | null | Promise<Viewer | null>,
  unlockCookie: string | undefined,
  now = new Date(),
  meterCookie?: string,
): Promise<ArticleBodyAnswer> {
  const [record, who] = await Promise.all([id ? cachedArticle(id) : null, viewer]);
  if (!record) return { status: 404, body: { error: "未找到该文章" } };
  const mayRead = record.access === "free" || (await canReadGated(who));
  const unlocked = !mayRead && unlockedArticle(unlockCookie, record.id, now);
  const rest = () => {
    // `blocks` are sanitised HTML (lib/article-body.ts): the same sanitiser as the page's teaser.
    const article = toArticleView(record, true);
    return { rest: article.blocks.slice(1), photos: toArticlePhotos(article.images) };
  };
  if (mayRead || unlocked) return { status: 200, body: { ...rest(), ...(unlocked && { unlockedBy: "qr" as const }) } };

  const settings = await meterSettings();
  if (!who) {
    if (settings.anonymousPerMonth <= 0) return { status: 401, body: { error: "请先登录" } };
    const metered = meterDevice(meterCookie, record.id, settings.anonymousPerMonth, now);
    const count = { used: metered.used, allowance: metered.allowance };
    if (metered.allowed) return { status: 200, body: { ...rest(), meter: { ...count, signedIn: false } }, ...(metered.cookie && { meterCookie: metered.cookie }) };
    return { status: 401, body: { error: "本月免费文章已读完", wall: { ...count, ...(settings.memberPerMonth > 0 && { memberAllowance: settings.memberPerMonth }) } } };
  }
  if (settings.memberPerMonth > 0) {
    const { allowed, ...count } = await meterMember(who.id, record.id, settings.memberPerMonth, now);
    if (allowed) return { status: 200, body: { ...rest(), meter: { ...count, signedIn: true } } };
    return { status: 403, body: { error: "本月免费文章已读完", accessNote: describeAccess(await getAccountAccess(who.id)).headline, wall: count } };
  }
  return { status: 403, body: { error: "订阅后可阅读全文", accessNote: describeAccess(await getAccountAccess(who.id)).headline } };
}
