import "server-only";
import { asc, desc, eq, gte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { articleReadsDaily, articles, issues, pages } from "@/db/schema";
import { addDays, PAPER_TIME_ZONE, todayInPaperZone, type IsoDate } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { money } from "@/lib/i18n/format";

/**
 * The figures on the staff overview (/admin). Editorial figures (today's
 * issue, reads) are for all staff; subscriber and money figures for admins —
 * the page decides which to ask for. Days are calendar days in Asia/Shanghai.
 */
export type AccessSource = "subscription" | "prepaid" | "gift" | "comp";
/** Strongest first: a reader with several open windows counts once, under the first of these. */
export const SOURCE_ORDER: readonly AccessSource[] = ["subscription", "prepaid", "gift", "comp"];

const rows = <T>(result: unknown): T[] => (Array.isArray(result) ? result : ((result as { rows: T[] }).rows ?? [])) as T[];

// ── Issues ──

export type IssueStatusView = { id: number; date: IsoDate; number: number; status: "draft" | "scheduled" | "published"; publishAt: Date | null; publishedAt: Date | null };

const issueColumns = { id: issues.id, date: issues.date, number: issues.number, status: issues.status, publishAt: issues.publishAt, publishedAt: issues.publishedAt };

/** The issue dated today in Beijing, if any, with its status. */
export async function todaysIssue(now = new Date()): Promise<IssueStatusView | null> {
  const db = await getDb();
  const [row] = await db.select(issueColumns).from(issues).where(eq(issues.date, todayInPaperZone(now))).limit(1);
  return row ?? null;
}

/** The issue that the publish job will release next. */
export async function nextScheduledIssue(): Promise<IssueStatusView | null> {
  const db = await getDb();
  const [row] = await db.select(issueColumns).from(issues).where(eq(issues.status, "scheduled")).orderBy(asc(issues.publishAt), asc(issues.date)).limit(1);
  return row ?? null;
}

// ── Subscribers ──

export type SubscribersBySource = Record<AccessSource, number> & { total: number };

/** Readers with access now, each counted once under their strongest open window's source. */
export async function activeSubscribersBySource(now = new Date()): Promise<SubscribersBySource> {
  const db = await getDb();
  const at = sql`${now.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    select strongest, count(*)::int as readers from (
      select user_id, min(case source when 'subscription' then 0 when 'prepaid' then 1 when 'gift' then 2 else 3 end) as strongest
      from access_windows
      where starts_at <= ${at} and (ends_at is null or ends_at > ${at})
      group by user_id
    ) per_reader
    group by strongest`);
  const counts: SubscribersBySource = { subscription: 0, prepaid: 0, gift: 0, comp: 0, total: 0 };
  for (const row of rows<{ strongest: number; readers: number }>(result)) {
    counts[SOURCE_ORDER[Number(row.strongest)]!] = Number(row.readers);
    counts.total += Number(row.readers);
  }
  return counts;
}

/**
 * Monthly recurring revenue in fen: every active (or past-due, still being
 * collected) Stripe subscription on a recurring CNY plan, yearly plans at a
 * twelfth of their price. Trials pay nothing yet and are left out.
 */
export async function monthlyRecurringRevenueFen(): Promise<number> {
  const db = await getDb();
  const result = await db.execute(sql`
    select coalesce(sum(
      case when p.interval = 'year' then p.amount_fen / 12.0
           when p.interval = 'month' then p.amount_fen
           else p.amount_fen / greatest(p.months, 1)::numeric end
    ), 0)::float8 as mrr
    from subscriptions s join plans p on p.key = s.plan_key
    where p.kind = 'recurring' and lower(p.currency) = 'cny' and s.status in ('active', 'past_due') and s.ended_at is null`);
  return Number(rows<{ mrr: number }>(result)[0]?.mrr ?? 0);
}

