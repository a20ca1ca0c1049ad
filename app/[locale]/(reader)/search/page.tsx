import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { paperDate } from "@/lib/i18n/format";
import { parseSearchInput, searchArticles, searchColumns, type SearchFilters, type SearchHit } from "@/lib/search";
import type { SnippetPart } from "@/lib/search-text";

// Results depend on the query string; each search is rendered on demand.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

type T = Awaited<ReturnType<typeof getTranslations<"reader.search">>>;

/** What the search page's parts need besides their data: the words, and whether Chinese text carries its English gloss. */
type Words = { t: T; locale: Locale; gloss: boolean };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ locale }, input] = await Promise.all([params, searchParams]);
  const { q } = parseSearchInput(input);
  const t = await getTranslations({ locale: locale as Locale, namespace: "reader.search" });
  return { title: q ? t("metaTitleQuery", { q }) : t("metaTitle"), robots: { index: false } };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const input = await searchParams;
  const [result, columns, t] = await Promise.all([searchArticles(input), searchColumns(), getTranslations("reader.search")]);
  const filters = result?.filters ?? parseSearchInput(input);
  const words: Words = { t, locale, gloss: locale === "zh-CN" };
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="font-serif text-2xl font-bold">
        {t("heading")}
        {words.gloss && (
          <>
            {" "}
            <span className="text-base font-normal text-muted">{t("headingGloss")}</span>
          </>
        )}
      </h1>
      <SearchForm filters={filters} columns={columns} words={words} />
      {result && (
        <section aria-labelledby="search-results" className="space-y-4">
          <h2 id="search-results" className="text-sm text-muted" aria-live="polite">
            {result.total > 0 ? (
              <>
                {t.rich("total", {
                  total: result.total,
                  count: `${result.total.toLocaleString(locale)}${result.totalCapped ? "+" : ""}`,
                  strong: (chunks) => <strong className="text-ink">{chunks}</strong>,
                })}
                {words.gloss && <span className="ml-2 text-xs">{t("totalGloss", { count: `${result.total.toLocaleString("en-US")}${result.totalCapped ? "+" : ""}` })}</span>}
              </>
            ) : (
              t("noResults")
            )}
          </h2>
          {result.total === 0 ? (
            <NoResults q={filters.q} filtered={Boolean(filters.from || filters.to || filters.column)} words={words} />
          ) : result.hits.length === 0 ? (
            <p className="text-sm">
              {t.rich("emptyPage", {
                link: (chunks) => (
                  <Link href={pageHref(filters, 1)} className="text-brand hover:underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          ) : (
            <ol className="divide-y divide-rule">
              {result.hits.map((hit) => (
                <Hit key={hit.id} hit={hit} words={words} />
              ))}
            </ol>
          )}
          {result.pageCount > 1 && <Pagination filters={filters} pageCount={result.pageCount} t={t} />}
        </section>
      )}
    </div>
  );
}

/** A filter's name, with its English gloss on Chinese pages. */
function FieldName({ name, gloss }: { name: string; gloss: string | null }) {
  return (
    <span>
      {name}
      {gloss && (
        <>
          {" "}
          <span className="text-xs text-muted">{gloss}</span>
        </>
      )}
    </span>
  );
}

function SearchForm({ filters, columns, words: { t, gloss } }: { filters: SearchFilters; columns: string[]; words: Words }) {
  return (
    <form action="/search" method="get" role="search" aria-label={t("form.label")} className="space-y-3 rounded border border-rule bg-white/70 p-4">
      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor="search-q" className="w-full text-sm font-medium">
          {t("form.query")}
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={filters.q}
          maxLength={50}
          placeholder={t("form.placeholder")}
          className="min-w-0 flex-1 rounded border border-rule px-3 py-2"
        />
        <button type="submit" className="rounded bg-brand px-4 py-2 text-white">
          {t("form.submit")}
        </button>
      </div>
      <fieldset className="flex flex-wrap items-end gap-3 text-sm">
        <legend className="sr-only">{t("form.filters")}</legend>
        <label className="flex flex-col gap-1">
          <FieldName name={t("form.from")} gloss={gloss ? t("form.fromGloss") : null} />
          <input name="from" type="date" defaultValue={filters.from ?? ""} className="rounded border border-rule px-2 py-1" />
        </label>
        <label className="flex flex-col gap-1">
          <FieldName name={t("form.to")} gloss={gloss ? t("form.toGloss") : null} />
          <input name="to" type="date" defaultValue={filters.to ?? ""} className="rounded border border-rule px-2 py-1" />
        </label>
        <label className="flex flex-col gap-1">
          <FieldName name={t("form.column")} gloss={gloss ? t("form.columnGloss") : null} />
          <select name="column" defaultValue={filters.column ?? ""} className="rounded border border-rule px-2 py-1">
            <option value="">{t("form.allColumns")}</option>
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

function Hit({ hit, words: { t, locale } }: { hit: SearchHit; words: Words }) {
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
        <time dateTime={hit.date}>{paperDate(hit.date, locale)}</time>
        <Link href={`/issues/${hit.date}/pages/${hit.pageNumber}`} className="hover:text-brand">
          {t("pageLink", { number: hit.pageNumber, name: hit.pageName })}
        </Link>
        {hit.column && <span>{hit.column}</span>}
        {hit.byline && <span>{hit.byline}</span>}
        {hit.access === "free" ? (
          <span className="rounded border border-green-700 px-1 text-green-800">{t("free")}</span>
        ) : (
          <span className="rounded border border-brand px-1 text-brand">{t("subscribers")}</span>
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

function NoResults({ q, filtered, words: { t, gloss } }: { q: string; filtered: boolean; words: Words }) {
  return (
    <div className="space-y-2 rounded border border-rule bg-white/70 p-4 text-sm">
      <p className="font-medium">{t("none.heading", { q })}</p>
      {gloss && <p className="text-xs text-muted">{t("none.headingGloss")}</p>}
      <ul className="list-disc space-y-1 pl-5 text-muted">
        <li>{t("none.shorter")}</li>
        <li>{t("none.typos")}</li>
        {filtered && <li>{t("none.widen")}</li>}
        <li>{t("none.teasersOnly")}</li>
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

function Pagination({ filters, pageCount, t }: { filters: SearchFilters; pageCount: number; t: T }) {
  const current = filters.page;
  const last = Math.min(pageCount, 250);
  const pages = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, last])].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b);
  return (
    <nav aria-label={t("pagination.label")} className="flex flex-wrap items-center gap-2 text-sm">
      {current > 1 && (
        <Link href={pageHref(filters, current - 1)} className="rounded border border-rule px-3 py-1 hover:text-brand" rel="prev">
          {t("pagination.previous")}
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
          {t("pagination.next")}
        </Link>
      )}
      <span className="text-xs text-muted">{t("pagination.position", { current, count: pageCount })}</span>
    </nav>
  );
}
