import { NextResponse, type NextRequest } from "next/server";
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@/lib/i18n/config";
import { logger } from "@/lib/log";
import { safeNext } from "@/lib/safe-next";
import { sessionUserId } from "@/lib/session";
import { setUserLocale } from "@/lib/users";

/**
 * The language switcher: a plain link (works without JavaScript) that stores
 * the choice on this device and sends the reader back to the page they were on.
 * Back means the same site only: the Referer's path, or ?next=, through safeNext.
 * A signed-in reader's account remembers it too, for the mails sent without a
 * request (billing, reminders, 休刊 notices).
 */
export async function GET(request: NextRequest) {
  const to = request.nextUrl.searchParams.get("to");
  const back = backTo(request);
  // A relative Location: request.url names the host Next was started with, not necessarily the one the reader used.
  const response = new NextResponse(null, { status: 303, headers: { Location: back, "Cache-Control": "no-store" } });
  if (isLocale(to)) {
    response.cookies.set(LOCALE_COOKIE, to, { path: "/", maxAge: LOCALE_COOKIE_MAX_AGE, sameSite: "lax", secure: request.nextUrl.protocol === "https:" });
    try {
      const userId = await sessionUserId();
      if (userId) await setUserLocale(userId, to);
    } catch (error) {
      // The page still switches; only later mails keep the old language.
      logger.child({ module: "locale" }).warn({ err: error }, "Could not store the reader's language on the account");
    }
  }
  return response;
}

function backTo(request: NextRequest): string {
  const next = request.nextUrl.searchParams.get("next");
  if (next) return safeNext(next);
  const referer = request.headers.get("referer");
  if (!referer) return "/";
  try {
    const url = new URL(referer);
    if (url.host !== request.headers.get("host")) return "/";
    return safeNext(url.pathname + url.search);
  } catch {
    return "/";
  }
}
