"use server";

import { revalidatePage } from "@/lib/i18n/revalidate";
import { after } from "next/server";
import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions";
import { createInvitation, revokeInvitation } from "@/lib/invitations";
import { sendMail } from "@/lib/mail";
import { STAFF_ROLE_LABEL } from "@/lib/mail/staff-templates";
import type { Role } from "@/lib/roles";
import { changeUserRole } from "@/lib/staff";

const admins = { roles: ["admin"] as readonly Role[] };

export const inviteStaffAction = validatedActionWithUser(
  z.object({ email: z.string().max(300), role: z.string().max(20) }),
  async (data, _formData, user) => {
    const result = await createInvitation(user.id, data);
    if ("error" in result) return result;
    after(() => sendMail(result.mail));
    revalidatePage("/admin/staff");
    return { ok: true, message: `已向 ${result.invitation.email} 发送${STAFF_ROLE_LABEL[result.invitation.role as "editor" | "admin"]}邀请,链接 7 天内有效` };
  },
  admins,
);

export const revokeInvitationAction = validatedActionWithUser(
  z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
  async ({ id }, _formData, user) => {
    const result = await revokeInvitation(user.id, id);
    if ("error" in result) return result;
    revalidatePage("/admin/staff");
    return { ok: true, message: "邀请已撤回" };
  },
  admins,
);

export const changeRoleAction = validatedActionWithUser(
  z.object({ userId: z.string().min(1).max(100), role: z.enum(["member", "editor", "admin"], { error: "无效的角色" }) }),
  async ({ userId, role }, _formData, user) => {
    const result = await changeUserRole(user.id, userId, role);
    if ("error" in result) return result;
    revalidatePage("/admin/staff");
    return { ok: true, message: role === "member" ? "已移出员工" : `已设为${STAFF_ROLE_LABEL[role]}` };
  },
  admins,
);
