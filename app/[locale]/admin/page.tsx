import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
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
import { todayInPaperZone, type IsoDate } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { paperDate, paperDateTime, paperWeekday } from "@/lib/i18n/format";
import { pauseRangeText } from "@/lib/pause-notice";
import { pauseList } from "./pauses/queries";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminPeople.dashboard" });
  return { title: t("metaTitle") };
}

/** A panel heading; the Chinese UI adds a short English name (`english`), the English UI has none. */
function Heading({ id, children, english }: { id: string; children: React.ReactNode; english: string }) {
  return (
    <h2 id={id} className="mb-2 font-serif text-lg font-bold">
      {children} {english ? <span className="font-sans text-xs font-normal text-muted">{english}</span> : null}
    </h2>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"adminPeople.dashboard">>>;

function issueStatusText(issue: IssueStatusView, t: T, locale: Locale): string {
  if (issue.status === "published") return issue.publishedAt ? t("issueStatus.publishedAt", { time: paperDateTime(issue.publishedAt, locale) }) : t("issueStatus.published");
  if (issue.status === "scheduled") return issue.publishAt ? t("issueStatus.scheduledAt", { time: paperDateTime(issue.publishAt, locale) }) : t("issueStatus.scheduled");
  return t("issueStatus.draft");
}

/** The staff landing page. Editors see the editorial panels; subscriber and money figures are for admins. */
export default async function AdminHome({ params }: { params: Params }) {
  const { locale: param } = await params;
  const locale = param as Locale;
  setRequestLocale(locale);
  const viewer = await requireStaff("/admin");
  const t = await getTranslations("adminPeople.dashboard");
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
  // pauseRangeText words the range in Chinese; the English UI spells out both days.
  const rangeText = (startsOn: IsoDate, endsOn: IsoDate) =>
    locale === "zh-CN" ? pauseRangeText(startsOn, endsOn) : startsOn === endsOn ? paperDate(startsOn, locale) : t("nextPause.range", { start: paperDate(startsOn, locale), end: paperDate(endsOn, locale) });

  return (
    <div className="space-y-6">
      <h1 className="font-serif text-2xl font-bold">
        {t("greeting", { name: viewer.name ?? viewer.email })}{" "}
        {t("greetingHint") ? <span className="font-sans text-sm font-normal text-muted">{t("greetingHint")}</span> : null}
      </h1>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        <Panel labelledBy="admin-today-issue">
          <Heading id="admin-today-issue" english={t("todayIssue.hint")}>{t("todayIssue.heading")}</Heading>
          <p className="mb-1 text-sm text-muted">
            {paperDate(today, locale)} {paperWeekday(today, locale)}
          </p>
          {todayIssue ? (
            <div className="space-y-1">
              <p className="text-base">
                <Link href={`/admin/issues/${todayIssue.id}`} className="hover:text-brand hover:underline">
                  {t("todayIssue.number", { number: todayIssue.number })}
                </Link>
              </p>
              <p className={`text-sm ${todayIssue.status === "published" ? "text-green-800" : "text-brand"}`}>{issueStatusText(todayIssue, t, locale)}</p>
            </div>
          ) : (
            <p className="text-sm">{t("todayIssue.none")}</p>
          )}
        </Panel>
        <Panel labelledBy="admin-next-issue">
          <Heading id="admin-next-issue" english={t("nextIssue.hint")}>{t("nextIssue.heading")}</Heading>
          {next ? (
            <p className="text-base">
              {paperDate(next.date, locale)} {paperWeekday(next.date, locale)}
              <span className="ml-2 text-muted">{t("nextIssue.number", { number: next.number })}</span>
            </p>
          ) : (
            <p className="text-sm text-muted">{t("nextIssue.none")}</p>
          )}
          <p className="mt-1 text-xs text-muted">{t("nextIssue.note")}</p>
        </Panel>
        <Panel labelledBy="admin-next-scheduled">
          <Heading id="admin-next-scheduled" english={t("nextScheduled.hint")}>{t("nextScheduled.heading")}</Heading>
          {scheduled ? (
            <div className="space-y-1">
              <p className="text-base">
                <Link href={`/admin/issues/${scheduled.id}`} className="hover:text-brand hover:underline">
                  {t("nextScheduled.link", { number: scheduled.number, date: paperDate(scheduled.date, locale) })}
                </Link>
              </p>
              {scheduled.publishAt ? <p className="text-sm text-muted">{t("nextScheduled.publishAt", { time: paperDateTime(scheduled.publishAt, locale) })}</p> : null}
            </div>
          ) : (
            <p className="text-sm text-muted">{t("nextScheduled.none")}</p>
          )}
        </Panel>
        <Panel labelledBy="admin-next-pause">
          <Heading id="admin-next-pause" english={t("nextPause.hint")}>{t("nextPause.heading")}</Heading>
          {pause ? (
            <div className="space-y-1 text-sm">
              <p className="text-base">
                <Link href={`/admin/pauses/${pause.id}`} className="hover:text-brand hover:underline">
                  {rangeText(pause.startsOn, pause.endsOn)} · {pause.reason}
                </Link>
              </p>
              <p className="text-muted">
                {t("nextPause.announce", {
                  date: paperDate(pause.announceDay, locale),
                  resumes: pause.resumesOn ? t("nextPause.resumes", { date: paperDate(pause.resumesOn, locale) }) : t("nextPause.resumesUnknown"),
                })}
              </p>
              {pause.warning ? <p>{t("nextPause.warning", { warning: pause.warning })}</p> : null}
            </div>
          ) : (
            <p className="text-sm text-muted">{t("nextPause.none")}</p>
          )}
          <p className="mt-4 text-sm">
            <Link href="/admin/pauses" className="text-brand underline-offset-4 hover:underline">
              {t("nextPause.manage")}
            </Link>
          </p>
        </Panel>
      </div>

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Panel labelledBy="admin-reads">
            <Heading id="admin-reads" english={t("reads.hint")}>{t("reads.heading")}</Heading>
            <p className="mb-2 text-sm">
              {t.rich("reads.today", { count: readsToday, strong: (chunks) => <strong className="text-lg">{chunks}</strong> })}
            </p>
            <BarChart
              title={t("reads.chartTitle")}
              description={t("reads.chartDescription", { from: String(reads[0]?.day), to: String(reads.at(-1)?.day) })}
              labels={reads.map((r) => r.day)}
              series={[{ name: t("reads.series"), values: reads.map((r) => r.count), className: "fill-brand", swatch: "bg-brand" }]}
            />
          </Panel>
        </div>
        <div className="space-y-4">
          <Panel labelledBy="admin-top-articles">
            <Heading id="admin-top-articles" english={t("top.hint")}>{t("top.heading")}</Heading>
            {top.length === 0 ? (
              <p className="text-sm text-muted">{t("top.none")}</p>
            ) : (
              <ol className="list-decimal space-y-1 pl-5 text-sm">
                {top.map((a) => (
                  <li key={a.id}>
                    <Link href={`/articles/${a.id}`} className="hover:text-brand hover:underline">
                      {a.title}
                    </Link>
                    <span className="ml-1 text-muted">
                      {t("top.meta", { reads: a.reads, date: a.issueDate.slice(5), page: a.pageNumber })}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </Panel>
          <Panel labelledBy="admin-qr">
            <Heading id="admin-qr" english={t("qr.hint")}>{t("qr.heading")}</Heading>
            <p className="text-base">
              {t("qr.scans", { scans: qr.scans })} <span className="text-muted">{t("qr.visitors", { visitors: qr.visitors })}</span>
            </p>
            <p className="mt-1 text-sm">
              <Link href="/admin/qr" className="text-brand underline-offset-4 hover:underline">
                {t("qr.link")}
              </Link>
            </p>
          </Panel>
        </div>
      </div>

      {money ? <SubscriberPanels bySource={money[0]} mrrFen={money[1]} flow={money[2]} t={t} locale={locale} /> : null}
    </div>
  );
}

function SubscriberPanels({
  bySource,
  mrrFen,
  flow,
  t,
  locale,
}: {
  bySource: Awaited<ReturnType<typeof activeSubscribersBySource>>;
  mrrFen: number;
  flow: Awaited<ReturnType<typeof newVsEndedPerDay>>;
  t: T;
  locale: Locale;
}) {
  const started = flow.reduce((sum, d) => sum + d.started, 0);
  const ended = flow.reduce((sum, d) => sum + d.ended, 0);
  return (
    <section aria-labelledby="admin-subscribers-section" className="space-y-4">
      <h2 id="admin-subscribers-section" className="font-serif text-xl font-bold">
        {t("subscribers.heading")} <span className="font-sans text-xs font-normal text-muted">{t("subscribers.hint")}</span>
      </h2>
      <div className="grid gap-4 md:grid-cols-3">
        <Panel labelledBy="admin-active-subscribers">
          <Heading id="admin-active-subscribers" english={t("subscribers.active.hint")}>{t("subscribers.active.heading")}</Heading>
          <p className="text-3xl font-bold">{bySource.total}</p>
          <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
            {SOURCE_ORDER.map((source) => (
              <div key={source} className="contents">
                <dt className="text-muted">{t(`subscribers.sources.${source}`)}</dt>
                <dd className="text-right tabular-nums">{bySource[source]}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-xs text-muted">{t("subscribers.active.note")}</p>
        </Panel>
        <Panel labelledBy="admin-mrr">
          <Heading id="admin-mrr" english={t("subscribers.mrr.hint")}>{t("subscribers.mrr.heading")}</Heading>
          <p className="text-3xl font-bold tabular-nums">{formatYuan(mrrFen, locale)}</p>
          <p className="mt-2 text-xs text-muted">{t("subscribers.mrr.note")}</p>
        </Panel>
        <Panel labelledBy="admin-flow-summary">
          <Heading id="admin-flow-summary" english={t("subscribers.flow.hint")}>{t("subscribers.flow.heading")}</Heading>
          <p className="text-sm">
            {t.rich("subscribers.flow.summary", { started, ended, strong: (chunks) => <strong className="text-2xl tabular-nums">{chunks}</strong> })}
          </p>
          <p className="mt-2 text-xs text-muted">{t("subscribers.flow.note")}</p>
        </Panel>
      </div>
      <Panel labelledBy="admin-flow-chart">
        <Heading id="admin-flow-chart" english={t("subscribers.flowChart.hint")}>{t("subscribers.flowChart.heading")}</Heading>
        <BarChart
          title={t("subscribers.flowChart.title")}
          description={t("subscribers.flowChart.description", { from: String(flow[0]?.day), to: String(flow.at(-1)?.day) })}
          labels={flow.map((d) => d.day)}
          series={[
            { name: t("subscribers.flowChart.started"), values: flow.map((d) => d.started), className: "fill-green-700", swatch: "bg-green-700" },
            { name: t("subscribers.flowChart.ended"), values: flow.map((d) => d.ended), className: "fill-stone-400", swatch: "bg-stone-400" },
          ]}
        />
      </Panel>
    </section>
  );
}
