import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { issues, pauses, publication, scheduleChanges } from "@/db/schema";
import { todayInPaperZone, type IsoDate } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { requestTranslator, translatorFor } from "@/lib/i18n/translate";
import { nextIssueInfo, type NextIssueInfo } from "@/lib/next-issue";
import { classifyDay, nextIssue, type Schedule } from "@/lib/schedule";

export type LoadedSchedule = Omit<Schedule, "changes" | "pauses"> & { changes: (typeof scheduleChanges.$inferSelect)[]; pauses: (typeof pauses.$inferSelect)[] };

/** The paper's calendar as stored: base weekdays, dated changes and every pause. */
export async function loadSchedule(): Promise<LoadedSchedule> {
  const db = await getDb();
  const [[profile], changes, pauseRows] = await Promise.all([
    db.select({ weekdays: publication.weekdays }).from(publication).limit(1),
    db.select().from(scheduleChanges).orderBy(asc(scheduleChanges.effectiveFrom)),
    db.select().from(pauses).orderBy(asc(pauses.startsOn)),
  ]);
  return { weekdays: profile?.weekdays ?? [], changes, pauses: pauseRows };
}

async function lastIssue(): Promise<{ date: IsoDate; number: number } | null> {
  const db = await getDb();
  const [row] = await db.select({ date: issues.date, number: issues.number }).from(issues).orderBy(desc(issues.number)).limit(1);
  return row ?? null;
}

async function lastPublishedIssue(): Promise<{ date: IsoDate; number: number } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ date: issues.date, number: issues.number })
    .from(issues)
    .where(eq(issues.status, "published"))
    .orderBy(desc(issues.date))
    .limit(1);
  return row ?? null;
}

/** What readers are told on `/`, the archive and /account: the next issue, skipped days, an announced pause. */
export async function readerNextIssue(today = todayInPaperZone()): Promise<NextIssueInfo> {
  const [schedule, latest] = await Promise.all([loadSchedule(), lastPublishedIssue()]);
  return nextIssueInfo(today, latest, schedule);
}

/**
 * Defaults for a new issue in the admin: the issue that follows the last one
 * in sequence (its number + 1, on the next publication day after its date,
 * skipping 休刊), even when that day has passed: numbers and dates go
 * together, so an editor back-filling the archive gets a coherent pair. With
 * no issue yet, the first publication day from today.
 */
export async function nextIssueDefaults(today = todayInPaperZone()): Promise<{ date: IsoDate; number: number } | null> {
  const [schedule, last] = await Promise.all([loadSchedule(), lastIssue()]);
  return nextIssue(last, last?.date ?? today, schedule);
}

/**
 * Why an issue may not be dated or scheduled on `date` without an explicit
 * override, or null when it may. In `locale`, or the request's language.
 */
export async function issueDateProblem(date: IsoDate, locale?: Locale): Promise<string | null> {
  const day = classifyDay(date, await loadSchedule());
  if (day.kind === "publication") return null;
  const t = locale ? translatorFor(locale, "adminPublishing.calendar") : await requestTranslator("adminPublishing.calendar");
  return day.kind === "paused" ? t("paused", { reason: day.pause.reason }) : t("noPublication");
}
