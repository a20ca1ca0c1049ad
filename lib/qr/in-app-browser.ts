/**
 * Which app's built-in browser a user agent belongs to. Pure and dependency
 * free, so the server (scan analytics) and the reader's browser (the hint on
 * article and subscribe pages) classify the same way.
 */
export type InAppBrowser = "wechat" | "alipay" | "qq" | "weibo" | "other";

/** Apps that open links in their own browser, where downloads and card payments often fail. */
const otherInApp = /DingTalk|aweme|NewsArticle|baiduboxapp|FBAN|FBAV|Instagram|\bLine\//i;

export function inAppBrowser(userAgent: string): InAppBrowser | null {
  if (/MicroMessenger/i.test(userAgent)) return "wechat";
  if (/AlipayClient/i.test(userAgent)) return "alipay";
  // The QQ app writes "QQ/8.9.x"; QQ Browser writes "MQQBrowser/" or "QQBrowser/", a browser in its own right.
  if (/(?:^|[^A-Za-z])QQ\/\d/.test(userAgent)) return "qq";
  if (/Weibo/i.test(userAgent)) return "weibo";
  if (otherInApp.test(userAgent)) return "other";
  return null;
}

/** How the hint names each app ("您正在微信内浏览"). */
