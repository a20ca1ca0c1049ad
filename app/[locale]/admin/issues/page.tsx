import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireStaff } from "@/lib/access";
import { formatYearMonth, parseYearMonth } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { paperDate, paperDateTime, paperWeekday } from "@/lib/i18n/format";
import { issueList, statuses, type IssueRow, type IssueStatus } from "./queries";
import { Gloss } from "./gloss";
import { StatusBadge } from "./status";

type Params = Promise<{ locale: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminIssues.list" });
  return { title: t("metaTitle") };
}

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

export default async function IssuesPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  await requireStaff("/admin/issues");
  const t = await getTranslations("adminIssues.list");
  const tStatus = await getTranslations("adminIssues.status");
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
            {t("title")} <Gloss text={t("titleGloss")} className="font-sans text-sm font-normal text-muted" />
          </h1>
          <p className="mt-1 text-sm text-muted">{t("intro")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/admin/issues/import" className="inline-flex items-center rounded-md border border-ink bg-white px-4 py-2 text-sm hover:bg-stone-100">
            {t("import")} <Gloss text={t("importGloss")} className="ml-1 text-xs text-muted" />
          </Link>
          <Link href="/admin/issues/new" className="inline-flex items-center rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
            {t("new")} <Gloss text={t("newGloss")} className="ml-1 text-xs opacity-80" />
          </Link>
        </div>
      </header>

      <form method="get" action="/admin/issues" className="flex flex-wrap items-end gap-3" aria-label={t("filterLabel")}>
        <div className="space-y-1">
          <label htmlFor="filter-status" className="block text-sm font-medium">
            {t("status")} <Gloss text={t("statusGloss")} className="text-xs font-normal text-muted" />
          </label>
          <select id="filter-status" name="status" defaultValue={status ?? ""} className="rounded-md border border-rule bg-white px-3 py-2 text-sm">
            <option value="">{t("allStatuses")}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {tStatus(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-month" className="block text-sm font-medium">
            {t("month")} <Gloss text={t("monthGloss")} className="text-xs font-normal text-muted" />
          </label>
          <input id="filter-month" name="month" type="month" defaultValue={month ? formatYearMonth(month) : ""} className="rounded-md border border-rule bg-white px-3 py-2 text-sm" />
        </div>
        <button type="submit" className="rounded-md border border-ink bg-white px-4 py-2 text-sm hover:bg-stone-100">
          {t("filter")} <Gloss text={t("filterGloss")} className="text-xs text-muted" />
        </button>
        {filtered ? (
          <Link href="/admin/issues" className="py-2 text-sm text-muted hover:text-brand">
            {t("clearFilter")}
          </Link>
        ) : null}
      </form>

      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-rule px-4 py-6 text-center text-sm text-muted">
          {filtered ? t("noneFiltered") : t("none")}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-rule bg-white/60">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption", { total: String(total) })}</caption>
            <thead className="border-b border-rule text-xs text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("colNumber")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("colDate")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("colStatus")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("colPages")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("colTime")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-rule">
              {rows.map((issue) => (
                <IssueRowView key={issue.id} issue={issue} locale={locale as Locale} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 ? (
        <nav aria-label={t("pagination")} className="flex items-center justify-between text-sm">
          {page > 1 ? (
            <Link href={href(page - 1)} className="rounded-md border border-rule bg-white px-3 py-1.5 hover:border-ink">
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-muted">{t("pageOf", { page: String(page), pages: String(pages), total: String(total) })}</span>
          {page < pages ? (
            <Link href={href(page + 1)} className="rounded-md border border-rule bg-white px-3 py-1.5 hover:border-ink">
              {t("next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}

async function IssueRowView({ issue, locale }: { issue: IssueRow; locale: Locale }) {
  const t = await getTranslations("adminIssues");
  const time =
    issue.status === "published" && issue.publishedAt
      ? t("list.publishedAt", { time: paperDateTime(issue.publishedAt, locale) })
      : issue.status === "scheduled" && issue.publishAt
        ? t("list.scheduledFor", { time: paperDateTime(issue.publishAt, locale) })
        : "—";
  return (
    <tr data-issue-id={issue.id}>
      <td className="px-3 py-2">
        <Link href={`/admin/issues/${issue.id}`} className="font-medium hover:text-brand hover:underline">
          {t("common.issueNumber", { number: String(issue.number) })}
        </Link>
      </td>
      <td className="px-3 py-2">
        {paperDate(issue.date, locale)} <span className="text-muted">{paperWeekday(issue.date, locale)}</span>
      </td>
      <td className="px-3 py-2">
        <StatusBadge status={issue.status} />
      </td>
      <td className="px-3 py-2">{t("common.pageCount", { count: issue.pageCount })}</td>
      <td className="px-3 py-2 text-muted">{time}</td>
    </tr>
  );
}
