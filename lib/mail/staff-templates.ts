import type { MailContent } from "./templates";

export const STAFF_ROLE_LABEL = { editor: "编辑", admin: "管理员" } as const;

/** The staff invitation: the link is the only secret, valid once and until `expiresOn`. */
export function staffInvitationMail({ inviterName, role, link, expiresOn }: {
  inviterName: string;
  role: "editor" | "admin";
  link: string;
  expiresOn: string;
}): MailContent {
  const roleLabel = STAFF_ROLE_LABEL[role];
  return {
    subject: `邀请您以${roleLabel}身份加入财信报编辑后台`,
    text:
      `您好:\n\n${inviterName} 邀请您以「${roleLabel}」身份加入财信报数字报的编辑后台。\n\n` +
      `请打开下面的链接接受邀请(${expiresOn} 前有效,只能使用一次):\n${link}\n\n` +
      `如您还没有财信报账户,可在该页面设置姓名和密码;接受后请在登录页登录。\n\n` +
      `如果您不认识邀请人,请忽略此邮件。\n\n—— 财信报 数字报`,
  };
}
