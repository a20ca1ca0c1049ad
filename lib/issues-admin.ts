import "server-only";
import { and, asc, eq, lte, or } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { issues, pages } from "@/db/schema";
import { recordAudit, summarize } from "@/lib/audit";
import { issueDateProblem, loadSchedule } from "@/lib/calendar";
import { isIsoDate, PAPER_TIME_ZONE, type IsoDate } from "@/lib/dates";
import { requestTranslator, translatorFor } from "@/lib/i18n/translate";
import { isStaff } from "@/lib/roles";
import { classifyDay } from "@/lib/schedule";

/**
 * The staff issue workflow (期次): creating an issue with its empty pages,
 * publishing, scheduling and withdrawing it. The rules live here, not in the
 * forms, so a server action called directly, a script or a test meets the same
 * checks; every entry point re-reads the actor's role from the database.
 */
export type IssueRow = typeof issues.$inferSelect;
export type Failure = { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export const MAX_PAGES = 32;
const AUDITED = ["date", "number", "pageCount", "status", "publishAt", "publishedAt"] as const;
/** Messages come from the adminIssues catalog, in the caller's language (zh-CN outside a request). */
type IssuesT = ReturnType<typeof translatorFor<"adminIssues">>;
const zh = translatorFor("zh-CN", "adminIssues");
/** The Chinese refusals, as tests and scripts compare them. */
export const PAUSED_DAY_REFUSAL = zh("issuesLib.pausedDayRefusal");
export const PAST_TIME_REFUSAL = zh("issuesLib.pastTimeRefusal");

const fail = (error: string, fieldErrors?: Record<string, string[]>): Failure => (fieldErrors ? { ok: false, error, fieldErrors } : { ok: false, error });

/**
 * The actor's role as the database has it now; null when they may edit issues.
 * Imported here, not at the top: lib/access and lib/actions load Next's
 * navigation runtime, which `npm run jobs:publish` (plain Node) cannot.
 */
async function refusal(actorId: string, t: IssuesT): Promise<Failure | null> {
  const { currentRole } = await import("@/lib/access");
  return isStaff((await currentRole(actorId)) ?? undefined) ? null : fail(t("common.forbidden"));
}

const intField = (message: string) =>
  z.union([z.number(), z.string().trim().regex(/^\d{1,9}$/, message).transform(Number)], { error: message });

/** The 新建期次 form, its messages in the language of `t`. `override` is the "仍要在该日出版" checkbox (a form sends "on"). */
export function makeNewIssueSchema(t: IssuesT) {
  const pageCount = t("issuesLib.pageCountRange", { max: String(MAX_PAGES) });
  return z.object({
    date: z.string({ error: t("issuesLib.dateRequired") }).trim().refine(isIsoDate, t("issuesLib.dateInvalid")),
    number: intField(t("issuesLib.numberRequired")).pipe(z.number().int().min(1, t("issuesLib.numberPositive"))),
    pageCount: intField(pageCount).pipe(z.number().int().min(1, pageCount).max(MAX_PAGES, pageCount)),
    override: z
      .union([z.boolean(), z.string()])
      .optional()
      .transform((v) => v === true || v === "on" || v === "true"),
  });
}
export type NewIssueInput = z.input<ReturnType<typeof makeNewIssueSchema>>;

/** Field errors for a date or number already taken, read through `db`. */
async function duplicates(db: Db, date: IsoDate, number: number, t: IssuesT): Promise<Record<string, string[]> | null> {
  const taken = await db
    .select({ date: issues.date, number: issues.number })
    .from(issues)
    .where(or(eq(issues.date, date), eq(issues.number, number)));
  const errors: Record<string, string[]> = {};
  const sameDate = taken.find((i) => i.date === date);
  const sameNumber = taken.find((i) => i.number === number);
  if (sameDate) errors.date = [t("issuesLib.dateTaken", { number: String(sameDate.number) })];
  if (sameNumber) errors.number = [t("issuesLib.numberTaken", { number: String(number), date: sameNumber.date })];
  return Object.keys(errors).length ? errors : null;
}

/** A unique violation from postgres-js or PGlite, possibly wrapped by Drizzle. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

export type CreateResult = { ok: true; issue: IssueRow } | Failure;

/**
 * Creates a draft issue and its empty pages (第1版 … 第N版) in one transaction.
 * A paused or non-publication day needs `override`; without it the failure
 * carries the reason as the `override` field error, so the form can show the
 * reason and the checkbox.
 */
export async function createIssue(actorId: string, input: NewIssueInput): Promise<CreateResult> {
  const t = await requestTranslator("adminIssues");
  const refused = await refusal(actorId, t);
  if (refused) return refused;
  const parsed = makeNewIssueSchema(t).safeParse(input);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    return fail(flat.formErrors[0] ?? t("common.checkForm"), flat.fieldErrors as Record<string, string[]>);
  }
  const { date, number, pageCount, override } = parsed.data;
  const db = await getDb();
  const taken = await duplicates(db, date, number, t);
  if (taken) return fail(t("common.checkForm"), taken);
  const problem = await issueDateProblem(date);
  if (problem && !override) return fail(problem, { override: [problem] });
  try {
    const issue = await db.transaction(async (tx) => {
      const [row] = await tx.insert(issues).values({ date, number, pageCount, status: "draft" }).returning();
      // The default 版名 is content, stored in the paper's language.
      await tx.insert(pages).values(Array.from({ length: pageCount }, (_, i) => ({ issueId: row!.id, number: i + 1, name: `第${i + 1}版` })));
      await recordAudit(tx, { actorId, action: "issue.create", entity: "issue", entityId: row!.id, after: { ...summarize(row!, AUDITED), override: Boolean(problem) } });
      return row!;
    });
    return { ok: true, issue };
  } catch (error) {
    // Another editor took the date or number between the check and the insert.
    if (!isUniqueViolation(error)) throw error;
    return fail(t("common.checkForm"), (await duplicates(db, date, number, t)) ?? { date: [t("issuesLib.dateOrNumberTaken")] });
  }
}

