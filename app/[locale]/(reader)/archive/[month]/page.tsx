import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MonthCalendar } from "@/components/reader/month-calendar";
import { datesOfMonth, formatYearMonth, parseYearMonth, shiftMonth, todayInPaperZone } from "@/lib/dates";
import { NextIssueNotice } from "@/components/reader/next-issue-notice";
import { loadSchedule, readerNextIssue } from "@/lib/calendar";
import { publishedIssuesBetween } from "@/lib/editions";

export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ month: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const month = parseYearMonth((await params).month);
  return { title: month ? `往期回顾 ${month.year}年${month.month}月` : "未找到" };
}

export default async function ArchiveMonth({ params }: Props) {
  const month = parseYearMonth((await params).month);
  if (!month) notFound();
  const days = datesOfMonth(month);
  const [schedule, upcoming, issues] = await Promise.all([loadSchedule(), readerNextIssue(), publishedIssuesBetween(days[0]!, days.at(-1)!)]);
  const previous = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-2xl font-bold">
          往期回顾 · {month.year}年{month.month}月
        </h1>
        <form action="/archive/jump" method="get" className="flex items-center gap-2 text-sm">
          <label htmlFor="issue-no">按期号查找</label>
          <input id="issue-no" name="no" inputMode="numeric" pattern="[0-9]*" maxLength={9} placeholder="如 1253" className="w-24 rounded border border-rule px-2 py-1" />
          <button className="rounded bg-brand px-3 py-1 text-white">前往</button>
        </form>
      </header>
      <nav aria-label="月份 Months" className="flex justify-between text-sm">
        <Link href={`/archive/${formatYearMonth(previous)}`} className="hover:text-brand">← {previous.year}年{previous.month}月</Link>
        <Link href={`/archive/${formatYearMonth(next)}`} className="hover:text-brand">{next.year}年{next.month}月 →</Link>
      </nav>
      <NextIssueNotice info={upcoming} />
      <MonthCalendar month={month} today={todayInPaperZone()} issues={issues} schedule={schedule} />
      {issues.length === 0 && <p className="text-sm text-muted">本月暂无电子版报纸。</p>}
      {/* A plain link: the feed is a file for calendar apps, not a page to prefetch. */}
      <p className="text-sm">
        <a href="/calendar.ics" type="text/calendar" className="text-brand underline underline-offset-2 hover:decoration-2">订阅出版日历 .ics</a>
        <span className="ml-2 text-xs text-muted">Calendar feed</span>
      </p>
    </div>
  );
}
