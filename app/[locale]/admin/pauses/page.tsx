import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/access";
import { chineseDate, chineseMonthDay, chineseWeekday, todayInPaperZone } from "@/lib/dates";
import { pauseRangeText } from "@/lib/pause-notice";
import { pauseList, type PauseView } from "./queries";

export const metadata: Metadata = { title: "休刊管理" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PausesPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaff("/admin/pauses");
  const today = todayInPaperZone();
  const [{ upcoming, past }, query] = await Promise.all([pauseList(today), searchParams]);
  const deleted = typeof query.deleted === "string" ? query.deleted : null;

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-serif text-2xl font-bold">
            休刊管理 <span className="font-sans text-sm font-normal text-muted">Pauses</span>
          </h1>
          <p className="mt-1 text-sm text-muted">休刊日不占期号;从公告日起,网站显示休刊提示,并邮件通知订阅了休刊通知的读者。</p>
        </div>
        <Link href="/admin/pauses/new" className="inline-flex items-center rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
          登记休刊 <span className="ml-1 text-xs opacity-80">New</span>
        </Link>
      </header>
      {deleted !== null ? (
        <p role="status" className="rounded-md border border-rule bg-white px-3 py-2 text-sm">
          已删除休刊({deleted})。
        </p>
      ) : null}
      <PauseSection id="upcoming" title="即将到来与进行中" english="Upcoming" pauses={upcoming} empty="目前没有登记即将到来的休刊。" today={today} />
      <PauseSection id="past" title="已结束" english="Past" pauses={past} empty="还没有已结束的休刊。" today={today} />
    </div>
  );
}

function PauseSection(props: { id: string; title: string; english: string; pauses: PauseView[]; empty: string; today: string }) {
  const headingId = `pauses-${props.id}-heading`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="font-serif text-lg font-bold">
        {props.title} <span className="font-sans text-xs font-normal text-muted">{props.english}</span>
      </h2>
      {props.pauses.length === 0 ? (
        <p className="rounded-md border border-dashed border-rule px-4 py-6 text-center text-sm text-muted">{props.empty}</p>
      ) : (
        <ul className="divide-y divide-rule overflow-hidden rounded-lg border border-rule bg-white/60">
          {props.pauses.map((p) => (
            <PauseItem key={p.id} pause={p} today={props.today} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PauseItem({ pause, today }: { pause: PauseView; today: string }) {
  const current = pause.startsOn <= today && today <= pause.endsOn;
  const days = pause.startsOn === pause.endsOn ? chineseWeekday(pause.startsOn) : `${chineseWeekday(pause.startsOn)}至${chineseWeekday(pause.endsOn)}`;
  return (
    <li className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between" data-pause-id={pause.id}>
      <div className="space-y-1">
        <p className="font-medium">
          <Link href={`/admin/pauses/${pause.id}`} className="hover:text-brand hover:underline">
            {pauseRangeText(pause.startsOn, pause.endsOn)}({days})· {pause.reason}
          </Link>
          {current ? <span className="ml-2 rounded bg-brand px-1.5 py-0.5 text-xs text-white">休刊中</span> : null}
        </p>
        <p className="text-sm text-muted">
          公告日 {chineseMonthDay(pause.announceDay)}
          {pause.announceOn ? "" : "(默认)"} · {pause.resumesOn ? `${chineseDate(pause.resumesOn)}恢复出报` : "恢复日期未定"}
          {pause.attached ? ` · 公告刊于总第${pause.attached.number}期` : ""}
        </p>
        {pause.warning ? (
          <p className="text-sm">
            <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">注意</span> {pause.warning}
          </p>
        ) : null}
      </div>
      <Link
        href={`/admin/pauses/${pause.id}`}
        aria-label={`编辑 ${pauseRangeText(pause.startsOn, pause.endsOn)} ${pause.reason}`}
        className="self-start rounded-md border border-rule bg-white px-3 py-1.5 text-sm hover:border-ink"
      >
        编辑
      </Link>
    </li>
  );
}
