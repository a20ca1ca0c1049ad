import type { AccessSummary, AccessWindowLike } from "@/lib/access-rule";
import { chineseDate, dateInZone } from "@/lib/dates";

export const accessSourceLabel: Record<AccessWindowLike["source"], string> = {
  subscription: "订阅",
  prepaid: "预付订阅",
  gift: "赠阅",
  comp: "赠送",
};

/** Window ends are exclusive instants; readers think in the last day they could read. */
export const lastIncludedDay = (endsAt: Date): string => chineseDate(dateInZone(new Date(endsAt.getTime() - 1)));

/** One sentence about a reader's access, for the account page and paywalls. */
export function describeAccess(summary: AccessSummary): string {
  switch (summary.status) {
    case "active":
      return summary.until
        ? `订阅有效期至 ${lastIncludedDay(summary.until)}(${accessSourceLabel[summary.source]})`
        : `订阅长期有效(${accessSourceLabel[summary.source]})`;
    case "lapsed":
      return `您的订阅已于 ${lastIncludedDay(summary.endedAt)} 到期`;
    case "upcoming":
      return `您的订阅将于 ${chineseDate(dateInZone(summary.startsAt))} 开始`;
    case "none":
      return "您尚未订阅";
  }
}
