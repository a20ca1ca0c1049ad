import { addDays, isoWeekday, type IsoDate } from "@/lib/dates";

/**
 * The publication calendar as pure functions. Every part of the app asks these
 * rather than counting days itself. A schedule has base weekdays and dated
 * changes (from a day on, other weekdays; earlier days keep the old ones), and
 * pauses (休刊) that take usual publication days away without using a number.
 */
export type PauseLike = { startsOn: IsoDate; endsOn: IsoDate; reason: string };
export type ScheduleChange = { effectiveFrom: IsoDate; weekdays: readonly number[] };
export type Schedule = { weekdays: readonly number[]; changes: readonly ScheduleChange[]; pauses: readonly PauseLike[] };

export type DayKind =
  | { kind: "publication" }
  | { kind: "paused"; pause: PauseLike; wouldPublish: boolean }
  | { kind: "no-publication" };

const SEARCH_LIMIT_DAYS = 366 * 2;

/** The catalog keys (adminPublishing.weekdays) of the ISO weekdays: WEEKDAY_KEYS[n - 1] names day n (1 = Monday). */
export const WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** The ISO weekdays (1 = Monday) the paper appears on, as they were on `date`. */
export function weekdaysOn(date: IsoDate, schedule: Pick<Schedule, "weekdays" | "changes">): readonly number[] {
  let current: ScheduleChange | undefined;
  for (const change of schedule.changes) {
    if (change.effectiveFrom <= date && (!current || change.effectiveFrom > current.effectiveFrom)) current = change;
  }
  return current?.weekdays ?? schedule.weekdays;
}

export const isScheduledWeekday = (date: IsoDate, schedule: Pick<Schedule, "weekdays" | "changes">): boolean =>
  weekdaysOn(date, schedule).includes(isoWeekday(date));

export const pauseOn = (date: IsoDate, pauses: readonly PauseLike[]): PauseLike | undefined =>
  pauses.find((p) => p.startsOn <= date && date <= p.endsOn);

export function classifyDay(date: IsoDate, schedule: Schedule): DayKind {
  const pause = pauseOn(date, schedule.pauses);
  const scheduled = isScheduledWeekday(date, schedule);
  if (pause) return { kind: "paused", pause, wouldPublish: scheduled };
  return scheduled ? { kind: "publication" } : { kind: "no-publication" };
}

export const isPublicationDay = (date: IsoDate, schedule: Schedule): boolean => classifyDay(date, schedule).kind === "publication";

function step(from: IsoDate, direction: 1 | -1, schedule: Schedule): IsoDate | null {
  let d = from;
  for (let i = 0; i < SEARCH_LIMIT_DAYS; i++) {
    d = addDays(d, direction);
    if (isPublicationDay(d, schedule)) return d;
  }
  return null;
}

/** The first publication day strictly after `date`, skipping pauses; null when none comes within two years. */
export const nextPublicationDay = (date: IsoDate, schedule: Schedule) => step(date, 1, schedule);

/** The last publication day strictly before `date`, skipping pauses. */
export const previousPublicationDay = (date: IsoDate, schedule: Schedule) => step(date, -1, schedule);

/** Usual publication days inside [from, to] that a pause takes away. */
export function skippedDays(from: IsoDate, to: IsoDate, schedule: Schedule) {
  const out: { date: IsoDate; pause: PauseLike }[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const day = classifyDay(d, schedule);
    if (day.kind === "paused" && day.wouldPublish) out.push({ date: d, pause: day.pause });
  }
  return out;
}

/** Publication days in [from, to], pauses excluded. */
export function publicationDaysBetween(from: IsoDate, to: IsoDate, schedule: Schedule): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isPublicationDay(d, schedule)) out.push(d);
  return out;
}

/**
 * The date and number of the next issue after the last one: numbers follow
 * issues, so a pause consumes none. With no issue yet, the first publication
 * day from `today` on, numbered `firstNumber`.
 */
export function nextIssue(
  last: { date: IsoDate; number: number } | null,
  today: IsoDate,
  schedule: Schedule,
  firstNumber = 1,
): { date: IsoDate; number: number } | null {
  const after = last && last.date >= addDays(today, -1) ? last.date : addDays(today, -1);
  const date = nextPublicationDay(after, schedule);
  return date ? { date, number: last ? last.number + 1 : firstNumber } : null;
}
