import { chineseMonthDay, chineseWeekday } from "@/lib/dates";
import type { ExpectedIssue } from "@/lib/delivery-hold-rules";

/** 5月11日 星期一(预计总第1255期): 预计 while the issue does not exist yet. */
export function issueLabel(issue: ExpectedIssue): string {
  const number = issue.number === null ? "" : `(${issue.estimated ? "预计" : ""}总第${issue.number}期)`;
  return `${chineseMonthDay(issue.date)} ${chineseWeekday(issue.date)}${number}`;
}