export type StatusResult = { ok: true; issue: IssueRow; previous: IssueRow } | Failure;

async function changeIssue(
  actorId: string,
  issueId: number,
  action: string,
  change: (issue: IssueRow, t: IssuesT) => Promise<Failure | Partial<Pick<IssueRow, "status" | "publishAt" | "publishedAt">>>,
): Promise<StatusResult> {
  const t = await requestTranslator("adminIssues");
  const refused = await refusal(actorId, t);
  if (refused) return refused;
  const db = await getDb();
  return db.transaction(async (tx): Promise<StatusResult> => {
    const [previous] = await tx.select().from(issues).where(eq(issues.id, issueId)).for("update").limit(1);
    if (!previous) return fail(t("issuesLib.noIssue"));
    const values = await change(previous, t);
    if ("ok" in values) return values;
    if (Object.keys(values).length === 0) return { ok: true, issue: previous, previous };
    const [issue] = await tx.update(issues).set(values).where(eq(issues.id, issueId)).returning();
    await recordAudit(tx, { actorId, action, entity: "issue", entityId: issueId, before: summarize(previous, AUDITED), after: summarize(issue!, AUDITED) });
    return { ok: true, issue: issue!, previous };
  });
}

/** 立即出版: published now. Publishing an already published issue changes nothing. */
export function publishIssue(actorId: string, issueId: number, { now = new Date() } = {}): Promise<StatusResult> {
  return changeIssue(actorId, issueId, "issue.publish", async (issue) =>
    issue.status === "published" ? {} : { status: "published", publishedAt: now, publishAt: null },
  );
}

/** 撤回: back to draft, off the reader pages; a pending schedule is dropped too. */
export function unpublishIssue(actorId: string, issueId: number): Promise<StatusResult> {
  return changeIssue(actorId, issueId, "issue.unpublish", async () => ({ status: "draft", publishedAt: null, publishAt: null }));
}

/** 定时出版: refused for a paused day, a time not in the future, and an issue already out. */
export async function scheduleIssue(actorId: string, issueId: number, publishAt: Date, { now = new Date() } = {}): Promise<StatusResult> {
  // Read before the transaction: PGlite has one connection, and the calendar is read outside `tx`.
  const schedule = await loadSchedule();
  return changeIssue(actorId, issueId, "issue.schedule", async (issue, t) => {
    if (Number.isNaN(publishAt.getTime())) return fail(t("common.checkForm"), { publishAt: [t("issuesLib.publishAtInvalid")] });
    if (issue.status === "published") return fail(t("issuesLib.alreadyPublished"));
    const paused = t("issuesLib.pausedDayRefusal");
    if (classifyDay(issue.date, schedule).kind === "paused") return fail(paused, { publishAt: [paused] });
    const past = t("issuesLib.pastTimeRefusal");
    if (publishAt.getTime() <= now.getTime()) return fail(past, { publishAt: [past] });
    return { status: "scheduled", publishAt, publishedAt: null };
  });
}

/**
 * `npm run jobs:publish`: publishes scheduled issues whose time has come.
 * Idempotent (only rows still `scheduled` change). An issue whose day became a
 * pause after it was scheduled is left alone and reported.
 */
export async function publishDueIssues(now = new Date()): Promise<{ published: IssueRow[]; skipped: IssueRow[] }> {
  const db = await getDb();
  const schedule = await loadSchedule();
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(issues)
      .where(and(eq(issues.status, "scheduled"), lte(issues.publishAt, now)))
      .orderBy(asc(issues.date))
      .for("update", { skipLocked: true });
    const published: IssueRow[] = [];
    const skipped: IssueRow[] = [];
    for (const issue of due) {
      if (classifyDay(issue.date, schedule).kind === "paused") {
        skipped.push(issue);
        continue;
      }
      const [row] = await tx
        .update(issues)
        .set({ status: "published", publishedAt: now })
        .where(and(eq(issues.id, issue.id), eq(issues.status, "scheduled")))
        .returning();
      if (row) {
        published.push(row);
        await recordAudit(tx, { actorId: null, action: "issue.publish.scheduled", entity: "issue", entityId: row.id, before: summarize(issue, AUDITED), after: summarize(row, AUDITED) });
      }
    }
    return { published, skipped };
  });
}

// ── Wall time in the paper's zone (the datetime-local input) ──

function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** "2026-05-07T06:00" read as wall time in the paper's zone (not the server's); null when malformed. */
export function wallTimeToInstant(value: string, timeZone = PAPER_TIME_ZONE): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m || !isIsoDate(m[1]!) || Number(m[2]) > 23 || Number(m[3]) > 59) return null;
  const guess = Date.parse(`${m[1]}T${m[2]}:${m[3]}:00Z`);
  const first = guess - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess - zoneOffsetMs(new Date(first), timeZone));
}

/** The datetime-local value ("YYYY-MM-DDTHH:mm") of an instant in the paper's zone. */
export function instantToWallTime(at: Date, timeZone = PAPER_TIME_ZONE): string {
  return new Date(at.getTime() + zoneOffsetMs(at, timeZone)).toISOString().slice(0, 16);
}

/** 2026年5月7日 06:00, in the paper's zone. */
export function formatPaperTime(at: Date, timeZone = PAPER_TIME_ZONE): string {
  const [date, time] = instantToWallTime(at, timeZone).split("T");
  const [y, mo, d] = date!.split("-").map(Number);
  return `${y}年${mo}月${d}日 ${time}`;
}
