import "server-only";
import { chineseDate, isIsoDate, type IsoDate } from "@/lib/dates";
import { loadSchedule } from "@/lib/calendar";
import { issueByNumber, issueNeighbours, type Issue } from "@/lib/editions";
import { classifyDay, weekdaysOn } from "@/lib/schedule";

export type IssueLink = { date: IsoDate; number: number; label: string };
export type DayExplanation = { message: string; nearest: IssueLink[] };

const link = (issue: Issue | null): IssueLink[] =>
  issue ? [{ date: issue.date, number: issue.number, label: `${chineseDate(issue.date)} 总第${issue.number}期` }] : [];

/** Why there is no issue at a path a reader asked for, and the nearest issues to go to instead. */
export async function explainMissingIssue(path: string): Promise<DayExplanation | null> {
  const byDate = /^\/issues\/(\d{4}-\d{2}-\d{2})(?:\/|$)/.exec(path);
  if (byDate && isIsoDate(byDate[1]!)) return explainDate(byDate[1]!);
  const byNumber = /^\/issues\/no\/(\d{1,9})\/?$/.exec(path);
  if (byNumber) return explainNumber(Number(byNumber[1]));
  return null;
}

async function explainDate(date: IsoDate): Promise<DayExplanation> {
  const [schedule, neighbours] = await Promise.all([loadSchedule(), issueNeighbours(date)]);
  const day = classifyDay(date, schedule);
  const when = chineseDate(date);
  const message =
    day.kind === "paused"
      ? `${when}本报休刊(${day.pause.reason})${day.wouldPublish ? "" : ",当天也不是出版日"}。`
      : day.kind === "no-publication"
        ? `${when}不是本报出版日(本报每${weekdayList(weekdaysOn(date, schedule))}出版)。`
        : `${when}的报纸尚未在网上发布。`;
  return { message, nearest: [...link(neighbours.previous), ...link(neighbours.next)] };
}

async function explainNumber(number: number): Promise<DayExplanation> {
  const [before, after] = await Promise.all([issueByNumber(number - 1), issueByNumber(number + 1)]);
  return { message: `没有找到总第${number}期。`, nearest: [...link(before), ...link(after)] };
}

const names = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];
const weekdayList = (weekdays: readonly number[]) => [...weekdays].sort().map((d) => names[d]).join("、");

