import Link from "next/link";
import { Panel } from "@/components/ui/form-parts";
import { issueArticleOverview } from "@/lib/articles-admin";

/** 稿件: the issue's articles by 版, in reading order, with links to edit and to add one. */
export async function IssueArticlesPanel({ issueId }: { issueId: number }) {
  const pages = await issueArticleOverview(issueId);
  const total = pages.reduce((n, p) => n + p.articles.length, 0);
  return (
    <Panel labelledBy="issue-articles-heading">
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="issue-articles-heading" className="font-serif text-lg font-bold">
          稿件 <span className="font-sans text-xs font-normal text-muted">Articles</span>
          <span className="ml-2 font-sans text-sm font-normal text-muted">共{total}篇</span>
        </h2>
        {pages.length > 0 ? (
          <Link href={`/admin/issues/${issueId}/articles/new`} className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white transition hover:bg-brand-dark">
            新增稿件 <span className="text-xs opacity-80">New</span>
          </Link>
        ) : null}
      </div>
      {pages.length === 0 ? <p className="text-sm text-muted">本期还没有版面。</p> : null}
      <div className="space-y-5">
        {pages.map((page) => (
          <section key={page.id} aria-labelledby={`articles-page-${page.id}`}>
            <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2 border-b border-rule pb-1">
              <h3 id={`articles-page-${page.id}`} className="text-sm font-bold">
                第{page.number}版 {page.name}
              </h3>
              <Link href={`/admin/issues/${issueId}/articles/new?page=${page.id}`} className="text-xs text-brand underline-offset-4 hover:underline">
                在本版新增稿件
              </Link>
            </div>
            {page.articles.length === 0 ? (
              <p className="text-sm text-muted">本版还没有稿件。</p>
            ) : (
              <ul className="divide-y divide-rule/60">
                {page.articles.map((article) => (
                  <li key={article.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2 text-sm">
                    <span className="w-8 shrink-0 text-right tabular-nums text-muted" title="顺序 Position">
                      {article.position}
                    </span>
                    <Link href={`/admin/issues/${issueId}/articles/${article.id}`} className="min-w-0 flex-1 font-medium hover:text-brand">
                      {article.column ? <span className="mr-1 text-brand">【{article.column}】</span> : null}
                      {article.title}
                      <span className="sr-only">(编辑)</span>
                    </Link>
                    <span className="flex flex-wrap gap-2 text-xs text-muted">
                      <span className={`rounded px-1.5 py-0.5 ${article.access === "free" ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`}>
                        {article.access === "free" ? "免费" : "订阅"}
                      </span>
                      <span>图片 {article.photoCount}</span>
                      <span className={article.zoneCount === 0 ? "text-brand" : undefined}>热区 {article.zoneCount}</span>
                      {article.isSample ? <span>示例</span> : null}
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
