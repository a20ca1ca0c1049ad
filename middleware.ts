import { NextResponse, type NextRequest } from "next/server";
import { todayInPaperZone } from "@/lib/dates";
import { hasSessionCookie } from "@/lib/session-cookie";

/**
 * Edge middleware, for the few paths that need a decision per request: the
 * optimistic sign-in redirect of the account and staff areas, and today's date
 * for `/`. It imports no database code and is never the only check: every page,
 * route handler and server action asks lib/access.ts itself. Security headers
 * come from next.config.ts for every response.
 */
export function middleware(request: NextRequest) {
  const { pathname, search } = request.nextUrl;

  // Today's issue is cached per calendar day in the paper's zone, so it rolls over at midnight in Shanghai.
  if (pathname === "/") {
    return NextResponse.rewrite(new URL(`/today/${todayInPaperZone()}${search}`, request.url));
  }

  if (!hasSessionCookie(request.cookies.getAll().map((c) => c.name))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", pathname + search);
    return NextResponse.redirect(login);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/", "/account", "/account/:path*", "/admin", "/admin/:path*"],
};
