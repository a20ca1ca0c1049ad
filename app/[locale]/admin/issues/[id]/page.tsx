import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import type { Locale } from "@/lib/i18n/config";
import { paperDate, paperDateTime, paperWeekday } from "@/lib/i18n/format";
import { issueDateProblem } from "@/lib/calendar";
import { instantToWallTime } from "@/lib/issues-admin";
import { parseIdParam } from "@/lib/params";
import { ConfirmIssueAction, ScheduleIssueForm } from "../issue-tools";
import { Gloss } from "../gloss";
import { IssueArticlesPanel } from "./articles-panel";
import { IssuePagesPanel } from "./pages-panel";
import { issueById } from "../queries";
import { StatusBadge } from "../status";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminIssues.detail" });
  return { title: t("metaTitle") };
}

/** The ?done= notices, by their key under adminIssues.detail.done. */
const doneKeys = { created: "created", published: "published", unpublished: "unpublished", unscheduled: "unscheduled", scheduled: "scheduled", "article-deleted": "articleDeleted" } as const;

export default async function IssuePage({ params, searchParams }: Props) {
  const { locale: raw, id: rawId } = await params;
  const locale = raw as Locale;
  setRequestLocale(locale);
  const id = parseIdParam(rawId);
  await requireStaff(`/admin/issues/${id ?? ""}`);
  const t = await getTranslations("adminIssues");
  const issue = id ? await issueById(id) : null;
  if (!issue) notFound();
  const [problem, query] = await Promise.all([issueDateProblem(issue.date, locale), searchParams]);
  const doneKey = typeof query.done === "string" && Object.hasOwn(doneKeys, query.done) ? doneKeys[query.done as keyof typeof doneKeys] : undefined;
  const done = doneKey ? t(`detail.done.${doneKey}`) : undefined;
  const now = new Date();
  const label = t("common.dateAndNumber", { date: paperDate(issue.date, locale), number: String(issue.number) });

  // Default: 06:00 Beijing time on the issue's day, or the next hour when that has passed.
  const morning = new Date(`${issue.date}T06:00:00+08:00`);
  const nextHour = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000);
  const suggested = issue.publishAt ?? (morning > now ? morning : nextHour);

  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <p className="text-sm">
        <Link href="/admin/issues" className="text-muted hover:text-brand">
          {t("common.backToIssues")}
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">
        {t("common.issueNumber", { number: String(issue.number) })} <Gloss text={t("detail.headingGloss")} className="font-sans text-sm font-normal text-muted" />
      </h1>
      {done ? (
        <p role="status" className="rounded-md border border-emerald-700/30 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {done}
        </p>
      ) : null}
      {problem && issue.status !== "published" ? (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t("detail.warning", { problem })}
        </p>
      ) : null}

      <Panel labelledBy="issue-details-heading">
        <h2 id="issue-details-heading" className="sr-only">
          {t("detail.details")}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted">{t("detail.date")}</dt>
          <dd>{t("detail.dateWithWeekday", { date: paperDate(issue.date, locale), weekday: paperWeekday(issue.date, locale) })}</dd>
          <dt className="text-muted">{t("detail.status")}</dt>
          <dd>
            <StatusBadge status={issue.status} />
          </dd>
          <dt className="text-muted">{t("detail.pages")}</dt>
          <dd>{t("common.pageCount", { count: issue.pageCount })}</dd>
          {issue.status === "scheduled" && issue.publishAt ? (
            <>
              <dt className="text-muted">{t("detail.scheduledAt")}</dt>
              <dd>
                {paperDateTime(issue.publishAt, locale)}
                {t("common.beijingTime")}
              </dd>
            </>
          ) : null}
          {issue.status === "published" && issue.publishedAt ? (
            <>
              <dt className="text-muted">{t("detail.publishedAt")}</dt>
              <dd>
                {paperDateTime(issue.publishedAt, locale)}
                {t("common.beijingTime")} ·{" "}
                <Link href={`/issues/${issue.date}`} className="text-brand underline underline-offset-4 hover:decoration-2">
                  {t("common.viewReaderPage")}
                </Link>
              </dd>
            </>
          ) : null}
          <dt className="text-muted">{t("detail.createdAt")}</dt>
          <dd>{paperDateTime(issue.createdAt, locale)}</dd>
          <dt className="text-muted">{t("detail.preview")}</dt>
          <dd>
            <Link href={`/admin/issues/${issue.id}/preview`} className="text-brand underline-offset-4 hover:underline">
              {t("detail.previewLink")}
            </Link>
          </dd>
        </dl>
      </Panel>

      <IssuePagesPanel issueId={issue.id} />
      <IssueArticlesPanel issueId={issue.id} />

      {issue.status === "published" ? (
        <Panel labelledBy="issue-unpublish-heading">
          <h2 id="issue-unpublish-heading" className="mb-3 font-serif text-lg font-bold">
            {t("detail.unpublish")} <Gloss text={t("detail.unpublishGloss")} className="font-sans text-xs font-normal text-muted" />
          </h2>
          <ConfirmIssueAction
            issueId={issue.id}
            kind="unpublish"
            ask={t("detail.unpublishAsk")}
            question={t("detail.unpublishQuestion", { label })}
            confirm={t("detail.unpublishConfirm")}
            pendingText={t("detail.unpublishPending")}
          />
        </Panel>
      ) : (
        <>
          <Panel labelledBy="issue-publish-heading">
            <h2 id="issue-publish-heading" className="mb-3 font-serif text-lg font-bold">
              {t("detail.publish")} <Gloss text={t("detail.publishGloss")} className="font-sans text-xs font-normal text-muted" />
            </h2>
            <ConfirmIssueAction
              issueId={issue.id}
              kind="publish"
              ask={t("detail.publishAsk")}
              question={t("detail.publishQuestion", { label })}
              confirm={t("detail.publishConfirm")}
              pendingText={t("detail.publishPending")}
            />
          </Panel>
          <Panel labelledBy="issue-schedule-heading">
            <h2 id="issue-schedule-heading" className="mb-3 font-serif text-lg font-bold">
              {t("detail.schedule")} <Gloss text={t("detail.scheduleGloss")} className="font-sans text-xs font-normal text-muted" />
            </h2>
            <ScheduleIssueForm issueId={issue.id} initial={instantToWallTime(suggested)} min={instantToWallTime(now)} />
            {issue.status === "scheduled" ? (
              <div className="mt-4 border-t border-rule pt-4">
                <ConfirmIssueAction
                  issueId={issue.id}
                  kind="unpublish"
                  ask={t("detail.unscheduleAsk")}
                  question={t("detail.unscheduleQuestion", { label })}
                  confirm={t("detail.unscheduleConfirm")}
                  pendingText={t("detail.unschedulePending")}
                />
              </div>
            ) : null}
          </Panel>
        </>
      )}
    </div>
  );
}
