import { getLocale, getTranslations } from "next-intl/server";
import type { Issue, Publication } from "@/lib/editions";
import { paperDate, paperWeekday } from "@/lib/i18n/format";

export async function Masthead({ publication, issue }: { publication: Publication; issue: Issue }) {
  const [t, locale] = await Promise.all([getTranslations("reader.masthead"), getLocale()]);
  return (
    <header className="border-b-4 border-double border-ink pb-3 text-center">
      <p className="text-xs tracking-wide text-muted">{publication.slogan}</p>
      <h1 className="my-1 font-serif text-5xl font-black tracking-[0.3em] text-brand sm:text-6xl">{publication.name}</h1>
      <p className="flex flex-wrap justify-center gap-x-3 gap-y-1 text-sm">
        <span>{t("date", { date: paperDate(issue.date, locale), weekday: paperWeekday(issue.date, locale) })}</span>
        <span>{t("issueNumber", { number: issue.number })}</span>
        <span>{t("pageCount", { count: issue.pageCount })}</span>
      </p>
      <p className="mt-1 flex flex-wrap justify-center gap-x-3 text-xs text-muted">
        <span>{t("cnNumber", { cnNumber: publication.cnNumber })}</span>
        <span>{t("sponsor", { sponsor: publication.sponsor, publisher: publication.publisher })}</span>
        <span>{t("hotline", { hotline: publication.hotline })}</span>
      </p>
    </header>
  );
}
