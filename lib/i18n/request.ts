import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { PAPER_TIME_ZONE } from "@/lib/dates";
import { isLocale, LOCALE_COOKIE, localeOr } from "./config";
import { catalogs } from "./messages";

/**
 * next-intl's per-request configuration. Pages and layouts under app/[locale]
 * call setRequestLocale(locale) first, so a cached page never reads a cookie;
 * server actions and route handlers have no [locale] segment and fall back to
 * the reader's cookie (they are rendered per request anyway).
 */
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : localeOr((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: catalogs[locale], timeZone: PAPER_TIME_ZONE };
});
