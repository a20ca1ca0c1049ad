import { addDays, type IsoDate } from "@/lib/dates";
import { nextIssue, nextPublicationDay, pauseOn, skippedDays, type PauseLike, type Schedule } from "@/lib/schedule";

export type NextIssueInfo = {
  /** The date the next issue is due, or null when the schedule has no publication days. */
  nextDate: IsoDate | null;
  /** The number it will carry (总第N期). */
  nextNumber: number | null;
  /** Usual publication days skipped before it, with the pause that takes each away. */
  skipped: { date: IsoDate; pause: PauseLike }[];
  /** A pause that is on now or announced, with its resume date. */
  pause: { pause: PauseLike; current: boolean; resumesOn: IsoDate | null } | null;
};

type AnnouncedPause = PauseLike & { announceOn?: IsoDate | null };

/** A pause is announced from its announcement day, by default a week before it starts. */
export const announcementDay = (pause: AnnouncedPause, defaultDays = 7): IsoDate => pause.announceOn ?? addDays(pause.startsOn, -defaultDays);

/**
 * When the next issue comes and why usual days are skipped. The next issue is
 * today's when today is a publication day without an issue yet.
 */
export function nextIssueInfo(today: IsoDate, latest: { date: IsoDate; number: number } | null, schedule: Schedule & { pauses: readonly AnnouncedPause[] }): NextIssueInfo {
  const upcoming = nextIssue(latest, today, schedule);
  const from = latest && latest.date >= today ? latest.date : addDays(today, -1);
  const skipped = upcoming ? skippedDays(addDays(from, 1), addDays(upcoming.date, -1), schedule) : [];
  const current = pauseOn(today, schedule.pauses) as AnnouncedPause | undefined;
  const announced =
    current ??
    [...schedule.pauses]
      .filter((p) => p.startsOn > today && announcementDay(p) <= today)
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
  return {
    nextDate: upcoming?.date ?? null,
    nextNumber: upcoming?.number ?? null,
    skipped,
    pause: announced ? { pause: announced, current: announced === current, resumesOn: nextPublicationDay(announced.endsOn, schedule) } : null,
  };
}
