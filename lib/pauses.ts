import "server-only";
import { and, asc, eq, gte, lte, max, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { articles, issues, pages, pauses, publication, scheduleChanges } from "@/db/schema";
import { currentRole } from "@/lib/access";
import { FORBIDDEN } from "@/lib/actions";
import { recordAudit, summarize } from "@/lib/audit";
import { addDays, daysBetween, isIsoDate, todayInPaperZone, type IsoDate } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { paperDate, paperMonthDay } from "@/lib/i18n/format";
import { requestLocale, translatorFor } from "@/lib/i18n/translate";
import { draftPauseNotice, noPublicationDayWarning, noticeDate, pauseRangeText, withoutPause } from "@/lib/pause-notice";
import { isStaff } from "@/lib/roles";
import { nextPublicationDay, type Schedule } from "@/lib/schedule";
import { reindexArticles } from "@/lib/search-index";

/**
 * Writing pauses (休刊): the rules live here, not in the forms, so a server
 * action called directly, a script or a test meets the same checks. Every
 * entry point re-reads the actor's role from the database and writes in one
 * transaction under an advisory lock, so two editors saving at once cannot
 * both pass the overlap check.
 */
export type PauseRow = typeof pauses.$inferSelect;
export type Actor = { id: string };
export type Failure = { ok: false; error: string; fieldErrors?: Record<string, string[]> };

const MAX_DAYS = 60;
const HORIZON_DAYS = 730;
/** Arbitrary, fixed: only pause writes take it. */
const PAUSE_LOCK_KEY = 7_161_130_765_349_226;

/** The pause messages in one language: lib functions answer in the request's (Chinese outside a request). */
export type PauseErrors = ReturnType<typeof translatorFor<"adminPublishing.pauses.errors">>;
type Texts = { locale: Locale; t: PauseErrors; checkForm: string };

const textsFor = (locale: Locale): Texts => ({
  locale,
  t: translatorFor(locale, "adminPublishing.pauses.errors"),
  checkForm: translatorFor(locale, "adminPublishing.common")("checkForm"),
});
const requestTexts = async (): Promise<Texts> => textsFor(await requestLocale());

/** "2026年5月4日", "2026年10月1日至10月8日" (lib/pause-notice.ts) · "4 May 2026", "1 October to 8 October 2026". */
export function pauseRange(startsOn: IsoDate, endsOn: IsoDate, locale: Locale): string {
  if (locale === "zh-CN") return pauseRangeText(startsOn, endsOn);
  if (startsOn === endsOn) return paperDate(startsOn, locale);
  const from = startsOn.slice(0, 4) === endsOn.slice(0, 4) ? paperMonthDay(startsOn, locale) : paperDate(startsOn, locale);
  return translatorFor(locale, "adminPublishing.pauses")("range", { from, to: paperDate(endsOn, locale) });
}

/** "该日不是出版日" and the like (lib/pause-notice.ts decides): allowed, but worth a second look. */
export function publicationDayWarning(startsOn: IsoDate, endsOn: IsoDate, schedule: Pick<Schedule, "weekdays" | "changes">, locale: Locale): string | null {
  if (noPublicationDayWarning(startsOn, endsOn, schedule) === null) return null;
  return translatorFor(locale, "adminPublishing.pauses.errors")(startsOn === endsOn ? "noPublicationDay" : "noPublicationDays");
}

/** An unpublished issue dated inside a pause: allowed on save, but it should move. */
export const unpublishedIssueWarning = (issue: { date: IsoDate; number: number }, locale: Locale): string =>
  translatorFor(locale, "adminPublishing.pauses.errors")("unpublishedIssue", { date: paperDate(issue.date, locale), number: issue.number });

const emptyToNull = (v: string | undefined) => (v ? v : null);

/**
 * The pause form, with the calendar-free checks. `today` defaults to the
 * paper's today at parse time; messages are in `t`'s language (Chinese by default).
 */
export function pauseSchema(today?: IsoDate, t: PauseErrors = translatorFor("zh-CN", "adminPublishing.pauses.errors")) {
  const optionalDate = z.string().trim().optional().refine((v) => !v || isIsoDate(v), t("invalidDate")).transform(emptyToNull);
  const optionalText = (limit: number, error: string) => z.string().trim().max(limit, error).optional().transform(emptyToNull);
  return z
    .object({
      id: z.string().regex(/^\d{0,9}$/, t("invalidRecord")).optional().transform((v) => (v ? Number(v) : undefined)),
      startsOn: z.string({ error: t("startsRequired") }).trim().refine(isIsoDate, t("invalidDate")),
      endsOn: optionalDate,
      reason: z.string({ error: t("reasonRequired") }).trim().min(1, t("reasonExample")).max(50, t("reasonTooLong", { max: 50 })),
      basis: optionalText(200, t("basisTooLong", { max: 200 })),
      announceOn: optionalDate,
      noticeText: optionalText(2000, t("noticeTooLong", { max: 2000 })),
    })
    .transform((v) => ({ ...v, endsOn: v.endsOn ?? v.startsOn }))
    .superRefine((v, ctx) => {
      const day = today ?? todayInPaperZone();
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      if (v.endsOn < v.startsOn) issue("endsOn", t("endBeforeStart"));
      else if (daysBetween(v.startsOn, v.endsOn) + 1 > MAX_DAYS) issue("endsOn", t("tooManyDays", { max: MAX_DAYS }));
      if (v.endsOn > addDays(day, HORIZON_DAYS)) issue(v.startsOn > addDays(day, HORIZON_DAYS) ? "startsOn" : "endsOn", t("beyondHorizon"));
      if (v.startsOn < addDays(day, -HORIZON_DAYS)) issue("startsOn", t("tooOld"));
      if (v.announceOn && v.announceOn > v.startsOn) issue("announceOn", t("announceAfterStart"));
    });
}
export type PauseInput = z.output<ReturnType<typeof pauseSchema>>;

const fail = (x: Texts, error: string, field?: string): Failure => ({ ok: false, error: field ? x.checkForm : error, ...(field ? { fieldErrors: { [field]: [error] } } : {}) });

async function isStaffActor(actor: Actor): Promise<boolean> {
  return isStaff((await currentRole(actor.id)) ?? undefined);
}

function parse(input: Record<string, unknown>, today: IsoDate, x: Texts): { data: PauseInput } | Failure {
  const parsed = pauseSchema(today, x.t).safeParse(input);
  if (parsed.success) return { data: parsed.data };
  const flat = z.flattenError(parsed.error);
  return { ok: false, error: flat.formErrors[0] ?? x.checkForm, fieldErrors: flat.fieldErrors as Record<string, string[]> };
}

/** The calendar as stored, read through `db` (a transaction sees its own writes). */
async function scheduleIn(db: Db): Promise<Schedule & { pauses: PauseRow[]; publisher: string }> {
  const [[profile], changes, rows] = await Promise.all([
    db.select({ weekdays: publication.weekdays, publisher: publication.publisher }).from(publication).limit(1),
    db.select().from(scheduleChanges).orderBy(asc(scheduleChanges.effectiveFrom)),
    db.select().from(pauses).orderBy(asc(pauses.startsOn)),
  ]);
  return { weekdays: profile?.weekdays ?? [], changes, pauses: rows, publisher: profile?.publisher ?? "财信报社" };
}

type DraftFields = Pick<PauseInput, "startsOn" | "endsOn" | "reason" | "basis" | "announceOn"> & { id?: number };

async function draftIn(db: Db, v: DraftFields, today: IsoDate): Promise<string> {
  const schedule = await scheduleIn(db);
  const resumesOn = nextPublicationDay(v.endsOn, withoutPause(schedule, v.id));
  return draftPauseNotice({ ...v, resumesOn, publisher: schedule.publisher, announcedOn: noticeDate(v, today) });
}

/** The 生成公告草稿 button: the notice for the form's dates as they are, nothing saved. */
export async function draftNoticeFor(actor: Actor, input: Record<string, unknown>, { now = new Date() } = {}): Promise<{ ok: true; text: string } | Failure> {
  const db = await getDb();
  const x = await requestTexts();
  if (!(await isStaffActor(actor))) return fail(x, FORBIDDEN);
  const today = todayInPaperZone(now);
  const parsed = parse({ ...input, noticeText: undefined }, today, x);
  if ("ok" in parsed) return parsed;
  return { ok: true, text: await draftIn(db, parsed.data, today) };
}

export type SaveResult = { ok: true; pause: PauseRow; previous: PauseRow | null; warnings: string[] } | Failure;

/**
 * Creates (no id) or updates a pause. Refused: overlap with another pause, a
 * day with a published issue. Allowed but warned: no usual publication day in
 * the range, an unpublished issue on a paused day. An empty notice is drafted.
 */
export async function savePause(actor: Actor, input: Record<string, unknown>, { now = new Date() } = {}): Promise<SaveResult> {
  const db = await getDb();
  const x = await requestTexts();
  if (!(await isStaffActor(actor))) return fail(x, FORBIDDEN);
  const today = todayInPaperZone(now);
  const parsed = parse(input, today, x);
  if ("ok" in parsed) return parsed;
  const v = parsed.data;
  return db.transaction(async (tx): Promise<SaveResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PAUSE_LOCK_KEY}::bigint)`);
    const [previous] = v.id ? await tx.select().from(pauses).where(eq(pauses.id, v.id)).limit(1) : [];
    if (v.id && !previous) return fail(x, x.t("notFound"));
    const [overlap] = await tx
      .select()
      .from(pauses)
      .where(and(lte(pauses.startsOn, v.endsOn), gte(pauses.endsOn, v.startsOn), v.id ? ne(pauses.id, v.id) : undefined))
      .orderBy(asc(pauses.startsOn))
      .limit(1);
    if (overlap) return fail(x, x.t("overlap", { range: pauseRange(overlap.startsOn, overlap.endsOn, x.locale), reason: overlap.reason }), "startsOn");
    const dated = await tx.select({ date: issues.date, number: issues.number, status: issues.status }).from(issues).where(and(gte(issues.date, v.startsOn), lte(issues.date, v.endsOn))).orderBy(asc(issues.date));
    const published = dated.find((i) => i.status === "published");
    if (published) {
      const message =
        v.startsOn === v.endsOn
          ? x.t("publishedSameDay", { number: published.number })
          : x.t("publishedOn", { date: paperDate(published.date, x.locale), number: published.number });
      return fail(x, message, "startsOn");
    }
    const noticeText = v.noticeText ?? (await draftIn(tx, v, today));
    const values = { startsOn: v.startsOn, endsOn: v.endsOn, reason: v.reason, basis: v.basis, announceOn: v.announceOn, noticeText, updatedAt: now };
    const [pause] = previous
      ? await tx.update(pauses).set(values).where(eq(pauses.id, previous.id)).returning()
      : await tx.insert(pauses).values(values).returning();
    await recordAudit(tx, { actorId: actor.id, action: previous ? "pause.update" : "pause.create", entity: "pause", entityId: pause!.id, before: summarize(previous, ["startsOn", "endsOn", "reason", "basis", "announceOn"] as const), after: summarize(pause!, ["startsOn", "endsOn", "reason", "basis", "announceOn"] as const) });
    const schedule = await scheduleIn(tx);
    const warnings = [
      publicationDayWarning(v.startsOn, v.endsOn, schedule, x.locale),
      ...dated.map((i) => unpublishedIssueWarning(i, x.locale)),
    ].filter((w): w is string => w !== null);
    return { ok: true, pause: pause!, previous: previous ?? null, warnings };
  });
}

export type DeleteResult = { ok: true; pause: PauseRow; removedNoticeFrom: IsoDate | null } | Failure;

/**
 * Deletes a pause. Its printed notice goes too when that issue is not yet
 * published; a published paper stays as it was printed.
 */
export async function deletePause(actor: Actor, id: number): Promise<DeleteResult> {
  const db = await getDb();
  const x = await requestTexts();
  if (!(await isStaffActor(actor))) return fail(x, FORBIDDEN);
  return db.transaction(async (tx): Promise<DeleteResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PAUSE_LOCK_KEY}::bigint)`);
    const [pause] = await tx.delete(pauses).where(eq(pauses.id, id)).returning();
    if (!pause) return fail(x, x.t("notFound"));
    let removedNoticeFrom: IsoDate | null = null;
    if (pause.articleId) {
      const [notice] = await tx
        .select({ date: issues.date, status: issues.status })
        .from(articles)
        .innerJoin(issues, eq(issues.id, articles.issueId))
        .where(eq(articles.id, pause.articleId));
      if (notice && notice.status !== "published") {
        await tx.delete(articles).where(eq(articles.id, pause.articleId));
        removedNoticeFrom = notice.date;
      }
    }
    await recordAudit(tx, { actorId: actor.id, action: "pause.delete", entity: "pause", entityId: pause.id, before: { ...summarize(pause, ["startsOn", "endsOn", "reason", "basis", "announceOn"] as const), removedNoticeFrom } });
    return { ok: true, pause, removedNoticeFrom };
  });
}

