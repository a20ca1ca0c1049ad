/**
 * The portal's languages. Edge-safe (middleware and next.config.ts read it):
 * no server-only imports here.
 *
 * The language is a per-device choice kept in a cookie, not a URL prefix, so
 * shared links stay the same in both languages. next.config.ts rewrites every
 * page request to /zh-CN/… or /en/… by that cookie, and each language's pages
 * are cached on their own (app/[locale]/…).
 */
export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";
export const LOCALE_COOKIE = "cxb_locale";
/** A year: a reader who picked English once should not have to pick it again. */
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export const isLocale = (value: unknown): value is Locale => typeof value === "string" && (locales as readonly string[]).includes(value);

export const localeOr = (value: unknown, fallback: Locale = defaultLocale): Locale => (isLocale(value) ? value : fallback);

/** The name of each language in itself, for the switcher. */
export const localeNames: Record<Locale, string> = { "zh-CN": "中文", en: "English" };
