import type { AccessSummary } from "@/lib/access-rule";
import { chineseDate, dateInZone, PAPER_TIME_ZONE } from "@/lib/dates";

/** How the account page words a reader's access. Dates are calendar days in the paper's zone. */
export const accessSourceLabels: Record<Exclude<AccessSummary, { status: "none" }>["source"], string> = {
  subscription: "订阅",
  prepaid: "预付",
  gift: "赠阅",
  comp: "赠送",
};

/**
 * Windows end at an exclusive instant (midnight after the last day), so the day
 * to show is the one holding the instant just before the end.
 */
export const lastIncludedDay = (endExclusive: Date, timeZone = PAPER_TIME_ZONE): string =>
  chineseDate(dateInZone(new Date(endExclusive.getTime() - 1), timeZone));

export type AccessView = {
  tone: "active" | "lapsed" | "upcoming" | "none";
  headline: string;
  source?: string;
  /** Show the way to /subscribe. */
  invite: boolean;
};

export function describeAccess(summary: AccessSummary, timeZone = PAPER_TIME_ZONE): AccessView {
  switch (summary.status) {
    case "active":
      return {
        tone: "active",
        headline: summary.until ? `订阅有效期至 ${lastIncludedDay(summary.until, timeZone)}` : "订阅长期有效",
        source: accessSourceLabels[summary.source],
        invite: false,
      };
    case "lapsed":
      return {
        tone: "lapsed",
        headline: `您的订阅已于 ${lastIncludedDay(summary.endedAt, timeZone)} 到期`,
        source: accessSourceLabels[summary.source],
        invite: true,
      };
    case "upcoming":
      return {
        tone: "upcoming",
        headline: `您的订阅将于 ${chineseDate(dateInZone(summary.startsAt, timeZone))} 开始`,
        source: accessSourceLabels[summary.source],
        invite: false,
      };
    case "none":
      return { tone: "none", headline: "您还没有订阅", invite: true };
  }
}
