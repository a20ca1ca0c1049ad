"use server";

import { revalidatePage } from "@/lib/i18n/revalidate";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formFields, validatedActionWithUser, type ActionState } from "@/lib/actions";
import { requestTranslator } from "@/lib/i18n/translate";
import { createQrCode, createQrCodesForIssue, deleteQrCode, makeQrCodeSchema, setQrCodeEnabled, updateQrCode, type AdminQrT } from "@/lib/qr/codes-admin";
import type { Role } from "@/lib/roles";

/**
 * The 二维码 forms. The wrapper limits each action to editors and admins (read
 * from the database); lib/qr/codes-admin.ts checks again and holds the rules.
 * Each action builds its schema per call, so its messages are in the staff
 * member's language.
 */
const staff = { roles: ["editor", "admin"] as readonly Role[] };
const idField = (t: AdminQrT) => z.string().regex(/^[1-9]\d{0,8}$/, t("errors.invalidRecord")).transform(Number);

export async function createQrCodeAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await requestTranslator("adminQr");
  return validatedActionWithUser(
    makeQrCodeSchema(t),
    async (_data, formData, user) => {
      // The lib parses the raw form again: it is the one place with the rules.
      const result = await createQrCode(user.id, formFields(formData));
      if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
      redirect(`/admin/qr/${result.code.id}?done=created`);
    },
    staff,
  )(previous, formData);
}

export async function updateQrCodeAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await requestTranslator("adminQr");
  return validatedActionWithUser(
    z.object({ id: idField(t) }),
    async ({ id }, formData, user) => {
      const result = await updateQrCode(user.id, id, formFields(formData));
      if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
      revalidatePage(`/admin/qr/${id}`);
      return { ok: true, message: t("form.saved") };
    },
    staff,
  )(previous, formData);
}

export async function setQrCodeEnabledAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await requestTranslator("adminQr");
  return validatedActionWithUser(
    z.object({ id: idField(t), enabled: z.enum(["1", "0"]) }),
    async ({ id, enabled }, _formData, user) => {
      const result = await setQrCodeEnabled(user.id, id, enabled === "1");
      if (!result.ok) return { error: result.error };
      redirect(`/admin/qr/${id}?done=${enabled === "1" ? "enabled" : "disabled"}`);
    },
    staff,
  )(previous, formData);
}

export async function deleteQrCodeAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await requestTranslator("adminQr");
  return validatedActionWithUser(
    z.object({ id: idField(t) }),
    async ({ id }, _formData, user) => {
      const result = await deleteQrCode(user.id, id);
      if (!result.ok) return { error: result.error };
      redirect(`/admin/qr?done=deleted&code=${result.code.code}`);
    },
    staff,
  )(previous, formData);
}

export async function createCodesForIssueAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await requestTranslator("adminQr");
  return validatedActionWithUser(
    z.object({ issueId: z.string({ error: t("errors.chooseIssue") }).regex(/^[1-9]\d{0,8}$/, t("errors.chooseIssue")).transform(Number) }),
    async ({ issueId }, _formData, user) => {
      const result = await createQrCodesForIssue(user.id, issueId);
      if (!result.ok) return { error: result.error };
      revalidatePage("/admin/qr");
      const created = result.created.length;
      const existing = result.existing;
      return {
        ok: true,
        message:
          created === 0
            ? t("tools.bulkNoneNew", { existing })
            : existing
              ? t("tools.bulkCreatedSkipping", { created, existing })
              : t("tools.bulkCreated", { created }),
      };
    },
    staff,
  )(previous, formData);
}
