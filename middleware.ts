import { NextResponse, type NextRequest } from "next/server";
import { todayInPaperZone } from "@/lib/dates";
import { hasSessionCookie } from "@/lib/session-cookie";

/**
 * Edge middleware: optimistic routing and security headers only. It imports no
 * database code and is never the only check: every page, route handler and
 * server action asks lib/access.ts itself.
 */
const signedInAreas = ["/account", "/admin"];

export function middleware(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // No route has control characters in it; refusing them early keeps them out of caches and logs.
  if (hasControlCharacters(pathname)) return withSecurityHeaders(new NextResponse("Not found", { status: 404 }));
  const signedIn = hasSessionCookie(request.cookies.getAll().map((c) => c.name));

  if (!signedIn && signedInAreas.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", pathname + search);
    return withSecurityHeaders(NextResponse.redirect(login));
  }

  // Today's issue is cached per calendar day in the paper's zone, so it rolls over at midnight in Shanghai.
  if (pathname === "/") {
    return withSecurityHeaders(NextResponse.rewrite(new URL(`/today/${todayInPaperZone()}${search}`, request.url)));
  }

  // Anonymous readers share one cached teaser page; signed-in readers get a page rendered for them.
  const article = /^\/articles\/(\d{1,10})\/?$/.exec(pathname);
  if (article && signedIn) {
    return withSecurityHeaders(NextResponse.rewrite(new URL(`/articles/${article[1]}/full${search}`, request.url)));
  }

  return withSecurityHeaders(NextResponse.next());
}

function hasControlCharacters(pathname: string): boolean {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  return /[\u0000-\u001f\u007f]/.test(decoded);
}

const isProduction = process.env.NODE_ENV === "production";

// Static, cached pages cannot carry a per-request nonce, so inline scripts are
// allowed from our own origin only; everything else is locked down.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isProduction ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

function withSecurityHeaders(response: NextResponse): NextResponse {
  response.headers.set("Content-Security-Policy", contentSecurityPolicy);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (isProduction) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
