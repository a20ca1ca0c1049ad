import { chineseDate, chineseWeekday, type IsoDate } from "@/lib/dates";
import { pauseRangeText } from "@/lib/pause-notice";
import type { MailContent } from "./templates";

/**
 * The 休刊 mails to readers who asked for them on /account: plain Chinese
 * text like the other mails. A correction says plainly which dates it
 * replaces, so a reader who kept the first mail is not left with two answers.
 */
const PAPER = "财信报";
const SIGNATURE = `\n\n—— ${PAPER} 数字报`;

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

const dayWithWeekday = (iso: IsoDate) => `${chineseDate(iso)}(${chineseWeekday(iso)})`;

export function pauseNoticeMail(input: PauseMailInput): MailContent {
  const range = pauseRangeText(input.startsOn, input.endsOn);
  const resume = input.resumesOn ? `,${dayWithWeekday(input.resumesOn)}恢复出报` : ",恢复出报时间另行通知";
  const lines = [`您好:`, `本报${range}休刊(${input.reason})${resume}。`];
  if (input.correcting) {
    lines.push(`此前通知的休刊日期(${pauseRangeText(input.correcting.startsOn, input.correcting.endsOn)})已调整,请以本邮件为准。`);
  }
  if (input.noticeText?.trim()) lines.push(`休刊公告:\n${input.noticeText.trim()}`);
  lines.push(`往期报纸可在网站上随时阅读:\n${input.archiveLink}`);
  lines.push(`您收到这封邮件,是因为您在账户中选择了接收休刊通知。如不再需要,可在「我的账户」中取消:\n${input.accountLink}`);
  return {
    subject: input.correcting ? `更正:${PAPER}休刊日期调整为${range}` : `${PAPER}休刊通知:${range}休刊(${input.reason})`,
    text: lines.join("\n\n") + SIGNATURE,
  };
}
