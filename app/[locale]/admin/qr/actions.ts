"use server";

import { revalidatePage } from "@/lib/i18n/revalidate";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formFields, validatedActionWithUser } from "@/lib/actions";
import { createQrCode, createQrCodesForIssue, deleteQrCode, qrCodeSchema, setQrCodeEnabled, updateQrCode } from "@/lib/qr/codes-admin";
import type { Role } from "@/lib/roles";

/**
 * The 二维码 forms. The wrapper limits each action to editors and admins (read
 * from the database); lib/qr/codes-admin.ts checks again and holds the rules.
 */
const staff = { roles: ["editor", "admin"] as readonly Role[] };
const idField = z.string().regex(/^[1-9]\d{0,8}$/, "无效的记录").transform(Number);

export const createQrCodeAction = validatedActionWithUser(
  qrCodeSchema,
  async (_data, formData, user) => {
    // The lib parses the raw form again: it is the one place with the rules.
    const result = await createQrCode(user.id, formFields(formData));
    if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
    redirect(`/admin/qr/${result.code.id}?done=created`);
  },
  staff,
);

export const updateQrCodeAction = validatedActionWithUser(
  z.object({ id: idField }),
  async ({ id }, formData, user) => {
    const result = await updateQrCode(user.id, id, formFields(formData));
    if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
    revalidatePage(`/admin/qr/${id}`);
    return { ok: true, message: "已保存 Saved" };
  },
  staff,
);

export const setQrCodeEnabledAction = validatedActionWithUser(
  z.object({ id: idField, enabled: z.enum(["1", "0"]) }),
  async ({ id, enabled }, _formData, user) => {
    const result = await setQrCodeEnabled(user.id, id, enabled === "1");
    if (!result.ok) return { error: result.error };
    redirect(`/admin/qr/${id}?done=${enabled === "1" ? "enabled" : "disabled"}`);
  },
  staff,
);

export const deleteQrCodeAction = validatedActionWithUser(
  z.object({ id: idField }),
  async ({ id }, _formData, user) => {
    const result = await deleteQrCode(user.id, id);
    if (!result.ok) return { error: result.error };
    redirect(`/admin/qr?done=deleted&code=${result.code.code}`);
  },
  staff,
);

export const createCodesForIssueAction = validatedActionWithUser(
  z.object({ issueId: z.string({ error: "请选择期次" }).regex(/^[1-9]\d{0,8}$/, "请选择期次").transform(Number) }),
  async ({ issueId }, _formData, user) => {
    const result = await createQrCodesForIssue(user.id, issueId);
    if (!result.ok) return { error: result.error };
    revalidatePage("/admin/qr");
    return {
      ok: true,
      message:
        result.created.length === 0
          ? `本期 ${result.existing} 篇稿件都已有二维码,没有新建。`
          : `已为 ${result.created.length} 篇稿件生成二维码${result.existing ? `(${result.existing} 篇已有,未重复生成)` : ""}。`,
    };
  },
  staff,
);
