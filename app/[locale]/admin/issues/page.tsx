import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/access";
import { chineseDate, chineseWeekday, formatYearMonth, parseYearMonth } from "@/lib/dates";
import { formatPaperTime } from "@/lib/issues-admin";
import { issueList, statuses, type IssueRow, type IssueStatus } from "./queries";
import { StatusBadge, statusLabel } from "./status";

export const metadata: Metadata = { title: "期次" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

export default async function IssuesPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaff("/admin/issues");
  const query = await searchParams;
  const status = (statuses as readonly string[]).includes(one(query.status)) ? (one(query.status) as IssueStatus) : null;
  const month = parseYearMonth(one(query.month));
  const requested = /^[1-9]\d{0,5}$/.test(one(query.page)) ? Number(one(query.page)) : 1;
  const { rows, total, pages } = await issueList({ status, month, page: requested });
  const page = Math.min(requested, pages);
  const filtered = Boolean(status || month);

  const href = (p: number) => {
    const params = new URLSearchParams();
    if (status) params.set("status", status);
    if (month) params.set("month", formatYearMonth(month));
    if (p > 1) params.set("page", String(p));
    const qs = params.toString();
    return qs ? `/admin/issues?${qs}` : "/admin/issues";
  };

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-serif text-2xl font-bold">
            期次 <span className="font-sans text-sm font-normal text-muted">Issues</span>
          </h1>
          <p className="mt-1 text-sm text-muted">新建的期次为草稿;立即出版或定时出版后读者才能看到。时间均为北京时间。</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/admin/issues/import" className="inline-flex items-center rounded-md border border-ink bg-white px-4 py-2 text-sm hover:bg-stone-100">
            导入期次 <span className="ml-1 text-xs text-muted">Import</span>
          </Link>
          <Link href="/admin/issues/new" className="inline-flex items-center rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
            新建期次 <span className="ml-1 text-xs opacity-80">New</span>
          </Link>
        </div>
      </header>

      <form method="get" action="/admin/issues" className="flex flex-wrap items-end gap-3" aria-label="筛选期次">
        <div className="space-y-1">
          <label htmlFor="filter-status" className="block text-sm font-medium">
            状态 <span className="text-xs font-normal text-muted">Status</span>
          </label>
          <select id="filter-status" name="status" defaultValue={status ?? ""} className="rounded-md border border-rule bg-white px-3 py-2 text-sm">
            <option value="">全部</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel[s].zh}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-month" className="block text-sm font-medium">
            月份 <span className="text-xs font-normal text-muted">Month</span>
          </label>
          <input id="filter-month" name="month" type="month" defaultValue={month ? formatYearMonth(month) : ""} className="rounded-md border border-rule bg-white px-3 py-2 text-sm" />
        </div>
        <button type="submit" className="rounded-md border border-ink bg-white px-4 py-2 text-sm hover:bg-stone-100">
          筛选 <span className="text-xs text-muted">Filter</span>
        </button>
        {filtered ? (
          <Link href="/admin/issues" className="py-2 text-sm text-muted hover:text-brand">
            清除筛选
          </Link>
        ) : null}
      </form>

      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-rule px-4 py-6 text-center text-sm text-muted">
          {filtered ? "没有符合筛选条件的期次。" : "还没有期次。点「新建期次」开始第一期。"}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-rule bg-white/60">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">期次列表,共{total}期</caption>
            <thead className="border-b border-rule text-xs text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">期号</th>
                <th scope="col" className="px-3 py-2 font-medium">出版日期</th>
                <th scope="col" className="px-3 py-2 font-medium">状态</th>
                <th scope="col" className="px-3 py-2 font-medium">版数</th>
                <th scope="col" className="px-3 py-2 font-medium">出版/定时(北京时间)</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-rule">
              {rows.map((issue) => (
                <IssueRowView key={issue.id} issue={issue} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 ? (
        <nav aria-label="分页" className="flex items-center justify-between text-sm">
          {page > 1 ? (
            <Link href={href(page - 1)} className="rounded-md border border-rule bg-white px-3 py-1.5 hover:border-ink">
              ← 上一页
            </Link>
          ) : (
            <span />
          )}
          <span className="text-muted">
            第{page}/{pages}页 · 共{total}期
          </span>
          {page < pages ? (
            <Link href={href(page + 1)} className="rounded-md border border-rule bg-white px-3 py-1.5 hover:border-ink">
              下一页 →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}

function IssueRowView({ issue }: { issue: IssueRow }) {
  const time =
    issue.status === "published" && issue.publishedAt
      ? `出版于 ${formatPaperTime(issue.publishedAt)}`
      : issue.status === "scheduled" && issue.publishAt
        ? `定于 ${formatPaperTime(issue.publishAt)}`
        : "—";
  return (
    <tr data-issue-id={issue.id}>
      <td className="px-3 py-2">
        <Link href={`/admin/issues/${issue.id}`} className="font-medium hover:text-brand hover:underline">
          总第{issue.number}期
        </Link>
      </td>
      <td className="px-3 py-2">
        {chineseDate(issue.date)} <span className="text-muted">{chineseWeekday(issue.date)}</span>
      </td>
      <td className="px-3 py-2">
        <StatusBadge status={issue.status} />
      </td>
      <td className="px-3 py-2">{issue.pageCount}版</td>
      <td className="px-3 py-2 text-muted">{time}</td>
    </tr>
  );
}
