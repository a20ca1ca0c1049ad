import type { ExpectedIssue } from "@/lib/delivery-hold-rules";
import type { IsoDate } from "@/lib/dates";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { paperMonthDay, paperWeekday } from "@/lib/i18n/format";
import { translatorFor } from "@/lib/i18n/translate";

/** 5月11日 星期一(预计总第1255期) · Monday 11 May (expected issue No. 1255): 预计 while the issue does not exist yet. */
export function issueLabel(issue: ExpectedIssue, locale: Locale = defaultLocale): string {
  const t = translatorFor(locale, "account.delivery");
  // The number as a string: ICU would group its digits (1,255).
  const number = issue.number === null ? "" : t(issue.estimated ? "issueNumberEstimated" : "issueNumber", { number: String(issue.number) });
  return `${t("issue", { date: paperMonthDay(issue.date, locale), weekday: paperWeekday(issue.date, locale) })}${number}`;
}

/** 5月4日 / 5月4日至5月8日 · 4 May / 4 May – 8 May */
export function holdSpan(hold: { startsOn: IsoDate; endsOn: IsoDate }, locale: Locale = defaultLocale): string {
  if (hold.startsOn === hold.endsOn) return paperMonthDay(hold.startsOn, locale);
  return translatorFor(locale, "account.delivery")("range", { start: paperMonthDay(hold.startsOn, locale), end: paperMonthDay(hold.endsOn, locale) });
}
