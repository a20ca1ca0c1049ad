import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/admin/chart-bars";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { qrScansToday } from "@/lib/qr/analytics";
import { nextIssueDefaults } from "@/lib/calendar";
import {
  activeSubscribersBySource,
  formatYuan,
  monthlyRecurringRevenueFen,
  newVsEndedPerDay,
  nextScheduledIssue,
  readsPerDay,
  SOURCE_ORDER,
  todaysIssue,
  topArticlesToday,
  type IssueStatusView,
} from "@/lib/dashboard";
import { chineseDate, chineseWeekday, todayInPaperZone } from "@/lib/dates";
import { formatPaperTime } from "@/lib/issues-admin";
import { pauseRangeText } from "@/lib/pause-notice";
import { pauseList } from "./pauses/queries";

export const metadata: Metadata = { title: "概览" };

const SOURCE_LABEL = { subscription: "自动续订", prepaid: "预付", gift: "礼物", comp: "赠阅" } as const;

function Heading({ id, children, english }: { id: string; children: React.ReactNode; english: string }) {
  return (
    <h2 id={id} className="mb-2 font-serif text-lg font-bold">
      {children} <span className="font-sans text-xs font-normal text-muted">{english}</span>
    </h2>
  );
}

function issueStatusText(issue: IssueStatusView): string {
  if (issue.status === "published") return issue.publishedAt ? `已出版 · ${formatPaperTime(issue.publishedAt)}` : "已出版";
  if (issue.status === "scheduled") return issue.publishAt ? `已定时 · 将于 ${formatPaperTime(issue.publishAt)} 出版` : "已定时";
  return "草稿 · 尚未安排出版";
}

