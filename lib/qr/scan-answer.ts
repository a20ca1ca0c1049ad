import "server-only";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/throttle";
import { REF_COOKIE, refCookieValue } from "./attribution";
import { normalizeQrCode } from "./code";
import { frontSnapshot, OFFLINE_SNAPSHOT } from "./landing-data";
import { customLandingHtml, defaultLandingHtml, friendlyPageHtml, landingLocale, safeHref, type FriendlyReason, type LandingContext } from "./landing-html";
import { resolveQrCode, type ResolvedQrCode } from "./resolve";
import type { PendingScan, ScanOutcome } from "./scan-recorder";
import { cookieFromHeader, qrCookieHeader } from "./signed-cookie";
import { addUnlock, UNLOCK_COOKIE } from "./unlock";
import { deviceClass, inAppBrowser, isBotAgent } from "./visitor";
import { logger } from "@/lib/log";

const log = logger.child({ module: "qr" });

/**
 * The answer to one scan of `/q/CODE`, and the scan to record once it is
 * sent. A redirect needs nothing but the (cached) code; landing and friendly
 * pages are complete HTML documents without JavaScript. Whatever arrives as
 * CODE (garbage, "../admin", NUL bytes, 300 characters) gets a page with a way
 * on, never an error page.
 */
export type QrAnswer = { response: Response; scan: PendingScan };

/** What of an unknown code is kept: printable characters only (PostgreSQL text can't hold NUL), 32 at most. */
export const REQUESTED_CODE_MAX = 32;

export function storableRequestedCode(raw: string): string {
  const printable = Array.from(raw.slice(0, REQUESTED_CODE_MAX * 2))
    .map((c) => (/^[\p{L}\p{N}\p{P}\p{S}]$/u.test(c) ? c : "?"))
    .join("");
  return printable.slice(0, REQUESTED_CODE_MAX) || "?";
}

type Decision =
  | { kind: "redirect"; location: string; outcome: ScanOutcome }
  | { kind: "default"; outcome: ScanOutcome }
  | { kind: "custom"; which: "landing" | "fallback"; outcome: ScanOutcome }
  | { kind: "friendly"; reason: FriendlyReason; status: 200 | 404 | 503; outcome: ScanOutcome };

const hasContent = (landing: ResolvedQrCode["landing"]): landing is NonNullable<ResolvedQrCode["landing"]> =>
  !!landing && (landing.title.trim() !== "" || landing.text.trim() !== "");

export function subscribeHref(code: ResolvedQrCode | null): string {
  return code?.promotionCode ? `/subscribe?promo=${encodeURIComponent(code.promotionCode)}` : "/subscribe";
}

/** Where a scan at `now` goes. Destinations that no longer exist (deleted, unpublished) fall back to today's issue. */
export function decide(code: ResolvedQrCode | null, now: Date): Decision {
  if (!code) return { kind: "friendly", reason: "unknown", status: 404, outcome: "unknown" };
  if (!code.enabled) return { kind: "friendly", reason: "disabled", status: 404, outcome: "disabled" };
  const window: ScanOutcome | null =
    code.activeFrom && now < code.activeFrom ? "not_yet" : code.activeUntil && now >= code.activeUntil ? "expired" : null;
  if (window) {
    return hasContent(code.fallback)
      ? { kind: "custom", which: "fallback", outcome: window }
      : { kind: "friendly", reason: window as "expired" | "not_yet", status: 200, outcome: window };
  }
  const ok = (location: string | null): Decision => (location ? { kind: "redirect", location, outcome: "ok" } : { kind: "default", outcome: "ok" });
  switch (code.destination) {
    case "article":
      return ok(code.articleId ? `/articles/${code.articleId}` : null);
    case "issue":
      return ok(code.issueDate ? `/issues/${code.issueDate}` : null);
    case "page":
      return ok(code.issueDate && code.pageNumber ? `/issues/${code.issueDate}/pages/${code.pageNumber}` : null);
    case "subscribe":
      return ok(subscribeHref(code));
    case "external": {
      const href = safeHref(code.externalUrl);
      return ok(href && !href.startsWith("/") ? href : null);
    }
    case "landing":
      return hasContent(code.landing) ? { kind: "custom", which: "landing", outcome: "ok" } : { kind: "default", outcome: "ok" };
  }
}

/**
 * The cookies a scan leaves (people only, never bots): the funnel's reference
 * to the code, on every scan of a code that exists and is not switched off
 * (outside its active window too: the fallback page still invites), and, for an
 * article's code in its window, the seven-day unlock of that article merged
 * into earlier unlocks.
 */
