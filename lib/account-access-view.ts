import type { AccessSummary } from "@/lib/access-rule";
import { dateInZone, PAPER_TIME_ZONE } from "@/lib/dates";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { paperDate } from "@/lib/i18n/format";
import { translatorFor } from "@/lib/i18n/translate";

type AccessSource = Exclude<AccessSummary, { status: "none" }>["source"];

/** How the account page words a reader's access. Dates are calendar days in the paper's zone. */
export const accessSourceLabel = (source: AccessSource, locale: Locale = defaultLocale): string =>
  translatorFor(locale, "account.access.sources")(source);

/** The labels in the default language (订阅, 预付, 赠阅, 赠送). */
export const accessSourceLabels: Record<AccessSource, string> = {
  subscription: accessSourceLabel("subscription"),
  prepaid: accessSourceLabel("prepaid"),
  gift: accessSourceLabel("gift"),
  comp: accessSourceLabel("comp"),
};

/**
 * Windows end at an exclusive instant (midnight after the last day), so the day
 * to show is the one holding the instant just before the end.
 */
export const lastIncludedDay = (endExclusive: Date, locale: Locale = defaultLocale, timeZone = PAPER_TIME_ZONE): string =>
  paperDate(dateInZone(new Date(endExclusive.getTime() - 1), timeZone), locale);

export type AccessView = {
  tone: "active" | "lapsed" | "upcoming" | "none";
  headline: string;
  source?: string;
  /** Show the way to /subscribe. */
  invite: boolean;
};

export function describeAccess(summary: AccessSummary, locale: Locale = defaultLocale, timeZone = PAPER_TIME_ZONE): AccessView {
  const t = translatorFor(locale, "account.access");
  switch (summary.status) {
    case "active":
      return {
        tone: "active",
        headline: summary.until ? t("activeUntil", { date: lastIncludedDay(summary.until, locale, timeZone) }) : t("activeOpen"),
        source: accessSourceLabel(summary.source, locale),
        invite: false,
      };
    case "lapsed":
      return {
        tone: "lapsed",
        headline: t("lapsed", { date: lastIncludedDay(summary.endedAt, locale, timeZone) }),
        source: accessSourceLabel(summary.source, locale),
        invite: true,
      };
    case "upcoming":
      return {
        tone: "upcoming",
        headline: t("upcoming", { date: paperDate(dateInZone(summary.startsAt, timeZone), locale) }),
        source: accessSourceLabel(summary.source, locale),
        invite: false,
      };
    case "none":
      return { tone: "none", headline: t("none"), invite: true };
  }
}
