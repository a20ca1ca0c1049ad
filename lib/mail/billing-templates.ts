import { chineseDate, dateInZone } from "@/lib/dates";
import type { MailContent } from "./templates";

/**
 * Billing mails, plain Chinese text like the account mails. Dates are the
 * reader's last day of access on the paper's calendar (Asia/Shanghai): a
 * window is half-open, so the last included day is the day of endsAt − 1 ms.
 */
const PAPER = "财信报";
const SIGNATURE = `\n\n—— ${PAPER} 数字报`;

export const lastAccessDay = (endsAt: Date): string => chineseDate(dateInZone(new Date(endsAt.getTime() - 1)));

export function accessGrantedMail(input: {
  planName: string;
  endsAt: Date;
  kind: "subscription" | "prepaid" | "gift";
  /** A subscription in its free trial: nothing has been charged yet. */
  trial?: boolean;
  /** The window already existed and moved on: a renewal rather than a start. */
  renewed?: boolean;
  accountLink: string;
}): MailContent {
  const until = lastAccessDay(input.endsAt);
  let how: string;
  if (input.kind !== "subscription") how = `您购买的「${input.planName}」已生效,可阅读至 ${until}(含当日)。到期不会自动扣费。`;
  else if (input.trial) how = `您的订阅「${input.planName}」已开通,免费试读至 ${until}(含当日),试读结束后将自动扣费,可随时取消。`;
  else if (input.renewed) how = `您的订阅「${input.planName}」已续费成功,可阅读至 ${until}(含当日)。`;
  else how = `您的订阅「${input.planName}」已生效,当前已付费期限至 ${until}(含当日),到期后将自动续费。`;
  return {
    subject: input.renewed ? `${PAPER}:续费成功` : `${PAPER}:您的订阅已生效`,
    text: `您好:\n\n感谢您订阅${PAPER}。${how}\n\n查看订阅与付款记录:\n${input.accountLink}${SIGNATURE}`,
  };
}

export function subscriptionPaymentFailedMail(input: { planName: string; graceEndsAt: Date | null; portalLink: string; accountLink: string }): MailContent {
  const grace = input.graceEndsAt ? `为不影响阅读,我们为您保留访问权限至 ${lastAccessDay(input.graceEndsAt)}(含当日)。` : "";
  return {
    subject: `${PAPER}:订阅续费未成功`,
    text:
      `您好:\n\n您的订阅「${input.planName}」本期续费扣款未成功。${grace}` +
      `请更新付款方式,系统会自动重新扣款:\n${input.portalLink}\n\n` +
      `上面的链接有效期较短;如已失效,请登录后在「我的账户」中管理订阅:\n${input.accountLink}${SIGNATURE}`,
  };
}

export function oneOffPaymentFailedMail(input: { planName: string; gift: boolean; retryLink: string }): MailContent {
  const what = input.gift ? `赠送的「${input.planName}」礼物` : `「${input.planName}」`;
  return {
    subject: `${PAPER}:付款未完成`,
    text: `您好:\n\n您为${what}发起的付款未能完成,未产生扣费,订阅尚未开通。\n\n如需重新购买,请访问:\n${input.retryLink}${SIGNATURE}`,
  };
}

export function prepaidEndingMail(input: { planName: string; endsAt: Date; daysLeft: number; renewLink: string }): MailContent {
  const until = lastAccessDay(input.endsAt);
  const when = input.daysLeft <= 0 ? "今天是最后一天" : `还有 ${input.daysLeft} 天到期`;
  return {
    subject: input.daysLeft <= 0 ? `${PAPER}:您的订阅今天到期` : `${PAPER}:您的订阅将于 ${until} 到期`,
    text:
      `您好:\n\n您的「${input.planName}」可阅读至 ${until}(含当日),${when}。预付订阅到期不会自动扣费。\n\n` +
      `如需继续阅读,请续订:\n${input.renewLink}${SIGNATURE}`,
  };
}
