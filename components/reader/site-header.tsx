import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localeNames, locales } from "@/lib/i18n/config";
import { AccountLink } from "./account-link";

/** Static chrome: no data access, so every page that uses it can be cached. */
export async function SiteHeader() {
  const t = await getTranslations("common.header");
  const locale = await getLocale();
  const other = locales.find((l) => l !== locale)!;
  return (
    <header className="border-b-2 border-brand bg-white/70">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="font-serif text-2xl font-black tracking-widest text-brand">
          {t("paperName")}
          <span className="ml-2 align-middle text-xs font-normal tracking-normal text-muted">{t("eEdition")}</span>
        </Link>
        <nav aria-label={t("mainNav")} className="flex flex-1 flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <Link href="/" className="hover:text-brand">{t("today")}</Link>
          <Link href="/archive" className="hover:text-brand">{t("archive")}</Link>
          <Link href="/subscribe" className="hover:text-brand">{t("subscribe")}</Link>
          {/* A plain GET form: works without JavaScript and keeps the header static. */}
          <form action="/search" method="get" role="search" aria-label={t("search")} className="flex items-center gap-1">
            <label htmlFor="site-search" className="sr-only">{t("search")}</label>
            <input id="site-search" name="q" type="search" maxLength={50} placeholder={t("searchPlaceholder")} className="w-28 rounded border border-rule bg-white px-2 py-0.5 text-sm sm:w-36" />
            <button type="submit" className="rounded border border-rule px-2 py-0.5 hover:text-brand">{t("searchButton")}</button>
          </form>
          <span className="ml-auto flex items-center gap-4">
            {/* A plain link (no prefetch: following it changes a setting); the route sends the reader back. */}
            <a href={`/api/locale?to=${other}`} hrefLang={other} lang={other} className="hover:text-brand">
              {localeNames[other]}
            </a>
            <AccountLink labels={{ signIn: t("signIn"), admin: t("admin"), account: t("account") }} />
          </span>
        </nav>
      </div>
    </header>
  );
}
