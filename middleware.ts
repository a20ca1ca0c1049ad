import { NextResponse, type NextRequest } from "next/server";
import { todayInPaperZone } from "@/lib/dates";
import { malformedActionRequest } from "@/lib/action-request";
import { LOCALE_COOKIE, localeOr } from "@/lib/i18n/config";
import { hasSessionCookie } from "@/lib/session-cookie";

/**
 * Edge middleware, for the few paths that need a decision per request: the
 * optimistic sign-in redirect of the account and staff areas, and today's date
 * for `/`. It imports no database code and is never the only check: every page,
 * route handler and server action asks lib/access.ts itself. Security headers
 * come from next.config.ts for every response.
 */
export async function middleware(request: NextRequest) {
  const { pathname, search } = request.nextUrl;

  // Server-action calls only (see the matcher): a body React's client would never send is a 400, not Next's 500.
  if (request.method === "POST" && request.headers.has("next-action")) {
    const malformed = await malformedActionRequest(request);
    if (malformed) return new NextResponse(`Bad request: ${malformed}`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }

  // A malformed %-escape in a dynamic segment makes Next answer a bare 500 before any route runs, and an
  // escaped NUL (%00) reaches the ISR cache as a file name it cannot write. Only paths with a "%" reach
  // this (see the matcher), so normal traffic pays nothing.
  if (pathname.includes("%") && (/%00/.test(pathname) || !isDecodable(pathname))) {
    // A mistyped QR address still lands on the friendly QR page (and counts as an orphan scan).
    if (pathname.startsWith("/q/")) return NextResponse.rewrite(new URL("/q", request.url));
    // A NUL names no page (404, as for any unknown id); an undecodable escape is a broken request (400).
    const status = isDecodable(pathname) ? 404 : 400;
    return new NextResponse(BAD_ADDRESS_PAGE, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
  }

  // Today's issue is cached per calendar day in the paper's zone, so it rolls over at midnight in Shanghai.
  if (pathname === "/") {
    // Straight to the language's copy (app/[locale]): next.config.ts's rewrites do that for every other page.
    const locale = localeOr(request.cookies.get(LOCALE_COOKIE)?.value);
    return NextResponse.rewrite(new URL(`/${locale}/today/${todayInPaperZone()}${search}`, request.url));
  }

  const isPrivateArea = pathname.startsWith("/account") || pathname.startsWith("/admin");
  if (isPrivateArea && !hasSessionCookie(request.cookies.getAll().map((c) => c.name))) {
    const login = new URL("/login", request.url);
    // A way back, within reason: a huge query would make the redirect's headers too large for browsers and proxies.
    const back = pathname + search;
    login.searchParams.set("next", back.length <= 2048 ? back : pathname.slice(0, 2048));
    return NextResponse.redirect(login);
  }
  return NextResponse.next();
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

const BAD_ADDRESS_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>网址有误 · 财信报</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.7"><h1>网址有误 Bad address</h1><p>这个网址无法识别,可能在复制时被截断了。</p><p><a href="/">今日报纸 Today's issue</a> · <a href="/archive">往期回顾 Archive</a></p></body></html>`;

export const config = {
  matcher: [
    "/",
    "/account",
    "/account/:path*",
    "/admin",
    "/admin/:path*",
    // Reader paths with a %-escape in them: checked for malformed escapes (rare; ASCII URLs never come here).
    "/:section(q|issues|articles|archive|media|api)/:rest(.*%.*)",
    // Server-action calls, wherever the page is: their bodies are checked before Next decodes them.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
