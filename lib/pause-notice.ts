import { addDays, chineseDate, chineseMonthDay, type IsoDate } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { paperMonthDay, paperWeekday } from "@/lib/i18n/format";
import { translatorFor } from "@/lib/i18n/translate";
import { announcementDay } from "@/lib/next-issue";
import { isScheduledWeekday, nextPublicationDay, type PauseLike, type Schedule } from "@/lib/schedule";

/**
 * The words of a 休刊 in the paper's own style, as pure functions: the printed
 * 休刊公告, the date ranges mails and the banner use, and which pause readers
 * should be told about today. Nothing here reads the database.
 */
const yearOf = (iso: IsoDate) => iso.slice(0, 4);

/**
 * A date written after `previous` in the same sentence: the year is left out
 * when it is the same, as the paper does ("2026年5月4日休刊,5月7日恢复出报").
 */
export const followingDate = (iso: IsoDate, previous: IsoDate): string =>
  yearOf(iso) === yearOf(previous) ? chineseMonthDay(iso) : chineseDate(iso);

/** "2026年5月4日", "2026年10月1日至10月8日", "2026年12月31日至2027年1月3日". */
export function pauseRangeText(startsOn: IsoDate, endsOn: IsoDate): string {
  const start = chineseDate(startsOn);
  return startsOn === endsOn ? start : `${start}至${followingDate(endsOn, startsOn)}`;
}

export type NoticeInput = {
  startsOn: IsoDate;
  endsOn: IsoDate;
  reason: string;
  basis?: string | null;
  /** The first publication day after the pause, or null when none is scheduled yet. */
  resumesOn: IsoDate | null;
  publisher: string;
  /** The date printed under the notice. */
  announcedOn: IsoDate;
};

/**
 * The 休刊公告 as printed on page 1: one paragraph, then the publisher and the
 * date as lines of their own (paragraphs are separated by blank lines, like
 * every article body). The commas are the paper's half-width ones.
 */
export function draftPauseNotice(input: NoticeInput): string {
  const basis = input.basis?.trim();
  const lead = basis ? `根据${basis},` : `因${input.reason.trim()},`;
  const resume = input.resumesOn ? `,${followingDate(input.resumesOn, input.endsOn)}恢复出报工作` : ",恢复出报时间另行通知";
  const body = `${lead}本报决定${pauseRangeText(input.startsOn, input.endsOn)}休刊${resume}。休刊期间,本报新媒体持续更新,敬请关注。`;
  return [body, input.publisher, chineseDate(input.announcedOn)].join("\n\n");
}

/**
 * The date under a drafted notice: its announcement day, but never a day
 * already gone (a pause entered at short notice is announced today).
 */
export function noticeDate(pause: PauseLike & { announceOn?: IsoDate | null }, today: IsoDate): IsoDate {
  const day = announcementDay(pause);
  return day < today ? today : day;
}

/** The schedule without one pause: the one being edited must not shift its own resume date. */
export const withoutPause = <S extends Schedule>(schedule: S, id: number | undefined): S =>
  id === undefined ? schedule : { ...schedule, pauses: schedule.pauses.filter((p) => (p as { id?: number }).id !== id) };

/**
 * Why a pause may be pointless, for staff: it takes no usual publication day
 * away. Allowed (a pause can be entered before the schedule changes), but shown.
 */
export function noPublicationDayWarning(startsOn: IsoDate, endsOn: IsoDate, schedule: Pick<Schedule, "weekdays" | "changes">): string | null {
  for (let d = startsOn; d <= endsOn; d = addDays(d, 1)) if (isScheduledWeekday(d, schedule)) return null;
  return startsOn === endsOn ? "该日不是出版日" : "该时段内没有出版日";
}

export type BannerPause<P extends PauseLike = PauseLike> = { pause: P; current: boolean; resumesOn: IsoDate | null };

/**
 * The pause readers are told about today: from its announcement day until the
 * paper is back (the day before the resume date), the earliest first. A pause
 * with no resume date in sight is shown until its last day. Pauses that ended
 * over a month ago are not looked at: no schedule leaves a month without issues.
 */
export function bannerPause<P extends PauseLike & { announceOn?: IsoDate | null }>(
  today: IsoDate,
  schedule: Schedule & { pauses: readonly P[] },
): BannerPause<P> | null {
  const candidates = [...schedule.pauses]
    .filter((p) => announcementDay(p) <= today && p.endsOn >= addDays(today, -31))
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  for (const pause of candidates) {
    const resumesOn = nextPublicationDay(pause.endsOn, schedule);
    const over = resumesOn ? today >= resumesOn : today > pause.endsOn;
    if (!over) return { pause, current: pause.startsOn <= today && today <= pause.endsOn, resumesOn };
  }
  return null;
}

/**
 * The banner's sentence, in the reader's language: "本报5月4日休刊(劳动节),5月7日恢复出报。",
 * "No issue on 4 May (劳动节); the paper is back on 7 May." The reason is the staff's text as entered.
 */
export function bannerSentence(
  b: { startsOn: IsoDate; endsOn: IsoDate; reason: string; resumesOn: IsoDate | null; current: boolean },
  today: IsoDate,
  locale: Locale = "zh-CN",
): string {
  const t = translatorFor(locale, "reader");
  const day = (iso: IsoDate) => paperMonthDay(iso, locale);
  const days =
    b.current && b.startsOn === b.endsOn
      ? t("pauseDays.today")
      : b.startsOn === b.endsOn
        ? t("pauseDays.one", { date: day(b.startsOn) })
        : t("pauseDays.many", { from: day(b.startsOn), to: day(b.endsOn) });
  const resume = b.resumesOn ? t("banner.resume", { date: day(b.resumesOn) }) : "";
  return t(today > b.endsOn ? "banner.sentenceOver" : "banner.sentence", { days, reason: b.reason, resume });
}

/** The banner's next issue: "5月7日 星期四", "Thursday 7 May". */
export const bannerNextLabel = (date: IsoDate, locale: Locale = "zh-CN"): string =>
  translatorFor(locale, "reader.banner")("nextLabel", { date: paperMonthDay(date, locale), weekday: paperWeekday(date, locale) });
