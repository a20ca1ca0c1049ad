import type { QrLanding } from "@/db/schema";
import { defaultLocale, LOCALE_COOKIE, localeOr, type Locale } from "@/lib/i18n/config";
import { paperDate, paperWeekday } from "@/lib/i18n/format";
import { translatorFor } from "@/lib/i18n/translate";
import type { InAppBrowser } from "./visitor";

/**
 * The pages a QR scan can land on, as complete HTML documents with inline CSS
 * and no JavaScript: readable on a weak connection at once, nothing to hydrate.
 * Every piece of text from the database or the request goes through `esc`, and
 * links only through `safeHref`, so staff-written landing text stays text.
 *
 * The words around that text are in the visitor's language (`locale`, from the
 * language cookie: see landingLocale). Each page is built for its one request
 * and sent with no-store, by the fast path too: no cache can hand one
 * language's page to a reader of the other.
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
  /** The visitor's language; Chinese when not given. */
  locale?: Locale;
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

/**
 * The visitor's language from a Cookie request header: the fast path reads
 * Node's headers before Next sees the request, so not through next/headers.
 */
export function landingLocale(cookieHeader: string | null | undefined): Locale {
  for (const part of (cookieHeader ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === LOCALE_COOKIE) return localeOr(part.slice(eq + 1).trim());
  }
  return defaultLocale;
}

// A scan burst asks for the same words thousands of times: one translator per language.
const translators = new Map<Locale, ReturnType<typeof translatorFor<"reader">>>();

function words(locale: Locale = defaultLocale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = translatorFor(locale, "reader")));
  return { t, locale };
}

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
  const { t, locale } = words(ctx.locale);
  return `<!doctype html>
<html lang="${locale}">
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
${inAppHint(ctx.inApp, locale)}
${main}
</main>
<footer>
<ul class="links">
<li><a href="/">${t("qrLanding.home")}</a></li>
${ctx.latest ? `<li><a href="/issues/${esc(ctx.latest.date)}">${t("qrLanding.today")}</a></li>` : ""}
<li><a href="/archive">${t("qrLanding.archive")}</a></li>
<li><a href="${esc(ctx.subscribeHref)}">${t("qrLanding.subscribe")}</a></li>
</ul>
${paper.hotline ? `<p>${t("qrLanding.hotline", { hotline: esc(paper.hotline) })}</p>` : ""}
</footer>
</body>
</html>
`;
}

/** In-app browsers (WeChat above all) block downloads and Stripe card checkout: say so, and how to get out. */
export function inAppHint(inApp: InAppBrowser | null, locale: Locale = defaultLocale): string {
  if (!inApp) return "";
  const { t } = words(locale);
  return `<aside class="hint" role="note">
<p>${t.markup("qrLanding.inApp", { app: esc(t(`inAppHint.apps.${inApp}`)), strong: (chunks) => `<strong>${chunks}</strong>` })}</p>
<p>${t("qrLanding.inAppHow")}</p>
</aside>`;
}

function subscribeCta(ctx: LandingContext, label = words(ctx.locale).t("qrLanding.cta")): string {
  return `<a class="cta" href="${esc(ctx.subscribeHref)}">${esc(label)}</a>`;
}

function nextIssueLine(ctx: LandingContext): string {
  const { t, locale } = words(ctx.locale);
  const date = ctx.nextIssueDate;
  return date ? `<p class="meta">${t("qrLanding.nextIssue", { date: esc(paperDate(date, locale)), weekday: esc(paperWeekday(date, locale)) })}</p>` : "";
}

function issueBlock(ctx: LandingContext): string {
  const { t, locale } = words(ctx.locale);
  const issue = ctx.latest;
  if (!issue) return `<p>${t("qrLanding.noIssue")}</p>${nextIssueLine(ctx)}`;
  const date = esc(paperDate(issue.date, locale));
  const image = issue.frontImage
    ? `<a class="figure" href="/issues/${esc(issue.date)}/pages/1"><img src="${esc(issue.frontImage.src)}" width="${issue.frontImage.width}" height="${issue.frontImage.height}" alt="${esc(t("qrLanding.frontImageAlt", { date: paperDate(issue.date, locale) }))}" decoding="async"></a>`
    : "";
  const headlines = issue.headlines.length
    ? `<h2>${t("qrLanding.headlines")}</h2><ul class="headlines">${issue.headlines
        .map((h) => `<li><a href="/articles/${h.id}">${h.kicker ? `<span class="kicker">${esc(h.kicker)}</span>` : ""}${esc(h.title)}</a></li>`)
        .join("")}</ul>`
    : "";
  const facts = t("qrLanding.issueFacts", { date, weekday: esc(paperWeekday(issue.date, locale)), number: issue.number, pageCount: issue.pageCount });
  return `<p class="meta">${facts}</p>
${nextIssueLine(ctx)}
${image}
${headlines}
<p><a href="/issues/${esc(issue.date)}">${t("qrLanding.readAll")}</a></p>`;
}

/** The masthead code's page: today's issue, the next issue date, and the subscription. */
export function defaultLandingHtml(ctx: LandingContext): string {
  const { t } = words(ctx.locale);
  const main = `<h1>${t("qrLanding.welcome", { paper: esc(ctx.paper.name) })}</h1>
${issueBlock(ctx)}
${subscribeCta(ctx)}`;
  return htmlDocument(t("qrLanding.title"), ctx, main);
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
  const { t } = words(ctx.locale);
  const href = safeHref(landing.ctaHref) ?? ctx.subscribeHref;
  const label = landing.ctaLabel?.trim() || t("qrLanding.cta");
  const image = imageSrc ? `<div class="figure poster"><img src="${esc(imageSrc)}" width="1200" height="800" alt="" decoding="async"></div>` : "";
  const main = `<h1>${esc(landing.title)}</h1>
${image}
<div class="text">${paragraphs(landing.text)}</div>
<a class="cta" href="${esc(href)}">${esc(label)}</a>`;
  return htmlDocument(landing.title || t("qrLanding.title"), ctx, main);
}

/** Unknown, disabled, expired or not-yet-active codes: never a dead end. */
export function friendlyPageHtml(ctx: LandingContext, reason: FriendlyReason): string {
  const { t } = words(ctx.locale);
  const title = t(`qrLanding.friendly.${reason}.title`);
  const body = t(`qrLanding.friendly.${reason}.body`);
  const main = `<h1>${esc(title)}</h1>
<p>${esc(body)}</p>
<ul class="links">
<li><a href="/">${t("qrLanding.backHome")}</a></li>
${ctx.latest ? `<li><a href="/issues/${esc(ctx.latest.date)}">${t("qrLanding.today")}</a></li>` : ""}
</ul>
${ctx.latest ? issueBlock(ctx) : nextIssueLine(ctx)}
${subscribeCta(ctx)}`;
  return htmlDocument(title, ctx, main);
}
