import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Panel } from "@/components/ui/form-parts";
import { issueArticleOverview } from "@/lib/articles-admin";
import { Gloss } from "../gloss";

/** 稿件: the issue's articles by 版, in reading order, with links to edit and to add one. */
export async function IssueArticlesPanel({ issueId }: { issueId: number }) {
  const t = await getTranslations("adminIssues");
  const pages = await issueArticleOverview(issueId);
  const total = pages.reduce((n, p) => n + p.articles.length, 0);
  return (
    <Panel labelledBy="issue-articles-heading">
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="issue-articles-heading" className="font-serif text-lg font-bold">
          {t("articlesPanel.title")} <Gloss text={t("articlesPanel.titleGloss")} className="font-sans text-xs font-normal text-muted" />
          <span className="ml-2 font-sans text-sm font-normal text-muted">{t("articlesPanel.total", { count: total })}</span>
        </h2>
        {pages.length > 0 ? (
          <Link href={`/admin/issues/${issueId}/articles/new`} className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white transition hover:bg-brand-dark">
            {t("articlesPanel.new")} <Gloss text={t("articlesPanel.newGloss")} className="text-xs opacity-80" />
          </Link>
        ) : null}
      </div>
      {pages.length === 0 ? <p className="text-sm text-muted">{t("articlesPanel.noPages")}</p> : null}
      <div className="space-y-5">
        {pages.map((page) => (
          <section key={page.id} aria-labelledby={`articles-page-${page.id}`}>
            <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2 border-b border-rule pb-1">
              <h3 id={`articles-page-${page.id}`} className="text-sm font-bold">
                {t("common.pageLabel", { number: String(page.number), name: page.name })}
              </h3>
              <Link href={`/admin/issues/${issueId}/articles/new?page=${page.id}`} className="text-xs text-brand underline-offset-4 hover:underline">
                {t("articlesPanel.newOnPage")}
              </Link>
            </div>
            {page.articles.length === 0 ? (
              <p className="text-sm text-muted">{t("articlesPanel.noArticles")}</p>
            ) : (
              <ul className="divide-y divide-rule/60">
                {page.articles.map((article) => (
                  <li key={article.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2 text-sm">
                    <span className="w-8 shrink-0 text-right tabular-nums text-muted" title={t("articlesPanel.position")}>
                      {article.position}
                    </span>
                    <Link href={`/admin/issues/${issueId}/articles/${article.id}`} className="min-w-0 flex-1 font-medium hover:text-brand">
                      {article.column ? <span className="mr-1 text-brand">{t("articlesPanel.column", { column: article.column })}</span> : null}
                      {article.title}
                      <span className="sr-only">{t("articlesPanel.edit")}</span>
                    </Link>
                    <span className="flex flex-wrap gap-2 text-xs text-muted">
                      <span className={`rounded px-1.5 py-0.5 ${article.access === "free" ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`}>
                        {article.access === "free" ? t("articlesPanel.free") : t("articlesPanel.subscribers")}
                      </span>
                      <span>{t("articlesPanel.photos", { count: String(article.photoCount) })}</span>
                      <span className={article.zoneCount === 0 ? "text-brand" : undefined}>{t("articlesPanel.zones", { count: String(article.zoneCount) })}</span>
                      {article.isSample ? <span>{t("articlesPanel.sample")}</span> : null}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </Panel>
  );
}
