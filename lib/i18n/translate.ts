// use-intl/core, not next-intl: scripts run under the react-server condition, where next-intl's client half cannot load.
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "use-intl/core";
import { PAPER_TIME_ZONE } from "@/lib/dates";
import { defaultLocale, LOCALE_COOKIE, localeOr, type Locale } from "./config";
import { catalogs, type Messages } from "./messages";

/** "common", "common.header", … : any level of the catalog, as next-intl's own getTranslations takes. */
export type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * Translators for code that is not a page or component: server actions, route
 * handlers and the lib/ functions they call. Plain functions (no React, no
 * request), so Vitest can call them too.
 */
export function translatorFor<N extends Namespace>(locale: Locale, namespace: N) {
  return createTranslator<Messages, N>({ locale, messages: catalogs[locale], namespace, timeZone: PAPER_TIME_ZONE });
}

/**
 * The reader's language for this request, from the cookie the switcher sets.
 * Only for per-request code (actions, route handlers): reading a cookie would
 * make a cached page dynamic, so pages pass their `locale` param instead.
 * Outside a request (Vitest, scripts) it is the default language.
 */
export async function requestLocale(): Promise<Locale> {
  try {
    const { cookies } = await import("next/headers");
    return localeOr((await cookies()).get(LOCALE_COOKIE)?.value);
  } catch {
    return defaultLocale;
  }
}

/** The translator for this request's language (see requestLocale). */
export async function requestTranslator<N extends Namespace>(namespace: N) {
  return translatorFor(await requestLocale(), namespace);
}
