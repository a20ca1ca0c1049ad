import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { paperMonthDay, paperWeekday } from "@/lib/i18n/format";
import type { NextIssueInfo } from "@/lib/next-issue";

/** Tells readers when the next issue comes, and about a pause that is on or announced. */
export async function NextIssueNotice({ info }: { info: NextIssueInfo }) {
  const { pause, nextDate, skipped } = info;
  if (!pause && !nextDate) return null;
  const [t, days, locale] = await Promise.all([getTranslations("reader.nextIssue"), getTranslations("reader.pauseDays"), getLocale()]);
  const day = (iso: string) => paperMonthDay(iso, locale);
  const resume = pause?.resumesOn ? t("resume", { date: day(pause.resumesOn), weekday: paperWeekday(pause.resumesOn, locale) }) : "";
  return (
    <aside aria-label={t("label")} className="space-y-2">
      {pause && (
        <div role="status" className="rounded border-l-4 border-brand bg-red-50 px-4 py-3 text-sm">
          <p className="font-bold text-brand">{t("pauseHeading")}</p>
          <p>
            {pause.current
              ? t("pauseToday", { reason: pause.pause.reason, resume })
              : t("pauseDays", { days: rangeText(pause.pause.startsOn, pause.pause.endsOn, locale, days), reason: pause.pause.reason, resume })}
          </p>
        </div>
      )}
      {nextDate && (
        <p className="text-sm text-muted">
          {t.rich("next", {
            date: day(nextDate),
            weekday: paperWeekday(nextDate, locale),
            number: info.nextNumber ? t("nextNumber", { number: info.nextNumber }) : "",
            skipped:
              skipped.length > 0
                ? t("skipped", { days: skipped.map((s) => t("skippedDay", { date: day(s.date), reason: s.pause.reason })).join(t("skippedSeparator")) })
                : "",
            strong: (chunks) => <strong className="text-ink">{chunks}</strong>,
          })}
        </p>
      )}
    </aside>
  );
}

type PauseDays = Awaited<ReturnType<typeof getTranslations<"reader.pauseDays">>>;

const rangeText = (from: string, to: string, locale: Locale, t: PauseDays) =>
  from === to ? t("one", { date: paperMonthDay(from, locale) }) : t("many", { from: paperMonthDay(from, locale), to: paperMonthDay(to, locale) });
