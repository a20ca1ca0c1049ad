"use server";

import { revalidatePage } from "@/lib/i18n/revalidate";
import { redirect } from "next/navigation";
import { z } from "zod";
import { forgetAccess } from "@/lib/access";
import { validatedActionWithUser } from "@/lib/actions";
import { COMP_DURATIONS, COMP_NOTE_MAX, compEnd, grantComplimentaryAccess, revokeComplimentaryAccess, type CompDuration } from "@/lib/billing/comp";
import { importReaders } from "@/lib/reader-csv";
import { isCompOf } from "@/lib/readers-admin";
import { roles, type Role } from "@/lib/roles";
import { changeUserRole } from "@/lib/staff";
import { discardStagedImport, loadStagedImport } from "./import/staging";

/**
 * The 读者 forms, admins only: the wrapper re-reads the role from the
 * database, and each lib function checks it again before writing.
 */
const adminOnly = { roles: ["admin"] as readonly Role[] };
const readerId = z.string().regex(/^[\w-]{1,100}$/, "无效的读者");
const windowId = z.string().regex(/^[1-9]\d{0,9}$/, "无效的记录").transform(Number);
const durations = Object.keys(COMP_DURATIONS) as [CompDuration, ...CompDuration[]];

export const grantCompAction = validatedActionWithUser(
  z.object({
    userId: readerId,
    duration: z.enum(durations, { error: "请选择赠阅时长" }),
    note: z.string().trim().max(COMP_NOTE_MAX, `备注最多 ${COMP_NOTE_MAX} 个字符`).optional().default(""),
  }),
  async ({ userId, duration, note }, _formData, user) => {
    const result = await grantComplimentaryAccess(user.id, { userId, until: compEnd(duration), note });
    if ("error" in result) return { error: result.error };
    revalidatePage(`/admin/readers/${userId}`);
    return { ok: true, message: `已赠送${COMP_DURATIONS[duration].label}阅读权限。` };
  },
  adminOnly,
);

export const revokeCompAction = validatedActionWithUser(
  z.object({ userId: readerId, windowId }),
  async ({ userId, windowId: id }, _formData, user) => {
    // The form names the reader too: a window id from another reader's page is refused.
    if (!(await isCompOf(userId, id))) return { error: "没有这条赠阅记录" };
    const result = await revokeComplimentaryAccess(user.id, id);
    if ("error" in result) return { error: result.error };
    revalidatePage(`/admin/readers/${userId}`);
    return { ok: true, message: "已收回赠阅。" };
  },
  adminOnly,
);

export const changeRoleAction = validatedActionWithUser(
  z.object({ userId: readerId, role: z.enum(roles, { error: "请选择角色" }) }),
  async ({ userId, role }, _formData, user) => {
    const result = await changeUserRole(user.id, userId, role);
    if ("error" in result) return { error: result.error };
    revalidatePage(`/admin/readers/${userId}`);
    return { ok: true, message: "角色已更新。" };
  },
  adminOnly,
);

export const confirmImportAction = validatedActionWithUser(
  z.object({ check: z.string().regex(/^[0-9a-f]{32}$/, "导入文件已失效,请重新上传") }),
  async ({ check }, _formData, user) => {
    const staged = await loadStagedImport(check, user.id);
    if (!staged) return { error: "导入文件已失效(超过一小时或已导入),请重新上传。" };
    const result = await importReaders(user.id, staged.csv, { fileName: staged.fileName });
    // Imported or refused, the staged copy has served: a refused file is fixed and uploaded again.
    await discardStagedImport(check);
    if ("error" in result) return { error: `${result.error}${result.report ? `(${result.report.problems.length} 行有错误)` : ""}` };
    for (const id of result.compUserIds) forgetAccess(id);
    const { newAccounts, existingAccounts, compsToGrant } = result.report;
    redirect(`/admin/readers/import?done=1&new=${newAccounts}&existing=${existingAccounts}&comps=${compsToGrant}`);
  },
  adminOnly,
);
