"use server";

import { revalidatePage } from "@/lib/i18n/revalidate";
import { after } from "next/server";
import { z } from "zod";
import { validatedActionWithUser, type ActionState } from "@/lib/actions";
import { requestTranslator } from "@/lib/i18n/translate";
import { createInvitation, revokeInvitation } from "@/lib/invitations";
import { sendMail } from "@/lib/mail";
import type { Role } from "@/lib/roles";
import { changeUserRole } from "@/lib/staff";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;
type T = Awaited<ReturnType<typeof requestTranslator<"adminPeople.staff.actions">>>;

const admins = { roles: ["admin"] as readonly Role[] };

/** The action for this request's language: schemas and messages are worded per call. */
const translated =
  (build: (t: T) => Action): Action =>
  async (previous, formData) =>
    build(await requestTranslator("adminPeople.staff.actions"))(previous, formData);

const invite = (t: T) =>
  validatedActionWithUser(
    z.object({ email: z.string().max(300), role: z.string().max(20) }),
    async (data, _formData, user) => {
      const result = await createInvitation(user.id, data);
      if ("error" in result) return result;
      after(() => sendMail(result.mail));
      revalidatePage("/admin/staff");
      return { ok: true, message: t("invited", { email: result.invitation.email, role: result.invitation.role }) };
    },
    admins,
  );

const revoke = (t: T) =>
  validatedActionWithUser(
    z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
    async ({ id }, _formData, user) => {
      const result = await revokeInvitation(user.id, id);
      if ("error" in result) return result;
      revalidatePage("/admin/staff");
      return { ok: true, message: t("revoked") };
    },
    admins,
  );

const changeRole = (t: T) =>
  validatedActionWithUser(
    z.object({ userId: z.string().min(1).max(100), role: z.enum(["member", "editor", "admin"], { error: t("invalidRole") }) }),
    async ({ userId, role }, _formData, user) => {
      const result = await changeUserRole(user.id, userId, role);
      if ("error" in result) return result;
      revalidatePage("/admin/staff");
      return { ok: true, message: role === "member" ? t("removed") : t("roleSet", { role }) };
    },
    admins,
  );

export async function inviteStaffAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return translated(invite)(previous, formData);
}

export async function revokeInvitationAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return translated(revoke)(previous, formData);
}

export async function changeRoleAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return translated(changeRole)(previous, formData);
}
