"use server";

import { z } from "zod";
import { confirmPasswordField, linkTokenField } from "@/lib/account-schemas";
import { validatedAction } from "@/lib/actions";
import { acceptInvitation } from "@/lib/invitations";
import { sessionUserId } from "@/lib/session";

/**
 * Accepting a staff invitation: the POST, never the page view, uses the link
 * (mail scanners open links). New accounts type the password twice.
 */
export const acceptInvitationAction = validatedAction(
  z
    .object({
      token: linkTokenField,
      name: z.string().max(200).optional(),
      password: z.string().max(200).optional(),
      confirmPassword: confirmPasswordField.optional(),
    })
    .refine((form) => form.password === undefined || form.password === form.confirmPassword, { path: ["confirmPassword"], message: "两次输入的密码不一致" }),
  async ({ token, name, password }) => {
    const result = await acceptInvitation(token, { viewerId: await sessionUserId(), name, password });
    if ("error" in result) return result;
    const role = result.role === "admin" ? "管理员" : "编辑";
    return {
      ok: true,
      message: result.newAccount
        ? `账户已创建,您现在是财信报的${role}。请用邮箱 ${result.email} 和刚设置的密码登录。`
        : `邀请已接受,账户 ${result.email} 现在是财信报的${role}。`,
    };
  },
);
