import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { isIsoDate, type IsoDate } from "@/lib/dates";
import { searchableBody } from "@/lib/search-index";
import { buildSnippet, cleanQuery, markTerms, queryTerms, termQueries, type SnippetPart } from "@/lib/search-text";

/**
 * Reader search over published articles (/search). Matching and ranking run on
 * `article_search` (lib/search-index.ts, lib/search-text.ts); snippets are cut
 * here from the same text that was indexed, so a subscriber-only article's
 * snippet never holds more than its teaser.
 */
export const SEARCH_PAGE_SIZE = 20;
/** Deeper pages than this are not served: nobody reads them, and a huge OFFSET costs. */
export const MAX_SEARCH_PAGE = 250;
const MAX_SERVED = MAX_SEARCH_PAGE * SEARCH_PAGE_SIZE;
/** Totals are counted exactly up to here; beyond, "10,000+" (deeper than page 250 is never served anyway). */
export const MAX_COUNTED = 10_000;

export type SearchInput = { q?: unknown; from?: unknown; to?: unknown; column?: unknown; page?: unknown };

export type SearchFilters = { q: string; from: IsoDate | null; to: IsoDate | null; column: string | null; page: number };

export type SearchHit = {
  id: number;
  title: SnippetPart[];
  kicker: string | null;
  subtitle: string | null;
  column: string | null;
  byline: string | null;
  access: "free" | "subscribers";
  date: IsoDate;
  issueNumber: number;
  pageNumber: number;
  pageName: string;
  snippet: SnippetPart[];
};

/** `total` is exact unless `totalCapped`: then there are more than MAX_COUNTED matches. */
export type SearchResult = { filters: SearchFilters; total: number; totalCapped: boolean; pageCount: number; hits: SearchHit[] };

const param = (value: unknown): string => (typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value[0] : "");

/** Reads search parameters leniently: anything malformed is dropped, never an error. */
export function parseSearchInput(input: SearchInput): SearchFilters {
  const date = (value: unknown) => {
    const text = param(value).trim();
    return isIsoDate(text) ? text : null;
  };
  let from = date(input.from);
  let to = date(input.to);
  if (from && to && from > to) [from, to] = [to, from];
  const column = param(input.column).trim().slice(0, 100) || null;
  const pageNumber = Number.parseInt(param(input.page), 10);
  const page = Number.isFinite(pageNumber) ? Math.min(Math.max(pageNumber, 1), MAX_SEARCH_PAGE) : 1;
  return { q: cleanQuery(param(input.q)), from, to, column, page };
}

/**
 * Searches published articles; null for an empty query (the page shows the
 * form only).
 *
 * Ranking: articles whose head (title A, kicker/subtitle/column B, byline C)
 * matches come first, by weighted cover density (ts_rank_cd), then the
 * newest; then articles matching only in the body, newest first. Two stages,
 * so a word found in most of the archive costs a sort of the head matches, not
 * of every article; and the body vectors are only ever read through the GIN
 * index (see lib/search-text.ts), never de-TOASTed per row.
 */
