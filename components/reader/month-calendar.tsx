import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { datesOfMonth, isoWeekday, type IsoDate, type YearMonth } from "@/lib/dates";
import type { Issue } from "@/lib/editions";
import { paperMonth } from "@/lib/i18n/format";
import { classifyDay, type Schedule } from "@/lib/schedule";

const weekdayHeads = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

type CalendarT = Awaited<ReturnType<typeof getTranslations<"reader.calendar">>>;

/**
 * 往期回顾: a Monday-first month in the paper's calendar, each day saying what
 * happened on it. A table to assistive technology (weekday headers, one row a
 * week); the rows are `display: contents`, so the cells lay out in one CSS grid.
 */
export async function MonthCalendar(props: {
  month: YearMonth;
  today: IsoDate;
  issues: Issue[];
  schedule: Schedule;
}) {
  const dates = datesOfMonth(props.month);
  const leading = isoWeekday(dates[0]!) - 1;
  const byDate = new Map(props.issues.map((i) => [i.date, i]));
  const days: (IsoDate | null)[] = [...Array.from({ length: leading }, () => null), ...dates];
  const weeks = Array.from({ length: Math.ceil(days.length / 7) }, (_, w) => days.slice(w * 7, w * 7 + 7));
  const [t, locale] = await Promise.all([getTranslations("reader.calendar"), getLocale()]);
  return (
    <div role="table" aria-label={paperMonth(props.month, locale)} className="grid grid-cols-7 gap-px overflow-hidden rounded border border-rule bg-rule text-sm">
      <div role="row" className="contents">
        {weekdayHeads.map((h) => (
          <div key={h} role="columnheader" className="bg-stone-100 py-1 text-center text-xs text-muted">
            {t(`weekdays.${h}`)}
          </div>
        ))}
      </div>
      {weeks.map((week) => (
        <div key={week.find(Boolean)} role="row" className="contents">
          {week.map((date, i) =>
            date ? <DayCell key={date} date={date} today={props.today} issue={byDate.get(date)} schedule={props.schedule} t={t} /> : <div key={`pad-${i}`} role="cell" className="bg-paper" />,
          )}
        </div>
      ))}
    </div>
  );
}

function DayCell({ date, today, issue, schedule, t }: { date: IsoDate; today: IsoDate; issue?: Issue; schedule: Schedule; t: CalendarT }) {
  const day = Number(date.slice(8));
  const kind = classifyDay(date, schedule);
  const base = "flex min-h-20 flex-col gap-0.5 p-1.5 sm:min-h-24";
  const label = <span className={`text-xs ${date === today ? "rounded bg-ink px-1 text-white" : "text-muted"}`}>{day}</span>;
  if (issue) {
    return (
      <div role="cell" className={`${base} bg-amber-50`}>
        {label}
        <Link href={`/issues/${issue.date}`} className="font-bold text-brand hover:underline" aria-label={t("issueLabel", { date, number: issue.number })}>
          {t("issueLink", { number: issue.number })}
        </Link>
      </div>
    );
  }
  if (kind.kind === "paused") {
    return (
      <div role="cell" className={`${base} bg-stone-100`} data-paused={date}>
        {label}
        <span className="font-bold text-stone-700">{t("paused")}</span>
        <span className="text-xs text-muted">{kind.pause.reason}</span>
      </div>
    );
  }
  if (kind.kind === "publication") {
    return (
      <div role="cell" className={`${base} bg-white`}>
        {label}
        <span className="text-xs text-muted">{date > today ? t("publicationDay") : t("publicationDayMissing")}</span>
      </div>
    );
  }
  return (
    <div role="cell" className={`${base} bg-white text-stone-400`}>
      {label}
    </div>
  );
}
