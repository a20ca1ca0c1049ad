import type { publication } from "@/db/schema";
import type { IsoDate } from "@/lib/dates";
import { frontPage1253, NOTICE_TEXT } from "./front-page";
import { insidePages1253 } from "./issue-1253-inside";
import { issue1249, issue1250 } from "./issues-1249-1250";
import { issue1251, issue1252 } from "./issues-1251-1252";
import { issue } from "./layout";
import type { SeedIssue } from "./types";

/**
 * The demo content as data: the 财信报 profile, issue 1253 of 2026-04-30 with
 * its real front page (/work/shared/seed) and sample inside pages, four sample
 * back issues, and the 劳动节 pause announced on that front page.
 */

export const demoPublication = {
  id: 1,
  name: "财信报",
  slogan: "Attractable · Learnable · Available 好看 · 好学 · 好用",
  cnNumber: "CN 15-0042",
  sponsor: "内蒙古新华报业中心",
  publisher: "财信报社",
  hotline: "(0471) 3122969",
  timeZone: "Asia/Shanghai",
  /** Monday and Thursday: the 休刊公告 skips Monday 5-4 and resumes Thursday 5-7. */
  weekdays: [1, 4],
} satisfies typeof publication.$inferInsert;

/** Shown in the masthead's QR-style box. */
export const QR_LABEL = "扫码关注本报网站";

export const demoPause: { startsOn: IsoDate; endsOn: IsoDate; reason: string; basis: string; noticeText: string } = {
  startsOn: "2026-05-04",
  endsOn: "2026-05-04",
  reason: "劳动节",
  basis: "国务院办公厅关于2026年五一国际劳动节放假安排",
  noticeText: NOTICE_TEXT,
};

export const issue1253: SeedIssue = issue(1253, "2026-04-30", [frontPage1253, ...insidePages1253]);

/** Oldest first, so serial ids follow publication order on a fresh database. */
export const demoIssues: SeedIssue[] = [issue1249, issue1250, issue1251, issue1252, issue1253];

/** The article body as stored: paragraphs separated by one blank line. */
export const joinParagraphs = (paragraphs: readonly string[]): string => paragraphs.join("\n\n");
