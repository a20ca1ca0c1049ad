import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { showsGloss } from "@/components/reader/labels";
import { MonthCalendar } from "@/components/reader/month-calendar";
import { datesOfMonth, formatYearMonth, parseYearMonth, shiftMonth, todayInPaperZone } from "@/lib/dates";
import { NextIssueNotice } from "@/components/reader/next-issue-notice";
import { loadSchedule, readerNextIssue } from "@/lib/calendar";
import { publishedIssuesBetween } from "@/lib/editions";
import type { Locale } from "@/lib/i18n/config";
import { paperMonth } from "@/lib/i18n/format";

export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ locale: string; month: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const raw = await params;
  const locale = raw.locale as Locale;
  const month = parseYearMonth(raw.month);
  const t = await getTranslations({ locale, namespace: "reader" });
  return { title: month ? t("archive.metaTitle", { month: paperMonth(month, locale) }) : t("meta.notFound") };
}

export default async function ArchiveMonth({ params }: Props) {
  const raw = await params;
  const locale = raw.locale as Locale;
  setRequestLocale(locale);
  const month = parseYearMonth(raw.month);
  if (!month) notFound();
  const days = datesOfMonth(month);
  const [schedule, upcoming, issues, t, gloss] = await Promise.all([
    loadSchedule(),
    readerNextIssue(),
    publishedIssuesBetween(days[0]!, days.at(-1)!),
    getTranslations("reader.archive"),
    showsGloss(),
  ]);
  const previous = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-2xl font-bold">{t("heading", { month: paperMonth(month, locale) })}</h1>
        <form action="/archive/jump" method="get" className="flex items-center gap-2 text-sm">
          <label htmlFor="issue-no">{t("findByNumber")}</label>
          <input id="issue-no" name="no" inputMode="numeric" pattern="[0-9]*" maxLength={9} placeholder={t("numberPlaceholder")} className="w-24 rounded border border-rule px-2 py-1" />
          <button className="rounded bg-brand px-3 py-1 text-white">{t("go")}</button>
        </form>
      </header>
      <nav aria-label={t("months")} className="flex justify-between text-sm">
        <Link href={`/archive/${formatYearMonth(previous)}`} className="hover:text-brand">← {paperMonth(previous, locale)}</Link>
        <Link href={`/archive/${formatYearMonth(next)}`} className="hover:text-brand">{paperMonth(next, locale)} →</Link>
      </nav>
      <NextIssueNotice info={upcoming} />
      <MonthCalendar month={month} today={todayInPaperZone()} issues={issues} schedule={schedule} />
      {issues.length === 0 && <p className="text-sm text-muted">{t("empty")}</p>}
      {/* A plain link: the feed is a file for calendar apps, not a page to prefetch. */}
      <p className="text-sm">
        <a href="/calendar.ics" type="text/calendar" className="text-brand underline underline-offset-2 hover:decoration-2">{t("calendarFeed")}</a>
        {gloss && <span className="ml-2 text-xs text-muted">{t("calendarFeedGloss")}</span>}
      </p>
    </div>
  );
}