/** ¥1,234.50 from fen (the Chinese UI); the English UI writes money as lib/i18n/format.ts does. */
export const formatYuan = (fen: number, locale: Locale = "zh-CN"): string =>
  locale === "zh-CN"
    ? `¥${(Math.round(fen) / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
    : money(Math.round(fen), locale);

export type DayCount = { day: IsoDate; count: number };
export type NewVsEnded = { day: IsoDate; started: number; ended: number };

/** The `days` calendar days ending today, oldest first. */
export const lastDays = (days: number, now = new Date()): IsoDate[] => {
  const today = todayInPaperZone(now);
  return Array.from({ length: days }, (_, i) => addDays(today, i - days + 1));
};

/**
 * Readers who gained or lost access per day over the last `days` days. A
 * window that continues another one without a gap (a renewal, a prepaid term
 * queued after a subscription) is neither a new reader nor an ended one, so
 * these count people arriving and leaving, each once per day.
 */
export async function newVsEndedPerDay(days = 30, now = new Date()): Promise<NewVsEnded[]> {
  const range = lastDays(days, now);
  const db = await getDb();
  const zone = PAPER_TIME_ZONE;
  const since = sql`(${range[0]}::date::timestamp at time zone ${zone})`;
  const until = sql`${now.toISOString()}::timestamptz`;
  const started = await db.execute(sql`
    select to_char((w.starts_at at time zone ${zone})::date, 'YYYY-MM-DD') as day, count(distinct w.user_id)::int as n
    from access_windows w
    where w.starts_at >= ${since} and w.starts_at <= ${until}
      and not exists (
        select 1 from access_windows o
        where o.user_id = w.user_id and o.id <> w.id
          and o.starts_at < w.starts_at and (o.ends_at is null or o.ends_at >= w.starts_at))
    group by 1`);
  const ended = await db.execute(sql`
    select to_char((w.ends_at at time zone ${zone})::date, 'YYYY-MM-DD') as day, count(distinct w.user_id)::int as n
    from access_windows w
    where w.ends_at >= ${since} and w.ends_at <= ${until}
      and not exists (
        select 1 from access_windows o
        where o.user_id = w.user_id and o.id <> w.id
          and o.starts_at <= w.ends_at and (o.ends_at is null or o.ends_at > w.ends_at))
    group by 1`);
  const byDay = (result: unknown) => new Map(rows<{ day: string; n: number }>(result).map((r) => [r.day, Number(r.n)]));
  const s = byDay(started);
  const e = byDay(ended);
  return range.map((day) => ({ day, started: s.get(day) ?? 0, ended: e.get(day) ?? 0 }));
}

// ── Reads ──

/** Reads of all articles per day over the last `days` days (days without reads are 0). */
export async function readsPerDay(days = 14, now = new Date()): Promise<DayCount[]> {
  const range = lastDays(days, now);
  const db = await getDb();
  const totals = await db
    .select({ day: articleReadsDaily.day, count: sql<number>`sum(${articleReadsDaily.reads})::int` })
    .from(articleReadsDaily)
    .where(gte(articleReadsDaily.day, range[0]!))
    .groupBy(articleReadsDaily.day);
  const byDay = new Map(totals.map((t) => [t.day, Number(t.count)]));
  return range.map((day) => ({ day, count: byDay.get(day) ?? 0 }));
}

export type TopArticle = { id: number; title: string; reads: number; issueDate: IsoDate; pageNumber: number };

export async function topArticlesToday(limit = 5, now = new Date()): Promise<TopArticle[]> {
  const db = await getDb();
  return db
    .select({ id: articles.id, title: articles.title, reads: articleReadsDaily.reads, issueDate: issues.date, pageNumber: pages.number })
    .from(articleReadsDaily)
    .innerJoin(articles, eq(articles.id, articleReadsDaily.articleId))
    .innerJoin(issues, eq(issues.id, articles.issueId))
    .innerJoin(pages, eq(pages.id, articles.pageId))
    .where(eq(articleReadsDaily.day, todayInPaperZone(now)))
    .orderBy(desc(articleReadsDaily.reads), asc(articles.id))
    .limit(limit);
}

/**
 * Counts one read of a published article today (Beijing), in one statement:
 * concurrent reads never lose an increment. Returns false for an article that
 * does not exist or is not published. Who read is not stored.
 */
export async function countArticleRead(articleId: number, now = new Date()): Promise<boolean> {
  if (!Number.isSafeInteger(articleId) || articleId < 1) return false;
  const db = await getDb();
  const day = todayInPaperZone(now);
  const result = await db.execute(sql`
    insert into ${articleReadsDaily} (day, article_id, reads)
    select ${day}::date, a.id, 1
    from ${articles} a join ${issues} i on i.id = a.issue_id
    where a.id = ${articleId} and i.status = 'published'
    on conflict (day, article_id) do update set reads = ${articleReadsDaily}.reads + 1
    returning reads`);
  return rows(result).length > 0;
}

/** Crawlers, link previews and monitors: not readers. */
const BOT = /bot|crawl|spider|slurp|preview|facebookexternalhit|headless|lighthouse|pingdom|monitor|curl|wget|python|httpclient|okhttp|go-http|java\/|node-fetch|axios|scrapy/i;

export const isBotUserAgent = (userAgent: string | null): boolean => !userAgent || userAgent.length < 10 || BOT.test(userAgent);
