import type { Metadata } from "next";
import { requireStaff } from "@/lib/access";
import { loadSchedule } from "@/lib/calendar";
import { chineseDate, todayInPaperZone } from "@/lib/dates";
import { weekdaysOn } from "@/lib/schedule";
import { ScheduleChangeForm, WithdrawChangeForm } from "./schedule-forms";

export const metadata: Metadata = { title: "出版日程" };

const names = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];
const list = (days: readonly number[]) => days.map((d) => names[d]).join("、");

/** The weekdays the paper appears on, changed from a date on; past issues keep their schedule. */
export default async function SchedulePage() {
  await requireStaff("/admin/schedule");
  const schedule = await loadSchedule();
  const today = todayInPaperZone();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="font-serif text-2xl font-bold">出版日程 <span className="text-sm font-normal text-muted">Schedule</span></h1>
      <p>目前每{list(weekdaysOn(today, schedule))}出版。</p>
      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading" className="mb-2 font-bold">日程变更</h2>
        {schedule.changes.length === 0 ? (
          <p className="text-sm text-muted">没有日程变更。</p>
        ) : (
          <ul className="space-y-2">
            {schedule.changes.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-3 rounded border border-rule bg-white px-3 py-2 text-sm">
                <span>
                  自 {chineseDate(c.effectiveFrom)} 起:每{list(c.weekdays)}
                  {c.effectiveFrom <= today && <span className="ml-2 text-muted">(已生效)</span>}
                </span>
                {c.effectiveFrom > today && <WithdrawChangeForm id={c.id} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-change-heading" className="rounded-lg border border-rule bg-white p-5">
        <h2 id="new-change-heading" className="mb-3 font-bold">新增变更</h2>
        <p className="mb-3 text-sm text-muted">变更最早从明天起生效,且只能在最后一期已出版报纸之后;之前的报纸保持原日程。</p>
        <ScheduleChangeForm current={weekdaysOn(today, schedule)} />
      </section>
    </div>
  );
}