export async function searchArticles(input: SearchInput): Promise<SearchResult | null> {
  const filters = parseSearchInput(input);
  if (!filters.q) return null;
  const terms = termQueries(filters.q);
  const empty = { filters, total: 0, totalCapped: false, pageCount: 0, hits: [] };
  if (!terms.length) return empty;

  const matches = sql.join(
    terms.map((term) => sql`(s.head @@ ${term}::tsquery or s.body @@ ${term}::tsquery)`),
    sql` and `,
  );
  const anyTerm = sql`${terms.map((t) => (t.includes("&") ? `(${t})` : t)).join(" | ")}::tsquery`;
  const where = sql`i.status = 'published' and ${matches}
    ${filters.from ? sql`and i.date >= ${filters.from}::date` : sql``}
    ${filters.to ? sql`and i.date <= ${filters.to}::date` : sql``}
    ${filters.column ? sql`and s."column" = ${filters.column}` : sql``}`;
  const from = sql`article_search s join issues i on i.id = s.issue_id`;
  const offset = (filters.page - 1) * SEARCH_PAGE_SIZE;
  const needed = offset + SEARCH_PAGE_SIZE;

  const db = await getDb();
  const found = await db.transaction(async (tx) => {
    // The planner can't see that evaluating @@ on a row means de-TOASTing a body of kilobytes: bitmap scans of
    // the GIN indexes answer every condition here without reading a body, so they are the only plan allowed.
    // Parallel workers cost more to start than they save here, and many readers search at once.
    await tx.execute(
      sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true), set_config('work_mem', '32MB', true)`,
    );
    const count = async (extra: SQL, cap: number) =>
      (await rows<{ n: number }>(tx.execute(sql`select count(*)::int as n from (select 1 from ${from} where ${where} ${extra} limit ${cap}) m`)))[0]?.n ?? 0;

    const counted = await count(sql``, MAX_COUNTED + 1);
    if (counted === 0 || offset >= counted) return { counted, ids: [] as number[] };
    // Exact when below `needed`, which is all stage B needs to know.
    const headCount = await count(sql`and s.head @@ ${anyTerm}`, needed);
    const ids: number[] = [];
    if (headCount > offset) {
      // Only the newest MAX_SERVED head matches are ranked: no page beyond them is ever served, and a word in
      // the titles of half the archive then costs a top-N sort by date instead of a rank for every title.
      const ranked = await rows<{ id: number }>(
        tx.execute(sql`
          select r.id from (
            select s.article_id as id, i.date, s.head from ${from} where ${where} and s.head @@ ${anyTerm}
            order by i.date desc, s.article_id desc limit ${MAX_SERVED}) r
          order by ts_rank_cd('{0.1, 0.2, 0.4, 1.0}'::float4[], r.head, ${anyTerm}) desc, r.date desc, r.id desc
          limit ${SEARCH_PAGE_SIZE} offset ${offset}`),
      );
      ids.push(...ranked.map((r) => r.id));
    }
    if (ids.length < SEARCH_PAGE_SIZE) {
      const newest = await rows<{ id: number }>(
        tx.execute(sql`
          select s.article_id as id from ${from} where ${where} and not (s.head @@ ${anyTerm})
          order by i.date desc, s.article_id desc
          limit ${SEARCH_PAGE_SIZE - ids.length} offset ${Math.max(0, offset - headCount)}`),
      );
      ids.push(...newest.map((r) => r.id));
    }
    return { counted, ids };
  });
  const totalCapped = found.counted > MAX_COUNTED;
  const total = Math.min(found.counted, MAX_COUNTED);
  const pageCount = Math.min(Math.ceil(total / SEARCH_PAGE_SIZE), MAX_SEARCH_PAGE);
  const ids = found.ids;
  if (!ids.length) return { ...empty, total, totalCapped, pageCount };

  const details = await rows<{
    id: number;
    title: string;
    kicker: string | null;
    subtitle: string | null;
    column: string | null;
    byline: string | null;
    body: string;
    access: "free" | "subscribers";
    date: IsoDate;
    issue_number: number;
    page_number: number;
    page_name: string;
  }>(
    db.execute(sql`
      select a.id, a.title, a.kicker, a.subtitle, a."column", a.byline, a.body, a.access,
        to_char(i.date, 'YYYY-MM-DD') as date, i.number as issue_number, p.number as page_number, p.name as page_name
      from articles a join issues i on i.id = a.issue_id join pages p on p.id = a.page_id
      where a.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) and i.status = 'published'`),
  );
  const byId = new Map(details.map((d) => [d.id, d]));
  const marks = queryTerms(filters.q);
  const hits = ids.flatMap((id): SearchHit[] => {
    const a = byId.get(id);
    if (!a) return [];
    return [
      {
        id,
        title: markTerms(a.title, marks),
        kicker: a.kicker,
        subtitle: a.subtitle,
        column: a.column,
        byline: a.byline,
        access: a.access,
        date: a.date,
        issueNumber: a.issue_number,
        pageNumber: a.page_number,
        pageName: a.page_name,
        // Built from what was indexed: for a subscriber-only article, the teaser and nothing after it.
        snippet: buildSnippet(searchableBody(a), marks),
      },
    ];
  });
  return { filters, total, totalCapped, pageCount, hits };
}

const COLUMNS_TTL_MS = 5 * 60_000;
const columnsMemo = globalThis as unknown as { __caixinSearchColumns?: { at: number; columns: Promise<string[]> } };

/** The 栏目 that published articles use, for the filter: read at most every 5 minutes (a scan of the archive). */
export async function searchColumns(now = Date.now()): Promise<string[]> {
  const memo = columnsMemo.__caixinSearchColumns;
  if (memo && now - memo.at < COLUMNS_TTL_MS) return memo.columns;
  const columns = (async () => {
    const db = await getDb();
    const found = await rows<{ column: string }>(
      db.execute(sql`
        select distinct s."column" from article_search s join issues i on i.id = s.issue_id
        where i.status = 'published' and s."column" is not null and s."column" <> ''
        order by 1`),
    );
    return found.map((r) => r.column);
  })();
  columnsMemo.__caixinSearchColumns = { at: now, columns };
  columns.catch(() => (columnsMemo.__caixinSearchColumns = undefined));
  return columns;
}

/** postgres.js returns the rows; PGlite returns `{ rows }`. */
async function rows<T>(result: Promise<unknown>): Promise<T[]> {
  const value = (await result) as T[] | { rows: T[] };
  return Array.isArray(value) ? value : value.rows;
}