function scanCookies(headers: HeaderReader, code: ResolvedQrCode | null, decision: Decision, scan: PendingScan): string[] {
  if (!code || !code.enabled || scan.isBot) return [];
  const set = [qrCookieHeader(REF_COOKIE, refCookieValue(code.id, scan.at))];
  if (decision.kind === "redirect" && decision.outcome === "ok" && code.destination === "article" && code.articleId) {
    const earlier = cookieFromHeader(headers.get("cookie"), UNLOCK_COOKIE);
    set.push(qrCookieHeader(UNLOCK_COOKIE, addUnlock(earlier, code.articleId, scan.at)));
  }
  return set;
}

export function landingImageSrc(code: ResolvedQrCode, which: "landing" | "fallback"): string | null {
  const landing = which === "landing" ? code.landing : code.fallback;
  return landing?.imageKey ? `/q/img/${code.code}${which === "fallback" ? "?fallback=1" : ""}` : null;
}

/** Only `get` is read, so a Web `Headers` and the fast path's view of Node's headers both serve. */
export type HeaderReader = Pick<Headers, "get">;

/**
 * The answer as plain data: the route handlers wrap it in a `Response`, the
 * fast path (lib/qr/fast-path.ts) writes it straight to Node's socket.
 */
export type QrReply = {
  status: number;
  location?: string;
  /** A complete HTML document, for every answer that is not a redirect. */
  html?: string;
  cookies: string[];
};

export async function planQrScan(headers: HeaderReader, rawCode: string, now = new Date()): Promise<{ reply: QrReply; scan: PendingScan }> {
  const userAgent = (headers.get("user-agent") ?? "").slice(0, 512);
  const inApp = inAppBrowser(userAgent);
  const code = normalizeQrCode(rawCode);

  let resolved: ResolvedQrCode | null = null;
  let decision: Decision;
  try {
    resolved = code ? await resolveQrCode(code) : null;
    decision = decide(resolved, now);
  } catch (error) {
    log.error({ err: error }, "QR scan: could not resolve the code");
    decision = { kind: "friendly", reason: "error", status: 503, outcome: "error" };
  }

  const scan: PendingScan = {
    at: now,
    codeId: resolved?.id ?? null,
    requestedCode: resolved?.code ?? storableRequestedCode(rawCode),
    outcome: decision.outcome,
    device: deviceClass(userAgent),
    inApp,
    hasReferrer: (headers.get("referer") ?? "") !== "",
    isBot: isBotAgent(userAgent),
    ip: clientIp(headers, env().TRUST_PROXY === "1"),
    userAgent,
  };

  const cookies = scanCookies(headers, resolved, decision, scan);
  if (decision.kind === "redirect") return { reply: { status: 302, location: decision.location, cookies }, scan };

  const snapshot = decision.kind === "friendly" && decision.reason === "error" ? OFFLINE_SNAPSHOT : await frontSnapshot();
  // Every landing page is built per request (no-store), so it can follow the reader's language cookie.
  const ctx: LandingContext = { ...snapshot, inApp, subscribeHref: subscribeHref(resolved), locale: landingLocale(headers.get("cookie")) };
  switch (decision.kind) {
    case "default":
      return { reply: { status: 200, html: defaultLandingHtml(ctx), cookies }, scan };
    case "custom": {
      const landing = (decision.which === "landing" ? resolved!.landing : resolved!.fallback)!;
      return { reply: { status: 200, html: customLandingHtml(ctx, landing, landingImageSrc(resolved!, decision.which)), cookies }, scan };
    }
    case "friendly":
      return { reply: { status: decision.status, html: friendlyPageHtml(ctx, decision.reason), cookies }, scan };
  }
}

/** Headers of every scan answer besides the cookies; security headers come from next.config.ts or the fast path. */
export function replyHeaders(reply: QrReply): Record<string, string> {
  return reply.location !== undefined
    ? { Location: reply.location, "Cache-Control": "no-store" }
    : { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" };
}

export async function answerQrScan(request: Request, rawCode: string, now = new Date()): Promise<QrAnswer> {
  const { reply, scan } = await planQrScan(request.headers, rawCode, now);
  const response = new Response(reply.html ?? null, { status: reply.status, headers: replyHeaders(reply) });
  for (const cookie of reply.cookies) response.headers.append("Set-Cookie", cookie);
  return { response, scan };
}
