import "server-only";
import { isIsoDate, type IsoDate } from "@/lib/dates";
import { loadSchedule } from "@/lib/calendar";
import { issueByNumber, issueNeighbours, type Issue } from "@/lib/editions";
import type { Locale } from "@/lib/i18n/config";
import { paperDate } from "@/lib/i18n/format";
import { requestLocale, translatorFor } from "@/lib/i18n/translate";
import { classifyDay, weekdaysOn } from "@/lib/schedule";

export type IssueLink = { date: IsoDate; number: number; label: string };
export type DayExplanation = { message: string; nearest: IssueLink[] };

type Words = ReturnType<typeof translatorFor<"reader.missingDay">>;

const link = (issue: Issue | null, t: Words, locale: Locale): IssueLink[] =>
  issue ? [{ date: issue.date, number: issue.number, label: t("issueLink", { date: paperDate(issue.date, locale), number: issue.number }) }] : [];

/**
 * Why there is no issue at a path a reader asked for, and the nearest issues to go to instead,
 * in `locale` (by default the reader's language from the cookie: the 404 page's request carries it).
 */
export async function explainMissingIssue(path: string, locale?: Locale): Promise<DayExplanation | null> {
  const byDate = /^\/issues\/(\d{4}-\d{2}-\d{2})(?:\/|$)/.exec(path)?.[1];
  const date = byDate && isIsoDate(byDate) ? byDate : null;
  const number = /^\/issues\/no\/(\d{1,9})\/?$/.exec(path)?.[1];
  if (!date && !number) return null;
  const language = locale ?? (await requestLocale());
  const t = translatorFor(language, "reader.missingDay");
  return date ? explainDate(date, t, language) : explainNumber(Number(number), t, language);
}

async function explainDate(date: IsoDate, t: Words, locale: Locale): Promise<DayExplanation> {
  const [schedule, neighbours] = await Promise.all([loadSchedule(), issueNeighbours(date)]);
  const day = classifyDay(date, schedule);
  const when = paperDate(date, locale);
  const message =
    day.kind === "paused"
      ? t(day.wouldPublish ? "paused" : "pausedNoPublicationDay", { date: when, reason: day.pause.reason })
      : day.kind === "no-publication"
        ? t("noPublicationDay", { date: when, weekdays: weekdayList(weekdaysOn(date, schedule), t, locale) })
        : t("notYetOnline", { date: when });
  return { message, nearest: [...link(neighbours.previous, t, locale), ...link(neighbours.next, t, locale)] };
}

async function explainNumber(number: number, t: Words, locale: Locale): Promise<DayExplanation> {
  const [before, after] = await Promise.all([issueByNumber(number - 1), issueByNumber(number + 1)]);
  return { message: t("noSuchNumber", { number }), nearest: [...link(before, t, locale), ...link(after, t, locale)] };
}

const names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** "周一、周四" · "Monday and Thursday" */
function weekdayList(weekdays: readonly number[], t: Words, locale: Locale): string {
  const list = [...weekdays].sort().map((d) => t(`weekdays.${names[d - 1]!}`));
  return locale === "zh-CN" ? list.join("、") : new Intl.ListFormat("en-GB", { type: "conjunction" }).format(list);
}
