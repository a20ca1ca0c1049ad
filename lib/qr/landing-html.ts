import type { QrLanding } from "@/db/schema";
import { chineseDate, chineseWeekday } from "@/lib/dates";
import type { InAppBrowser } from "./visitor";

/**
 * The pages a QR scan can land on, as complete HTML documents with inline CSS
 * and no JavaScript: readable on a weak connection at once, nothing to hydrate.
 * Every piece of text from the database or the request goes through `esc`, and
 * links only through `safeHref`, so staff-written landing text stays text.
 */
export type PaperInfo = { name: string; slogan: string | null; hotline: string | null };

export type FrontIssue = {
  date: string;
  number: number;
  pageCount: number;
  /** The public 第1版 image with its intrinsic size (so the layout does not move when it loads). */
  frontImage: { src: string; width: number; height: number } | null;
  headlines: { id: number; title: string; kicker: string | null }[];
};

export type LandingContext = {
  paper: PaperInfo;
  latest: FrontIssue | null;
  nextIssueDate: string | null;
  inApp: InAppBrowser | null;
  /** Where the subscribe buttons go: /subscribe, with the code's promotion when it has one. */
  subscribeHref: string;
};

export type FriendlyReason = "unknown" | "disabled" | "expired" | "not_yet" | "error";

