import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { nextIssueDefaults } from "@/lib/calendar";
import { chineseDate, chineseWeekday, todayInPaperZone } from "@/lib/dates";
import { pauseRangeText } from "@/lib/pause-notice";
import { pauseList } from "./pauses/queries";

export const metadata: Metadata = { title: "概览" };

/** The staff landing page: what comes next on the calendar. Later admin areas add their panels here. */
export default async function AdminHome() {
  const viewer = await requireStaff("/admin");
  const today = todayInPaperZone();
  const [next, { upcoming }] = await Promise.all([nextIssueDefaults(today), pauseList(today)]);
  const pause = upcoming[0];

  return (
    <div className="space-y-6">
      <h1 className="font-serif text-2xl font-bold">
        您好,{viewer.name ?? viewer.email} <span className="font-sans text-sm font-normal text-muted">Overview</span>
      </h1>
      <div className="grid gap-4 md:grid-cols-2">
        <Panel labelledBy="admin-next-issue">
          <h2 id="admin-next-issue" className="mb-2 font-serif text-lg font-bold">
            下一期 <span className="font-sans text-xs font-normal text-muted">Next issue</span>
          </h2>
          {next ? (
            <p className="text-base">
              {chineseDate(next.date)} {chineseWeekday(next.date)}
              <span className="ml-2 text-muted">总第{next.number}期</span>
            </p>
          ) : (
            <p className="text-sm text-muted">两年内没有出版日:请检查出版日程。</p>
          )}
        </Panel>
        <Panel labelledBy="admin-next-pause">
          <h2 id="admin-next-pause" className="mb-2 font-serif text-lg font-bold">
            下一次休刊 <span className="font-sans text-xs font-normal text-muted">Next pause</span>
          </h2>
          {pause ? (
            <div className="space-y-1 text-sm">
              <p className="text-base">
                <Link href={`/admin/pauses/${pause.id}`} className="hover:text-brand hover:underline">
                  {pauseRangeText(pause.startsOn, pause.endsOn)} · {pause.reason}
                </Link>
              </p>
              <p className="text-muted">
                公告日 {chineseDate(pause.announceDay)} · {pause.resumesOn ? `${chineseDate(pause.resumesOn)}恢复出报` : "恢复日期未定"}
              </p>
              {pause.warning ? <p>注意:{pause.warning}</p> : null}
            </div>
          ) : (
            <p className="text-sm text-muted">目前没有登记即将到来的休刊。</p>
          )}
          <p className="mt-4 text-sm">
            <Link href="/admin/pauses" className="text-brand underline-offset-4 hover:underline">
              休刊管理 →
            </Link>
          </p>
        </Panel>
      </div>
    </div>
  );
}
