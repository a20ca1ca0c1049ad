import type { MailContent } from "./templates";

export function giftReceivedMail({ fromName, planName, months, message, link, expiresOn }: {
  fromName: string;
  planName: string;
  months: number;
  message: string | null;
  link: string;
  expiresOn: string;
}): MailContent {
  const note = message ? `\n\n${fromName} 的留言:${message}` : "";
  return {
    subject: `${fromName} 送您一份财信报数字版`,
    text: `您好:\n\n${fromName} 送您一份财信报数字版订阅:${planName}(${months} 个月)。${note}\n\n请点击下面的链接,登录或注册后领取(${expiresOn}前有效,只能领取一次):\n${link}\n\n—— 财信报 数字报`,
  };
}