/** The staff landing page. Editors see the editorial panels; subscriber and money figures are for admins. */
export default async function AdminHome() {
  const viewer = await requireStaff("/admin");
  const isAdmin = viewer.role === "admin";
  const today = todayInPaperZone();
  const [next, { upcoming }, todayIssue, scheduled, reads, top, qr] = await Promise.all([
    nextIssueDefaults(today),
    pauseList(today),
    todaysIssue(),
    nextScheduledIssue(),
    readsPerDay(14),
    topArticlesToday(5),
    qrScansToday(),
  ]);
  const pause = upcoming[0];
  const money = isAdmin ? await Promise.all([activeSubscribersBySource(), monthlyRecurringRevenueFen(), newVsEndedPerDay(30)]) : null;
  const readsToday = reads.at(-1)?.count ?? 0;

  return (
    <div className="space-y-6">
      <h1 className="font-serif text-2xl font-bold">
        您好,{viewer.name ?? viewer.email} <span className="font-sans text-sm font-normal text-muted">Overview</span>
      </h1>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        <Panel labelledBy="admin-today-issue">
          <Heading id="admin-today-issue" english="Today's issue">今日报纸</Heading>
          <p className="mb-1 text-sm text-muted">
            {chineseDate(today)} {chineseWeekday(today)}
          </p>
          {todayIssue ? (
            <div className="space-y-1">
              <p className="text-base">
                <Link href={`/admin/issues/${todayIssue.id}`} className="hover:text-brand hover:underline">
                  总第{todayIssue.number}期
                </Link>
              </p>
              <p className={`text-sm ${todayIssue.status === "published" ? "text-green-800" : "text-brand"}`}>{issueStatusText(todayIssue)}</p>
            </div>
          ) : (
            <p className="text-sm">今天没有一期报纸。</p>
          )}
        </Panel>
        <Panel labelledBy="admin-next-issue">
          <Heading id="admin-next-issue" english="Next issue">下一期</Heading>
          {next ? (
            <p className="text-base">
              {chineseDate(next.date)} {chineseWeekday(next.date)}
              <span className="ml-2 text-muted">总第{next.number}期</span>
            </p>
          ) : (
            <p className="text-sm text-muted">两年内没有出版日:请检查出版日程。</p>
          )}
          <p className="mt-1 text-xs text-muted">按期号顺序排在最后一期之后。</p>
        </Panel>
        <Panel labelledBy="admin-next-scheduled">
          <Heading id="admin-next-scheduled" english="Next scheduled">定时出版</Heading>
          {scheduled ? (
            <div className="space-y-1">
              <p className="text-base">
                <Link href={`/admin/issues/${scheduled.id}`} className="hover:text-brand hover:underline">
                  总第{scheduled.number}期 · {chineseDate(scheduled.date)}
                </Link>
              </p>
              {scheduled.publishAt ? <p className="text-sm text-muted">将于 {formatPaperTime(scheduled.publishAt)} 出版</p> : null}
            </div>
          ) : (
            <p className="text-sm text-muted">没有已定时的期次。</p>
          )}
        </Panel>
        <Panel labelledBy="admin-next-pause">
          <Heading id="admin-next-pause" english="Next pause">下一次休刊</Heading>
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

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Panel labelledBy="admin-reads">
            <Heading id="admin-reads" english="Article reads, last 14 days">文章阅读量</Heading>
            <p className="mb-2 text-sm">
              今日 <strong className="text-lg">{readsToday}</strong> 次
            </p>
            <BarChart
              title="近 14 天文章阅读量"
              description={`每日阅读次数(北京时间),${reads[0]?.day} 至 ${reads.at(-1)?.day}。只计次数,不记录读者。`}
              labels={reads.map((r) => r.day)}
              series={[{ name: "阅读", values: reads.map((r) => r.count), className: "fill-brand", swatch: "bg-brand" }]}
            />
          </Panel>
        </div>
        <div className="space-y-4">
          <Panel labelledBy="admin-top-articles">
            <Heading id="admin-top-articles" english="Most read today">今日热读</Heading>
            {top.length === 0 ? (
              <p className="text-sm text-muted">今天还没有阅读记录。</p>
            ) : (
              <ol className="list-decimal space-y-1 pl-5 text-sm">
                {top.map((a) => (
                  <li key={a.id}>
                    <Link href={`/articles/${a.id}`} className="hover:text-brand hover:underline">
                      {a.title}
                    </Link>
                    <span className="ml-1 text-muted">
                      {a.reads} 次 · {a.issueDate.slice(5)} 第{a.pageNumber}版
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </Panel>
          <Panel labelledBy="admin-qr">
            <Heading id="admin-qr" english="QR scans today">今日扫码</Heading>
            <p className="text-base">
              {qr.scans} 次扫码 <span className="text-muted">· {qr.visitors} 位访客(不含机器人)</span>
            </p>
            <p className="mt-1 text-sm">
              <Link href="/admin/qr" className="text-brand underline-offset-4 hover:underline">
                二维码与扫码统计 →
              </Link>
            </p>
          </Panel>
        </div>
      </div>

      {money ? <SubscriberPanels bySource={money[0]} mrrFen={money[1]} flow={money[2]} /> : null}
    </div>
  );
}

function SubscriberPanels({
  bySource,
  mrrFen,
  flow,
}: {
  bySource: Awaited<ReturnType<typeof activeSubscribersBySource>>;
  mrrFen: number;
  flow: Awaited<ReturnType<typeof newVsEndedPerDay>>;
}) {
  const started = flow.reduce((sum, d) => sum + d.started, 0);
  const ended = flow.reduce((sum, d) => sum + d.ended, 0);
  return (
    <section aria-labelledby="admin-subscribers-section" className="space-y-4">
      <h2 id="admin-subscribers-section" className="font-serif text-xl font-bold">
        订阅 <span className="font-sans text-xs font-normal text-muted">Subscribers (admins only)</span>
      </h2>
      <div className="grid gap-4 md:grid-cols-3">
        <Panel labelledBy="admin-active-subscribers">
          <Heading id="admin-active-subscribers" english="Active subscribers">有效订户</Heading>
          <p className="text-3xl font-bold">{bySource.total}</p>
          <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
            {SOURCE_ORDER.map((source) => (
              <div key={source} className="contents">
                <dt className="text-muted">{SOURCE_LABEL[source]}</dt>
                <dd className="text-right tabular-nums">{bySource[source]}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-xs text-muted">每位读者只计一次,按 自动续订 &gt; 预付 &gt; 礼物 &gt; 赠阅 归类。</p>
        </Panel>
        <Panel labelledBy="admin-mrr">
          <Heading id="admin-mrr" english="MRR (CNY)">月经常性收入</Heading>
          <p className="text-3xl font-bold tabular-nums">{formatYuan(mrrFen)}</p>
          <p className="mt-2 text-xs text-muted">有效(含扣款重试中)的自动续订,年付按 ÷12 计;试用期和预付不计。</p>
        </Panel>
        <Panel labelledBy="admin-flow-summary">
          <Heading id="admin-flow-summary" english="Last 30 days">近 30 天</Heading>
          <p className="text-sm">
            新增 <strong className="text-2xl tabular-nums">{started}</strong> 人 · 流失 <strong className="text-2xl tabular-nums">{ended}</strong> 人
          </p>
          <p className="mt-2 text-xs text-muted">续订、接续的预付或礼物不计为新增或流失。</p>
        </Panel>
      </div>
      <Panel labelledBy="admin-flow-chart">
        <Heading id="admin-flow-chart" english="New vs ended per day">每日新增与流失</Heading>
        <BarChart
          title="近 30 天每日新增与流失订户"
          description={`每日开始有阅读权限与失去阅读权限的读者人数(北京时间),${flow[0]?.day} 至 ${flow.at(-1)?.day}。`}
          labels={flow.map((d) => d.day)}
          series={[
            { name: "新增", values: flow.map((d) => d.started), className: "fill-green-700", swatch: "bg-green-700" },
            { name: "流失", values: flow.map((d) => d.ended), className: "fill-stone-400", swatch: "bg-stone-400" },
          ]}
        />
      </Panel>
    </section>
  );
}
