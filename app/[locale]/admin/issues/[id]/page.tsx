import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { issueDateProblem } from "@/lib/calendar";
import { chineseDate, chineseWeekday } from "@/lib/dates";
import { formatPaperTime, instantToWallTime } from "@/lib/issues-admin";
import { parseIdParam } from "@/lib/params";
import { ConfirmIssueAction, ScheduleIssueForm } from "../issue-tools";
import { IssueArticlesPanel } from "./articles-panel";
import { IssuePagesPanel } from "./pages-panel";
import { issueById } from "../queries";
import { StatusBadge } from "../status";

export const metadata: Metadata = { title: "期次详情" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const doneText: Record<string, string> = {
  created: "期次已创建(草稿)。",
  published: "已出版,读者页面已刷新。",
  unpublished: "已撤回出版,该期回到草稿。",
  unscheduled: "已取消定时出版,该期回到草稿。",
  scheduled: "已安排定时出版。",
  "article-deleted": "稿件已删除。",
};

export default async function IssuePage({ params, searchParams }: Props) {
  const id = parseIdParam((await params).id);
  await requireStaff(`/admin/issues/${id ?? ""}`);
  const issue = id ? await issueById(id) : null;
  if (!issue) notFound();
  const [problem, query] = await Promise.all([issueDateProblem(issue.date), searchParams]);
  const done = typeof query.done === "string" ? doneText[query.done] : undefined;
  const now = new Date();
  const label = `${chineseDate(issue.date)} 总第${issue.number}期`;
  // Default: 06:00 Beijing time on the issue's day, or the next hour when that has passed.
  const morning = new Date(`${issue.date}T06:00:00+08:00`);
  const nextHour = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000);
  const suggested = issue.publishAt ?? (morning > now ? morning : nextHour);

  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <p className="text-sm">
        <Link href="/admin/issues" className="text-muted hover:text-brand">
          ← 期次
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">
        总第{issue.number}期 <span className="font-sans text-sm font-normal text-muted">Issue</span>
      </h1>
      {done ? (
        <p role="status" className="rounded-md border border-emerald-700/30 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {done}
        </p>
      ) : null}
      {problem && issue.status !== "published" ? (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          注意:{problem}。
        </p>
      ) : null}

      <Panel labelledBy="issue-details-heading">
        <h2 id="issue-details-heading" className="sr-only">
          详情
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted">出版日期</dt>
          <dd>
            {chineseDate(issue.date)}({chineseWeekday(issue.date)})
          </dd>
          <dt className="text-muted">状态</dt>
          <dd>
            <StatusBadge status={issue.status} />
          </dd>
          <dt className="text-muted">版数</dt>
          <dd>{issue.pageCount}版</dd>
          {issue.status === "scheduled" && issue.publishAt ? (
            <>
              <dt className="text-muted">定时出版</dt>
              <dd>{formatPaperTime(issue.publishAt)}(北京时间)</dd>
            </>
          ) : null}
          {issue.status === "published" && issue.publishedAt ? (
            <>
              <dt className="text-muted">出版时间</dt>
              <dd>
                {formatPaperTime(issue.publishedAt)}(北京时间) ·{" "}
                <Link href={`/issues/${issue.date}`} className="text-brand underline underline-offset-4 hover:decoration-2">
                  查看读者页面
                </Link>
              </dd>
            </>
          ) : null}
          <dt className="text-muted">创建时间</dt>
          <dd>{formatPaperTime(issue.createdAt)}</dd>
          <dt className="text-muted">预览</dt>
          <dd>
            <Link href={`/admin/issues/${issue.id}/preview`} className="text-brand underline-offset-4 hover:underline">
              以订阅读者视角预览本期
            </Link>
          </dd>
        </dl>
      </Panel>

      <IssuePagesPanel issueId={issue.id} />
      <IssueArticlesPanel issueId={issue.id} />

      {issue.status === "published" ? (
        <Panel labelledBy="issue-unpublish-heading">
          <h2 id="issue-unpublish-heading" className="mb-3 font-serif text-lg font-bold">
            撤回出版 <span className="font-sans text-xs font-normal text-muted">Unpublish</span>
          </h2>
          <ConfirmIssueAction
            issueId={issue.id}
            kind="unpublish"
            ask="撤回出版…"
            question={`确定撤回「${label}」吗?读者将看不到这一期,它回到草稿状态。`}
            confirm="确认撤回"
            pendingText="正在撤回…"
          />
        </Panel>
      ) : (
        <>
          <Panel labelledBy="issue-publish-heading">
            <h2 id="issue-publish-heading" className="mb-3 font-serif text-lg font-bold">
              立即出版 <span className="font-sans text-xs font-normal text-muted">Publish now</span>
            </h2>
            <ConfirmIssueAction
              issueId={issue.id}
              kind="publish"
              ask="立即出版…"
              question={`确定立即出版「${label}」吗?读者马上就能看到这一期。`}
              confirm="确认出版"
              pendingText="正在出版…"
            />
          </Panel>
          <Panel labelledBy="issue-schedule-heading">
            <h2 id="issue-schedule-heading" className="mb-3 font-serif text-lg font-bold">
              定时出版 <span className="font-sans text-xs font-normal text-muted">Schedule</span>
            </h2>
            <ScheduleIssueForm issueId={issue.id} initial={instantToWallTime(suggested)} min={instantToWallTime(now)} />
            {issue.status === "scheduled" ? (
              <div className="mt-4 border-t border-rule pt-4">
                <ConfirmIssueAction
                  issueId={issue.id}
                  kind="unpublish"
                  ask="取消定时出版…"
                  question={`确定取消「${label}」的定时出版吗?该期回到草稿状态。`}
                  confirm="确认取消"
                  pendingText="正在取消…"
                />
              </div>
            ) : null}
          </Panel>
        </>
      )}
    </div>
  );
}
