import type { IsoDate } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { paperDate, paperMonthDay, paperWeekday } from "@/lib/i18n/format";
import { followingDate } from "@/lib/pause-notice";
import { letter, mailWords, type MailContent } from "./templates";

/**
 * The 休刊 mails to readers who asked for them on /account, plain text like
 * the other mails. A correction says plainly which dates it replaces, so a
 * reader who kept the first mail is not left with two answers. The reason and
 * the 休刊公告 are quoted as staff wrote them.
 */
export type PauseMailInput = {
  startsOn: IsoDate;
  endsOn: IsoDate;
  reason: string;
  resumesOn: IsoDate | null;
  /** The 休刊公告 as staff wrote it, quoted in full. */
  noticeText: string | null;
  /** The dates this reader was told before, when this mail corrects them. */
  correcting: { startsOn: IsoDate; endsOn: IsoDate } | null;
  archiveLink: string;
  accountLink: string;
};

/**
 * "2026年10月1日至10月8日" (the year once, first, as the paper writes it),
 * "from 1 October to 8 October 2026" (the year once, last).
 */
function rangeText(t: ReturnType<typeof mailWords>, locale: Locale, startsOn: IsoDate, endsOn: IsoDate): string {
  if (startsOn === endsOn) return t("pause.one", { date: paperDate(startsOn, locale) });
  if (locale === "zh-CN") return t("pause.many", { from: paperDate(startsOn, locale), to: followingDate(endsOn, startsOn) });
  const sameYear = startsOn.slice(0, 4) === endsOn.slice(0, 4);
  return t("pause.many", { from: sameYear ? paperMonthDay(startsOn, locale) : paperDate(startsOn, locale), to: paperDate(endsOn, locale) });
}

export function pauseNoticeMail(locale: Locale, input: PauseMailInput): MailContent {
  const t = mailWords(locale);
  const range = rangeText(t, locale, input.startsOn, input.endsOn);
  const resume = input.resumesOn
    ? t("pause.resume", { date: t("pause.dateWithWeekday", { date: paperDate(input.resumesOn, locale), weekday: paperWeekday(input.resumesOn, locale) }) })
    : t("pause.resumeLater");
  const notice = input.noticeText?.trim();
  return {
    subject: input.correcting ? t("pause.subjectCorrection", { range }) : t("pause.subject", { range, reason: input.reason }),
    text: letter(t, [
      t("pause.pause", { range, reason: input.reason, resume }),
      input.correcting && t("pause.correction", { range: rangeText(t, locale, input.correcting.startsOn, input.correcting.endsOn) }),
      notice && t("pause.notice", { text: notice }),
      t("pause.archive", { link: input.archiveLink }),
      t("pause.optOut", { link: input.accountLink }),
    ]),
  };
}