export type AttachResult =
  | { ok: true; articleId: number; issue: { date: IsoDate; number: number }; previousIssueDate: IsoDate | null }
  | Failure;

/**
 * Prints the pause's notice as the 休刊公告 on page 1 of an issue before the
 * pause. Attaching again rewrites (and if need be moves) the same article,
 * so a paper never carries two notices for one pause.
 */
export async function attachPauseToIssue(actor: Actor, pauseId: number, issueId: number, { now = new Date() } = {}): Promise<AttachResult> {
  const db = await getDb();
  const x = await requestTexts();
  if (!(await isStaffActor(actor))) return fail(x, FORBIDDEN);
  const today = todayInPaperZone(now);
  return db.transaction(async (tx): Promise<AttachResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PAUSE_LOCK_KEY}::bigint)`);
    const [pause] = await tx.select().from(pauses).where(eq(pauses.id, pauseId)).limit(1);
    if (!pause) return fail(x, x.t("notFound"));
    const [issue] = await tx.select().from(issues).where(eq(issues.id, issueId)).limit(1);
    if (!issue) return fail(x, x.t("noIssue"), "issue");
    if (issue.date >= pause.startsOn) return fail(x, x.t("noticeBeforePause"), "issue");
    const [front] = await tx.select({ id: pages.id }).from(pages).where(and(eq(pages.issueId, issue.id), eq(pages.number, 1))).limit(1);
    if (!front) return fail(x, x.t("noFrontPage", { number: issue.number }), "issue");
    const body = pause.noticeText || (await draftIn(tx, pause, today));
    const [{ last } = { last: null }] = await tx.select({ last: max(articles.position) }).from(articles).where(eq(articles.pageId, front.id));
    const position = (last ?? -1) + 1;
    const [existing] = pause.articleId
      ? await tx.select({ id: articles.id, pageId: articles.pageId, date: issues.date }).from(articles).innerJoin(issues, eq(issues.id, articles.issueId)).where(eq(articles.id, pause.articleId))
      : [];
    let articleId: number;
    if (existing) {
      const moved = existing.pageId !== front.id;
      await tx
        .update(articles)
        .set({ body, ...(moved ? { issueId: issue.id, pageId: front.id, position } : {}) })
        .where(eq(articles.id, existing.id));
      articleId = existing.id;
    } else {
      const [created] = await tx
        .insert(articles)
        .values({ issueId: issue.id, pageId: front.id, column: "休刊公告", title: "休刊公告", access: "free", body, position, isSample: false })
        .returning({ id: articles.id });
      articleId = created!.id;
    }
    await reindexArticles(tx, [articleId]);
    await tx.update(pauses).set({ articleId, noticeText: body, updatedAt: now }).where(eq(pauses.id, pause.id));
    await recordAudit(tx, { actorId: actor.id, action: "pause.notice.attach", entity: "pause", entityId: pause.id, after: { articleId, issueNumber: issue.number, issueDate: issue.date } });
    return { ok: true, articleId, issue: { date: issue.date, number: issue.number }, previousIssueDate: existing && existing.date !== issue.date ? existing.date : null };
  });
}
