import { addDays, isIsoDate, type IsoDate } from "@/lib/dates";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { paperMonthDay } from "@/lib/i18n/format";
import { translatorFor } from "@/lib/i18n/translate";
import { publicationDaysBetween, weekdaysOn, type Schedule } from "@/lib/schedule";

/**
 * The rules for delivery holds (暂停投递, a print subscriber's vacation stop),
 * as pure functions so they are tested without a database. lib/delivery-holds.ts
 * loads the data, asks here, and writes.
 */
export type HoldRange = { startsOn: IsoDate; endsOn: IsoDate };
export type HoldPolicy = { leadPublicationDays: number; maxWeeksPerYear: number };
export type HoldField = "startsOn" | "endsOn";
export type HoldVerdict = { ok: true; days: IsoDate[] } | { ok: false; field: HoldField | null; message: string };

/** How far ahead a hold may be booked: the distribution lists are not planned further out. */
export const MAX_DAYS_AHEAD = 365;

/**
 * Lead time, precisely: the publication days strictly between `today` and
 * `startsOn` (from tomorrow up to the day before the hold starts, pauses not
 * counted) must number at least `lead`. With lead 2 and a Mon/Thu paper, a
 * request on Monday may start on Tuesday of the next week at the earliest
 * (Thursday and Monday come in between), so distribution has two print runs
 * to take the address off the list.
 */
export function publicationDaysBefore(startsOn: IsoDate, today: IsoDate, schedule: Schedule): number {
  return publicationDaysBetween(addDays(today, 1), addDays(startsOn, -1), schedule).length;
}

/** The first day a hold requested `today` may start: the day after the lead-th publication day after today. */
export function earliestHoldStart(today: IsoDate, schedule: Schedule, lead: number): IsoDate | null {
  let day = today;
  for (let found = 0; found < lead; ) {
    day = addDays(day, 1);
    if (day > addDays(today, MAX_DAYS_AHEAD)) return null; // no publication days at all
    if (publicationDaysBetween(day, day, schedule).length) found++;
  }
  return addDays(day, 1);
}

/**
 * A year's allowance in publication days: the weeks allowed times the days per
 * week. When the schedule changes during the year, the richer schedule counts,
 * so a change never shrinks an allowance a reader has already planned with.
 */
export function yearlyAllowance(year: number, schedule: Schedule, maxWeeks: number): number {
  const first = `${year}-01-01`;
  const sets = [weekdaysOn(first, schedule), ...schedule.changes.filter((c) => c.effectiveFrom.startsWith(`${year}-`)).map((c) => c.weekdays)];
  return maxWeeks * Math.max(...sets.map((s) => new Set(s).size));
}

/** Publication days of a range, grouped by calendar year (a hold may span New Year). */
export function publicationDaysByYear(range: HoldRange, schedule: Schedule): Map<number, IsoDate[]> {
  const out = new Map<number, IsoDate[]>();
  for (const day of publicationDaysBetween(range.startsOn, range.endsOn, schedule)) {
    const year = Number(day.slice(0, 4));
    out.set(year, [...(out.get(year) ?? []), day]);
  }
  return out;
}

export const overlaps = (a: HoldRange, b: HoldRange): boolean => a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;

/**
 * Checks a requested hold against every rule, in the order a reader would fix
 * them, and returns the first problem with the field it belongs to, or the
 * publication days the hold covers. `existing` are the reader's other holds
 * that are not canceled. Messages are in `locale` (Chinese by default).
 */
export function checkHold(input: {
  range: { startsOn: string; endsOn: string };
  today: IsoDate;
  schedule: Schedule;
  policy: HoldPolicy;
  existing: readonly HoldRange[];
  locale?: Locale;
}): HoldVerdict {
  const { range, today, schedule, policy, existing, locale = defaultLocale } = input;
  const t = translatorFor(locale, "adminPeople.holdRules");
  const day = (iso: IsoDate) => paperMonthDay(iso, locale);
  const span = (r: HoldRange) => (r.startsOn === r.endsOn ? day(r.startsOn) : t("range", { start: day(r.startsOn), end: day(r.endsOn) }));
  if (!isIsoDate(range.startsOn)) return { ok: false, field: "startsOn", message: t("invalidStart") };
  if (!isIsoDate(range.endsOn)) return { ok: false, field: "endsOn", message: t("invalidEnd") };
  if (range.endsOn < range.startsOn) return { ok: false, field: "endsOn", message: t("endBeforeStart") };
  if (range.endsOn > addDays(today, MAX_DAYS_AHEAD)) return { ok: false, field: "endsOn", message: t("tooFar") };

  // With a lead of 0 the count below would let a past start through; a hold never starts today or earlier.
  if (range.startsOn <= today || publicationDaysBefore(range.startsOn, today, schedule) < policy.leadPublicationDays) {
    const earliest = earliestHoldStart(today, schedule, policy.leadPublicationDays);
    return {
      ok: false,
      field: "startsOn",
      message: earliest ? t("leadEarliest", { lead: policy.leadPublicationDays, date: day(earliest) }) : t("lead", { lead: policy.leadPublicationDays }),
    };
  }

  const days = publicationDaysBetween(range.startsOn, range.endsOn, schedule);
  if (days.length === 0) return { ok: false, field: null, message: t("noPublicationDays") };

  const clash = existing.find((h) => overlaps(h, range));
  if (clash) return { ok: false, field: null, message: t("overlap", { range: span(clash) }) };

  const requested = publicationDaysByYear(range, schedule);
  for (const [year, wanted] of requested) {
    const allowance = yearlyAllowance(year, schedule, policy.maxWeeksPerYear);
    const used = existing.reduce((sum, h) => sum + (publicationDaysByYear(h, schedule).get(year)?.length ?? 0), 0);
    if (used + wanted.length > allowance) {
      return {
        ok: false,
        field: null,
        message: t("allowance", { allowance, weeks: policy.maxWeeksPerYear, year, used, wanted: wanted.length }),
      };
    }
  }
  return { ok: true, days };
}

export type ExpectedIssue = { date: IsoDate; number: number | null; estimated: boolean };

/**
 * The issue numbers the given publication days carry. A day with an issue row
 * shows its number. A day from `today` on is an estimate: the last issue before
 * it plus the publication days in between, counted from today at the earliest,
 * because numbers follow issues: a pause or a day that passed without an issue
 * uses none (as in nextIssue). An extra or dropped issue later would shift it,
 * so the UI says 预计 (expected). A past day without an issue has no number.
 */
export function expectedIssues(
  days: readonly IsoDate[],
  known: readonly { date: IsoDate; number: number }[],
  schedule: Schedule,
  today: IsoDate,
): ExpectedIssue[] {
  const sorted = [...known].sort((a, b) => (a.date < b.date ? -1 : 1));
  return days.map((date) => {
    const exact = sorted.find((i) => i.date === date);
    if (exact) return { date, number: exact.number, estimated: false };
    const anchor = sorted.filter((i) => i.date < date).at(-1);
    if (!anchor || date < today) return { date, number: null, estimated: true };
    const from = addDays(anchor.date, 1) > today ? addDays(anchor.date, 1) : today;
    return { date, number: anchor.number + publicationDaysBetween(from, date, schedule).length, estimated: true };
  });
}
