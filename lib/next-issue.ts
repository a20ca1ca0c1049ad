import { addDays, type IsoDate } from "@/lib/dates";
import { nextPublicationDay, pauseOn, skippedDays, type PauseLike } from "@/lib/schedule";

export type NextIssueInfo = {
  /** The date the next issue is due, or null when the schedule has no publication days. */
  nextDate: IsoDate | null;
  /** Usual publication days skipped before it, with the pause that takes each away. */
  skipped: { date: IsoDate; pause: PauseLike }[];
  /** A pause that is on now or announced (starts within `announceDays`), with its resume date. */
  pause: { pause: PauseLike; current: boolean; resumesOn: IsoDate | null } | null;
};

/**
 * When the next issue comes and why usual days are skipped. The next issue is
 * today's when today is a publication day without an issue yet.
 */
export function nextIssueInfo(
  today: IsoDate,
  latestIssueDate: IsoDate | null,
  weekdays: readonly number[],
  pauses: readonly PauseLike[],
  announceDays = 7,
): NextIssueInfo {
  const from = latestIssueDate && latestIssueDate >= today ? latestIssueDate : addDays(today, -1);
  const nextDate = nextPublicationDay(from, weekdays, pauses);
  const skipped = nextDate ? skippedDays(addDays(from, 1), addDays(nextDate, -1), weekdays, pauses) : [];
  const current = pauseOn(today, pauses);
  const announced =
    current ??
    pauses
      .filter((p) => p.startsOn > today && p.startsOn <= addDays(today, announceDays))
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
  return {
    nextDate,
    skipped,
    pause: announced
      ? { pause: announced, current: announced === current, resumesOn: nextPublicationDay(announced.endsOn, weekdays, pauses) }
      : null,
  };
}
