import { chineseMonthDay, chineseWeekday } from "@/lib/dates";
import type { NextIssueInfo } from "@/lib/next-issue";

/** Tells readers when the next issue comes, and about a pause that is on or announced. */
export function NextIssueNotice({ info }: { info: NextIssueInfo }) {
  const { pause, nextDate, skipped } = info;
  if (!pause && !nextDate) return null;
  return (
    <aside aria-label="出版安排 Publication schedule" className="space-y-2">
      {pause && (
        <div role="status" className="rounded border-l-4 border-brand bg-red-50 px-4 py-3 text-sm">
          <p className="font-bold text-brand">休刊公告</p>
          <p>
            {pause.current ? "本报今日休刊" : `本报${rangeText(pause.pause.startsOn, pause.pause.endsOn)}休刊`}({pause.pause.reason})
            {pause.resumesOn && `,${chineseMonthDay(pause.resumesOn)}(${chineseWeekday(pause.resumesOn)})恢复出报`}。
          </p>
        </div>
      )}
      {nextDate && (
        <p className="text-sm text-muted">
          下一期:<strong className="text-ink">{chineseMonthDay(nextDate)} {chineseWeekday(nextDate)}</strong>
          {info.nextNumber && `(总第${info.nextNumber}期)`}
          {skipped.length > 0 &&
            `(${skipped.map((s) => `${chineseMonthDay(s.date)}因${s.pause.reason}休刊`).join(",")})`}
        </p>
      )}
    </aside>
  );
}

const rangeText = (from: string, to: string) => (from === to ? chineseMonthDay(from) : `${chineseMonthDay(from)}至${chineseMonthDay(to)}`);
