import { addDays, isoWeekday, type IsoDate } from "@/lib/dates";

/**
 * The publication calendar as pure functions over the paper's weekdays and its
 * pauses (休刊). Every part of the app asks these rather than counting days itself.
 */
export type PauseLike = { startsOn: IsoDate; endsOn: IsoDate; reason: string };

export type DayKind =
  | { kind: "publication" }
  | { kind: "paused"; pause: PauseLike; wouldPublish: boolean }
  | { kind: "no-publication" };

const SEARCH_LIMIT_DAYS = 366 * 2;

export const isScheduledWeekday = (date: IsoDate, weekdays: readonly number[]): boolean => weekdays.includes(isoWeekday(date));

export const pauseOn = (date: IsoDate, pauses: readonly PauseLike[]): PauseLike | undefined =>
  pauses.find((p) => p.startsOn <= date && date <= p.endsOn);

export function classifyDay(date: IsoDate, weekdays: readonly number[], pauses: readonly PauseLike[]): DayKind {
  const pause = pauseOn(date, pauses);
  const scheduled = isScheduledWeekday(date, weekdays);
  if (pause) return { kind: "paused", pause, wouldPublish: scheduled };
  return scheduled ? { kind: "publication" } : { kind: "no-publication" };
}

export const isPublicationDay = (date: IsoDate, weekdays: readonly number[], pauses: readonly PauseLike[]): boolean =>
  classifyDay(date, weekdays, pauses).kind === "publication";

function step(from: IsoDate, direction: 1 | -1, weekdays: readonly number[], pauses: readonly PauseLike[]): IsoDate | null {
  if (weekdays.length === 0) return null;
  let d = from;
  for (let i = 0; i < SEARCH_LIMIT_DAYS; i++) {
    d = addDays(d, direction);
    if (isPublicationDay(d, weekdays, pauses)) return d;
  }
  return null;
}

/** The first publication day strictly after `date`, skipping pauses. */
export const nextPublicationDay = (date: IsoDate, weekdays: readonly number[], pauses: readonly PauseLike[]) => step(date, 1, weekdays, pauses);

/** The last publication day strictly before `date`, skipping pauses. */
export const previousPublicationDay = (date: IsoDate, weekdays: readonly number[], pauses: readonly PauseLike[]) =>
  step(date, -1, weekdays, pauses);

/** Usual publication days inside [from, to] that a pause takes away. */
export function skippedDays(from: IsoDate, to: IsoDate, weekdays: readonly number[], pauses: readonly PauseLike[]) {
  const out: { date: IsoDate; pause: PauseLike }[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const day = classifyDay(d, weekdays, pauses);
    if (day.kind === "paused" && day.wouldPublish) out.push({ date: d, pause: day.pause });
  }
  return out;
}
