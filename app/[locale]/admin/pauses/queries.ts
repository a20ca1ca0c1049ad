import "server-only";
import { and, desc, eq, gte, inArray, lt, lte, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { articles, issues, type pauses } from "@/db/schema";
import { loadSchedule, type LoadedSchedule } from "@/lib/calendar";
import type { IsoDate } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { announcementDay } from "@/lib/next-issue";
import { publicationDayWarning, unpublishedIssueWarning } from "@/lib/pauses";
import { nextPublicationDay } from "@/lib/schedule";

/** What the staff pages show about pauses, computed from the stored calendar; warnings are in the page's language. */
export type PauseRow = typeof pauses.$inferSelect;
export type PauseView = PauseRow & {
  announceDay: IsoDate;
  resumesOn: IsoDate | null;
  /** "该日不是出版日" and the like: allowed, but worth a second look. */
  warning: string | null;
  attached: { date: IsoDate; number: number; published: boolean } | null;
};

async function attachedIssues(articleIds: number[]) {
  if (articleIds.length === 0) return new Map<number, PauseView["attached"]>();
  const db = await getDb();
  const rows = await db
    .select({ articleId: articles.id, date: issues.date, number: issues.number, status: issues.status })
    .from(articles)
    .innerJoin(issues, eq(issues.id, articles.issueId))
    .where(inArray(articles.id, articleIds));
  return new Map(rows.map((r) => [r.articleId, { date: r.date, number: r.number, published: r.status === "published" }]));
}

function view(pause: PauseRow, schedule: LoadedSchedule, attached: Map<number, PauseView["attached"]>, locale: Locale): PauseView {
  return {
    ...pause,
    announceDay: announcementDay(pause),
    resumesOn: nextPublicationDay(pause.endsOn, schedule),
    warning: publicationDayWarning(pause.startsOn, pause.endsOn, schedule, locale),
    attached: pause.articleId ? (attached.get(pause.articleId) ?? null) : null,
  };
}

/** Upcoming and current pauses first (soonest first), then past ones (latest first). */
export async function pauseList(today: IsoDate, locale: Locale = "zh-CN"): Promise<{ upcoming: PauseView[]; past: PauseView[] }> {
  const schedule = await loadSchedule();
  const rows: PauseRow[] = schedule.pauses;
  const attached = await attachedIssues(rows.flatMap((p) => (p.articleId ? [p.articleId] : [])));
  const all = rows.map((p) => view(p, schedule, attached, locale));
  return {
    upcoming: all.filter((p) => p.endsOn >= today),
    past: all.filter((p) => p.endsOn < today).reverse(),
  };
}

export async function pauseById(id: number, locale: Locale = "zh-CN"): Promise<PauseView | null> {
  const schedule = await loadSchedule();
  const rows: PauseRow[] = schedule.pauses;
  const pause = rows.find((p) => p.id === id);
  if (!pause) return null;
  return view(pause, schedule, await attachedIssues(pause.articleId ? [pause.articleId] : []), locale);
}

/** Unpublished issues dated inside the pause: allowed on save, but they should move. */
export async function unpublishedIssuesIn(pause: Pick<PauseRow, "startsOn" | "endsOn">, locale: Locale = "zh-CN"): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ date: issues.date, number: issues.number })
    .from(issues)
    .where(and(gte(issues.date, pause.startsOn), lte(issues.date, pause.endsOn), ne(issues.status, "published")));
  return rows.map((i) => unpublishedIssueWarning(i, locale));
}

export type IssueChoice = { id: number; date: IsoDate; number: number; published: boolean };

/** Issues a notice can be printed in: the latest ones before the pause starts. */
export async function issuesBefore(date: IsoDate, limit = 12): Promise<IssueChoice[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: issues.id, date: issues.date, number: issues.number, status: issues.status })
    .from(issues)
    .where(lt(issues.date, date))
    .orderBy(desc(issues.date))
    .limit(limit);
  return rows.map(({ status, ...r }) => ({ ...r, published: status === "published" }));
}
