/**
 * The mails the portal sends, in Chinese and plain text: plain text survives
 * every mail client and keeps the code and the link easy to copy.
 */
export type MailContent = { subject: string; text: string };

const PAPER = "财信报";
const FOOTER = `\n\n如果这不是您本人的操作,请忽略此邮件,您的账户不会有任何变化。\n\n—— ${PAPER} 数字报`;

export function signInMail({ code, link, minutes }: { code: string; link: string; minutes: number }): MailContent {
  return {
    // The code stays out of the subject: subjects end up in logs and on lock screens.
    subject: `您的${PAPER}登录码`,
    text: `您好:\n\n您的登录码是 ${code},${minutes} 分钟内有效。也可以点击链接登录:\n${link}\n\n登录码和链接只能使用一次。${FOOTER}`,
  };
}

export function resetPasswordMail({ link, minutes }: { link: string; minutes: number }): MailContent {
  return {
    subject: `重设您的${PAPER}密码`,
    text: `您好:\n\n我们收到了重设您${PAPER}账户密码的请求。请在 ${minutes} 分钟内点击下面的链接设置新密码:\n${link}\n\n此链接只能使用一次。${FOOTER}`,
  };
}

export function verifyEmailMail({ link, hours }: { link: string; hours: number }): MailContent {
  return {
    subject: `请验证您在${PAPER}的邮箱`,
    text: `您好:\n\n感谢您注册${PAPER}。请在 ${hours} 小时内点击下面的链接验证您的邮箱:\n${link}${FOOTER}`,
  };
}

/** Absolute links into the portal, for mails. */
export function portalLink(appUrl: string, path: string, query?: Record<string, string>): string {
  const url = new URL(path, appUrl);
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
  return url.toString();
}
