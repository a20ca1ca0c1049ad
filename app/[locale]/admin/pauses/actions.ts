"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { formFields, validatedActionWithUser, type ActionState } from "@/lib/actions";
import { requestTranslator } from "@/lib/i18n/translate";
import { announcePauses } from "@/lib/pause-mail";
import { attachPauseToIssue, deletePause, draftNoticeFor, savePause } from "@/lib/pauses";
import type { Role } from "@/lib/roles";
import { revalidateNotice, revalidatePauseRanges } from "./revalidate";
import { logger } from "@/lib/log";

const log = logger.child({ module: "pauses" });

/**
 * The 休刊 forms. Each action is limited to staff by the wrapper (the role is
 * re-read from the database) and again by lib/pauses.ts, which holds the rules.
 */
const staff = { roles: ["editor", "admin"] as readonly Role[] };

/**
 * The wrapper's schema is built once, when this module loads, so it only lets
 * the form through; the fields are checked in the handler, in the caller's
 * language (lib/pauses.ts checks the pause form itself).
 */
const anyForm = z.record(z.string(), z.string());

type PauseErrors = Awaited<ReturnType<typeof requestTranslator<"adminPublishing.pauses.errors">>>;

/** The record id (and any further fields) of the delete and attach forms, with messages in the caller's language. */
async function checkFields<S extends z.ZodRawShape>(fields: Record<string, string>, shape: (t: PauseErrors) => S) {
  const t = await requestTranslator("adminPublishing.pauses.errors");
  const id = z.string({ error: t("invalidRecord") }).regex(/^[1-9]\d{0,8}$/, t("invalidRecord")).transform(Number);
  const parsed = z.object({ id, ...shape(t) }).safeParse(fields);
  if (parsed.success) return { data: parsed.data };
  const flat = z.flattenError(parsed.error);
  const checkForm = (await requestTranslator("adminPublishing.common"))("checkForm");
  return { failure: { error: flat.formErrors[0] ?? checkForm, fieldErrors: flat.fieldErrors as Record<string, string[]> } satisfies ActionState };
}

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
  anyForm,
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
  anyForm,
  async (_data, formData, user) => {
    const result = await draftNoticeFor(user, formFields(formData));
    return result.ok ? { ok: true, message: result.text } : { error: result.error, fieldErrors: result.fieldErrors };
  },
  staff,
);

export const deletePauseAction = validatedActionWithUser(
  anyForm,
  async (fields, _formData, user) => {
    const form = await checkFields(fields, () => ({}));
    if (form.failure) return form.failure;
    const { id } = form.data;
    const result = await deletePause(user, id);
    if (!result.ok) return { error: result.error };
    revalidatePauseRanges([result.pause]);
    // A notice taken out of an unpublished issue is invisible to readers; a published one stays.
    redirect(`/admin/pauses?deleted=${encodeURIComponent(result.pause.reason)}`);
  },
  staff,
);

export const attachPauseAction = validatedActionWithUser(
  anyForm,
  async (fields, _formData, user) => {
    const form = await checkFields(fields, (t) => ({ issue: z.string({ error: t("pickIssue") }).regex(/^[1-9]\d{0,8}$/, t("pickIssue")).transform(Number) }));
    if (form.failure) return form.failure;
    const { id, issue } = form.data;
    const result = await attachPauseToIssue(user, id, issue);
    if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
    revalidateNotice(result.issue.date, result.articleId);
    if (result.previousIssueDate) revalidateNotice(result.previousIssueDate, result.articleId);
    redirect(`/admin/pauses/${id}?attached=${result.issue.number}`);
  },
  staff,
);