export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A same-site path ("/subscribe") or an https URL; anything else (javascript:, //evil, data:) is no link. */
export function safeHref(value: string | null | undefined): string | null {
  if (!value) return null;
  const href = value.trim();
  if (/^\/(?![/\\])/.test(href)) return /[\s\u0000-\u001f]/.test(href) ? null : href;
  try {
    const url = new URL(href);
    return url.protocol === "https:" && !url.username && !url.password ? url.toString() : null;
  } catch {
    return null;
  }
}

const appNames: Record<InAppBrowser, string> = { wechat: "微信", alipay: "支付宝", qq: "QQ", weibo: "微博", other: "应用" };

const css = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;background:#fbf8f1;color:#1c1a17;font-family:"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",system-ui,sans-serif;line-height:1.75}
body{margin:0 auto;max-width:40rem;padding:1rem 1.125rem 2.5rem}
a{color:#a51d24}
a:focus-visible{outline:3px solid #a51d24;outline-offset:2px}
header{border-bottom:4px double #1c1a17;padding-bottom:.5rem;text-align:center}
.paper{margin:.25rem 0;font-family:"Songti SC","Noto Serif CJK SC","Source Han Serif SC",SimSun,serif;font-size:2.25rem;font-weight:900;letter-spacing:.3em;color:#a51d24;text-decoration:none;display:inline-block}
.slogan,.meta{margin:0;font-size:.8125rem;color:#6b645a}
h1{font-family:"Songti SC","Noto Serif CJK SC","Source Han Serif SC",SimSun,serif;font-size:1.5rem;line-height:1.4;margin:1.25rem 0 .5rem}
h2{font-size:1.0625rem;margin:1.5rem 0 .5rem;border-left:4px solid #a51d24;padding-left:.5rem}
p{margin:0 0 .875rem}
.text p{text-indent:2em;text-align:justify;line-break:strict}
.hint{margin:1rem 0;padding:.75rem .875rem;border:1px solid #e0b4b6;background:#fdf0f0;border-radius:.5rem;font-size:.9375rem}
.hint strong{color:#7e141a}
.cta{display:block;margin:1.25rem 0;padding:.875rem 1rem;border-radius:.5rem;background:#a51d24;color:#fff;font-size:1.0625rem;font-weight:600;text-align:center;text-decoration:none}
.cta:focus-visible{outline-color:#1c1a17}
.links{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;margin:1rem 0;padding:0;list-style:none}
.figure{display:block;margin:1rem 0;border:1px solid #d8d0c2;background:#fff}
.figure img{display:block;width:100%;height:auto}
.poster img{aspect-ratio:3/2;object-fit:contain;background:#f3eee3}
.headlines{margin:0;padding:0;list-style:none}
.headlines li{border-bottom:1px solid #d8d0c2;padding:.5rem 0}
.headlines a{color:#1c1a17;text-decoration:none;font-weight:600}
.kicker{display:block;font-size:.75rem;color:#6b645a;font-weight:400}
footer{margin-top:2rem;border-top:1px solid #d8d0c2;padding-top:.75rem;font-size:.8125rem;color:#6b645a}
`.replace(/\n/g, "");

function htmlDocument(title: string, ctx: LandingContext, main: string): string {
  const { paper } = ctx;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="robots" content="noindex">
<meta name="format-detection" content="telephone=no">
<title>${esc(title)} · ${esc(paper.name)}</title>
<style>${css}</style>
</head>
<body>
<header>
${paper.slogan ? `<p class="slogan">${esc(paper.slogan)}</p>` : ""}
<a class="paper" href="/">${esc(paper.name)}</a>
</header>
<main>
${inAppHint(ctx.inApp)}
${main}
</main>
<footer>
<ul class="links">
<li><a href="/">首页 Home</a></li>
${ctx.latest ? `<li><a href="/issues/${esc(ctx.latest.date)}">今日报纸 Today's issue</a></li>` : ""}
<li><a href="/archive">往期回顾 Archive</a></li>
<li><a href="${esc(ctx.subscribeHref)}">订阅 Subscribe</a></li>
</ul>
${paper.hotline ? `<p>订阅热线 ${esc(paper.hotline)}</p>` : ""}
</footer>
</body>
</html>
`;
}

/** In-app browsers (WeChat above all) block downloads and Stripe card checkout: say so, and how to get out. */
export function inAppHint(inApp: InAppBrowser | null): string {
  if (!inApp) return "";
  return `<aside class="hint" role="note">
<p><strong>您正在${esc(appNames[inApp])}内浏览。</strong>这里无法下载文件,银行卡支付(Stripe)也需要在系统浏览器中完成。</p>
<p>请点击右上角 ··· 选择「在浏览器打开」。</p>
</aside>`;
}

function subscribeCta(ctx: LandingContext, label = "订阅本报 Subscribe"): string {
  return `<a class="cta" href="${esc(ctx.subscribeHref)}">${esc(label)}</a>`;
}

function nextIssueLine(ctx: LandingContext): string {
  return ctx.nextIssueDate ? `<p class="meta">下期出版:${esc(chineseDate(ctx.nextIssueDate))} ${esc(chineseWeekday(ctx.nextIssueDate))}</p>` : "";
}

function issueBlock(ctx: LandingContext): string {
  const issue = ctx.latest;
  if (!issue) return `<p>暂无已出版的报纸。</p>${nextIssueLine(ctx)}`;
  const image = issue.frontImage
    ? `<a class="figure" href="/issues/${esc(issue.date)}/pages/1"><img src="${esc(issue.frontImage.src)}" width="${issue.frontImage.width}" height="${issue.frontImage.height}" alt="${esc(`${chineseDate(issue.date)} 第1版`)}" decoding="async"></a>`
    : "";
  const headlines = issue.headlines.length
    ? `<h2>今日要闻</h2><ul class="headlines">${issue.headlines
        .map((h) => `<li><a href="/articles/${h.id}">${h.kicker ? `<span class="kicker">${esc(h.kicker)}</span>` : ""}${esc(h.title)}</a></li>`)
        .join("")}</ul>`
    : "";
  return `<p class="meta">${esc(chineseDate(issue.date))} ${esc(chineseWeekday(issue.date))} · 总第${issue.number}期 · ${issue.pageCount}版</p>
${nextIssueLine(ctx)}
${image}
${headlines}
<p><a href="/issues/${esc(issue.date)}">阅读本期全部版面 »</a></p>`;
}

/** The masthead code's page: today's issue, the next issue date, and the subscription. */
export function defaultLandingHtml(ctx: LandingContext): string {
  const main = `<h1>欢迎阅读${esc(ctx.paper.name)}数字报</h1>
${issueBlock(ctx)}
${subscribeCta(ctx)}`;
  return htmlDocument("扫码阅读", ctx, main);
}

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

/** A staff-written landing page (or the fallback outside a code's active window). */
export function customLandingHtml(ctx: LandingContext, landing: QrLanding, imageSrc: string | null): string {
  const href = safeHref(landing.ctaHref) ?? ctx.subscribeHref;
  const label = landing.ctaLabel?.trim() || "订阅本报 Subscribe";
  const image = imageSrc ? `<div class="figure poster"><img src="${esc(imageSrc)}" width="1200" height="800" alt="" decoding="async"></div>` : "";
  const main = `<h1>${esc(landing.title)}</h1>
${image}
<div class="text">${paragraphs(landing.text)}</div>
<a class="cta" href="${esc(href)}">${esc(label)}</a>`;
  return htmlDocument(landing.title || "扫码阅读", ctx, main);
}

const friendlyText: Record<FriendlyReason, { title: string; body: string }> = {
  unknown: { title: "未找到这个二维码", body: "这个二维码或链接无效,可能是印刷或输入有误。欢迎从首页阅读今日报纸。" },
  disabled: { title: "这个二维码已停用", body: "该二维码对应的内容已下线。欢迎从首页阅读今日报纸。" },
  expired: { title: "这个活动已经结束", body: "该二维码的活动期已过。欢迎阅读今日报纸,或订阅本报。" },
  not_yet: { title: "这个活动尚未开始", body: "该二维码的内容还未上线,请稍后再扫。欢迎先阅读今日报纸。" },
  error: { title: "暂时无法打开", body: "服务暂时繁忙,请稍后再试。欢迎从首页阅读今日报纸。" },
};

/** Unknown, disabled, expired or not-yet-active codes: never a dead end. */
export function friendlyPageHtml(ctx: LandingContext, reason: FriendlyReason): string {
  const { title, body } = friendlyText[reason];
  const main = `<h1>${esc(title)}</h1>
<p>${esc(body)}</p>
<ul class="links">
<li><a href="/">返回首页 Home</a></li>
${ctx.latest ? `<li><a href="/issues/${esc(ctx.latest.date)}">今日报纸 Today's issue</a></li>` : ""}
</ul>
${ctx.latest ? issueBlock(ctx) : nextIssueLine(ctx)}
${subscribeCta(ctx)}`;
  return htmlDocument(title, ctx, main);
}
