import type { Metadata } from "next";
import Link from "next/link";
import { chineseDate } from "@/lib/dates";
import { parseSearchInput, searchArticles, searchColumns, type SearchFilters, type SearchHit } from "@/lib/search";
import type { SnippetPart } from "@/lib/search-text";

// Results depend on the query string; each search is rendered on demand.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearchInput(await searchParams);
  return { title: q ? `搜索：${q}` : "搜索", robots: { index: false } };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const [result, columns] = await Promise.all([searchArticles(params), searchColumns()]);
  const filters = result?.filters ?? parseSearchInput(params);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="font-serif text-2xl font-bold">
        搜索 <span className="text-base font-normal text-muted">Search</span>
      </h1>
      <SearchForm filters={filters} columns={columns} />
      {result && (
        <section aria-labelledby="search-results" className="space-y-4">
          <h2 id="search-results" className="text-sm text-muted" aria-live="polite">
            {result.total > 0 ? (
              <>
                共 <strong className="text-ink">{result.total.toLocaleString("zh-CN")}{result.totalCapped ? "+" : ""}</strong> 条结果
                <span className="ml-2 text-xs">
                  {result.total.toLocaleString("en-US")}
                  {result.totalCapped ? "+" : ""} results
                </span>
              </>
            ) : (
              "没有结果 No results"
            )}
          </h2>
          {result.total === 0 ? (
            <NoResults q={filters.q} filtered={Boolean(filters.from || filters.to || filters.column)} />
          ) : result.hits.length === 0 ? (
            <p className="text-sm">
              这一页没有结果。<Link href={pageHref(filters, 1)} className="text-brand hover:underline">回到第1页</Link>
            </p>
          ) : (
            <ol className="divide-y divide-rule">
              {result.hits.map((hit) => (
                <Hit key={hit.id} hit={hit} />
              ))}
            </ol>
          )}
          {result.pageCount > 1 && <Pagination filters={filters} pageCount={result.pageCount} />}
        </section>
      )}
    </div>
  );
}

function SearchForm({ filters, columns }: { filters: SearchFilters; columns: string[] }) {
  return (
    <form action="/search" method="get" role="search" aria-label="搜索文章 Search articles" className="space-y-3 rounded border border-rule bg-white/70 p-4">
      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor="search-q" className="w-full text-sm font-medium">
          搜索 Search
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={filters.q}
          maxLength={50}
          placeholder="标题、正文、作者、栏目…"
          className="min-w-0 flex-1 rounded border border-rule px-3 py-2"
        />
        <button type="submit" className="rounded bg-brand px-4 py-2 text-white">
          搜索
        </button>
      </div>
      <fieldset className="flex flex-wrap items-end gap-3 text-sm">
        <legend className="sr-only">筛选 Filters</legend>
        <label className="flex flex-col gap-1">
          <span>
            起始日期 <span className="text-xs text-muted">From</span>
          </span>
          <input name="from" type="date" defaultValue={filters.from ?? ""} className="rounded border border-rule px-2 py-1" />
        </label>
        <label className="flex flex-col gap-1">
          <span>
            截止日期 <span className="text-xs text-muted">To</span>
          </span>
          <input name="to" type="date" defaultValue={filters.to ?? ""} className="rounded border border-rule px-2 py-1" />
        </label>
        <label className="flex flex-col gap-1">
          <span>
            栏目 <span className="text-xs text-muted">Column</span>
          </span>
          <select name="column" defaultValue={filters.column ?? ""} className="rounded border border-rule px-2 py-1">
            <option value="">全部栏目 All</option>
            {filters.column && !columns.includes(filters.column) && <option value={filters.column}>{filters.column}</option>}
            {columns.map((column) => (
              <option key={column} value={column}>
                {column}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </form>
  );
}

function Marked({ parts }: { parts: SnippetPart[] }) {
  return parts.map((part, i) =>
    part.mark ? (
      <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-inherit">
        {part.text}
      </mark>
    ) : (
      part.text
    ),
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  return (
    <li className="space-y-1 py-4">
      {hit.kicker && <p className="text-xs text-muted">{hit.kicker}</p>}
      <h3 className="font-serif text-lg font-bold leading-snug">
        <Link href={`/articles/${hit.id}`} className="hover:text-brand">
          <Marked parts={hit.title} />
        </Link>
      </h3>
      {hit.subtitle && <p className="text-sm text-muted">{hit.subtitle}</p>}
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
        <time dateTime={hit.date}>{chineseDate(hit.date)}</time>
        <Link href={`/issues/${hit.date}/pages/${hit.pageNumber}`} className="hover:text-brand">
          第{hit.pageNumber}版 · {hit.pageName}
        </Link>
        {hit.column && <span>{hit.column}</span>}
        {hit.byline && <span>{hit.byline}</span>}
        {hit.access === "free" ? (
          <span className="rounded border border-green-700 px-1 text-green-800">免费 Free</span>
        ) : (
          <span className="rounded border border-brand px-1 text-brand">订阅 Subscribers</span>
        )}
      </p>
      {hit.snippet.length > 0 && (
        <p className="text-sm leading-relaxed">
          <Marked parts={hit.snippet} />
        </p>
      )}
    </li>
  );
}

function NoResults({ q, filtered }: { q: string; filtered: boolean }) {
  return (
    <div className="space-y-2 rounded border border-rule bg-white/70 p-4 text-sm">
      <p className="font-medium">没有找到与「{q}」相关的文章</p>
      <p className="text-xs text-muted">No articles found</p>
      <ul className="list-disc space-y-1 pl-5 text-muted">
        <li>试试更短或更常用的词，如「乳业」而不是整句话。</li>
        <li>检查错别字，或换一个说法。</li>
        {filtered && <li>放宽日期范围，或选择「全部栏目」。</li>}
        <li>订阅文章只能搜索到标题和导语。</li>
      </ul>
    </div>
  );
}

function pageHref(filters: SearchFilters, page: number): string {
  const query = new URLSearchParams({ q: filters.q });
  if (filters.from) query.set("from", filters.from);
  if (filters.to) query.set("to", filters.to);
  if (filters.column) query.set("column", filters.column);
  if (page > 1) query.set("page", String(page));
  return `/search?${query}`;
}

function Pagination({ filters, pageCount }: { filters: SearchFilters; pageCount: number }) {
  const current = filters.page;
  const last = Math.min(pageCount, 250);
  const pages = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, last])].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b);
  return (
    <nav aria-label="分页 Pages" className="flex flex-wrap items-center gap-2 text-sm">
      {current > 1 && (
        <Link href={pageHref(filters, current - 1)} className="rounded border border-rule px-3 py-1 hover:text-brand" rel="prev">
          ← 上一页
        </Link>
      )}
      {pages.map((p, i) => (
        <span key={p} className="flex items-center gap-2">
          {i > 0 && p - pages[i - 1]! > 1 && <span aria-hidden="true">…</span>}
          {p === current ? (
            <span aria-current="page" className="rounded bg-brand px-3 py-1 text-white">
              {p}
            </span>
          ) : (
            <Link href={pageHref(filters, p)} className="rounded border border-rule px-3 py-1 hover:text-brand">
              {p}
            </Link>
          )}
        </span>
      ))}
      {current < last && (
        <Link href={pageHref(filters, current + 1)} className="rounded border border-rule px-3 py-1 hover:text-brand" rel="next">
          下一页 →
        </Link>
      )}
      <span className="text-xs text-muted">
        第{current}/{pageCount}页
      </span>
    </nav>
  );
}
