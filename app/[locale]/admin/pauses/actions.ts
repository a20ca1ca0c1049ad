"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { formFields, validatedActionWithUser } from "@/lib/actions";
import { announcePauses } from "@/lib/pause-mail";
import { attachPauseToIssue, deletePause, draftNoticeFor, pauseSchema, savePause } from "@/lib/pauses";
import type { Role } from "@/lib/roles";
import { revalidateNotice, revalidatePauseRanges } from "./revalidate";
import { logger } from "@/lib/log";

const log = logger.child({ module: "pauses" });

/**
 * The 休刊 forms. Each action is limited to staff by the wrapper (the role is
 * re-read from the database) and again by lib/pauses.ts, which holds the rules.
 */
const staff = { roles: ["editor", "admin"] as readonly Role[] };
const idField = z.string().regex(/^[1-9]\d{0,8}$/, "无效的记录").transform(Number);

/** Mails go out after the response, once the transaction has committed; a failure is logged, never shown. */
function announceLater() {
  after(async () => {
    try {
      await announcePauses();
    } catch (error) {
      log.error({ err: error }, "Announcing pauses failed");
    }
  });
}

export const savePauseAction = validatedActionWithUser(
  pauseSchema(),
  async (_data, formData, user) => {
    const result = await savePause(user, formFields(formData));
    if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
    revalidatePauseRanges([result.previous, result.pause]);
    announceLater();
    redirect(`/admin/pauses/${result.pause.id}?saved=${result.previous ? "updated" : "created"}`);
  },
  staff,
);

/** 生成公告草稿: the drafted text comes back as `message`; nothing is saved. */
export const draftNoticeAction = validatedActionWithUser(
  pauseSchema(),
  async (_data, formData, user) => {
    const result = await draftNoticeFor(user, formFields(formData));
    return result.ok ? { ok: true, message: result.text } : { error: result.error, fieldErrors: result.fieldErrors };
  },
  staff,
);

export const deletePauseAction = validatedActionWithUser(
  z.object({ id: idField }),
  async ({ id }, _formData, user) => {
    const result = await deletePause(user, id);
    if (!result.ok) return { error: result.error };
    revalidatePauseRanges([result.pause]);
    // A notice taken out of an unpublished issue is invisible to readers; a published one stays.
    redirect(`/admin/pauses?deleted=${encodeURIComponent(result.pause.reason)}`);
  },
  staff,
);

export const attachPauseAction = validatedActionWithUser(
  z.object({ id: idField, issue: z.string({ error: "请选择一期" }).regex(/^[1-9]\d{0,8}$/, "请选择一期").transform(Number) }),
  async ({ id, issue }, _formData, user) => {
    const result = await attachPauseToIssue(user, id, issue);
    if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
    revalidateNotice(result.issue.date, result.articleId);
    if (result.previousIssueDate) revalidateNotice(result.previousIssueDate, result.articleId);
    redirect(`/admin/pauses/${id}?attached=${result.issue.number}`);
  },
  staff,
);
