"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedActionWithUser, type ActionState } from "@/lib/actions";
import { requestTranslator } from "@/lib/i18n/translate";
import { createIssue, makeNewIssueSchema, publishIssue, scheduleIssue, unpublishIssue, wallTimeToInstant } from "@/lib/issues-admin";
import type { Role } from "@/lib/roles";
import { revalidateIssue } from "./revalidate";

/**
 * The 期次 forms. Each action is limited to editors and admins by the wrapper
 * (the role is re-read from the database) and again by lib/issues-admin.ts,
 * which holds the rules. The schemas are built per request, so their messages
 * are in the staff member's language.
 */
const staff = { roles: ["editor", "admin"] as readonly Role[] };
type IssuesT = Awaited<ReturnType<typeof requestTranslator<"adminIssues">>>;
const idField = (t: IssuesT) => z.string().regex(/^[1-9]\d{0,8}$/, t("common.invalidRecord")).transform(Number);

export async function createIssueAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await requestTranslator("adminIssues");
  return validatedActionWithUser(
    makeNewIssueSchema(t),
    async (data, _formData, user) => {
      const result = await createIssue(user.id, data);
      if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
      // A new issue is a draft: no reader page shows it yet.
      redirect(`/admin/issues/${result.issue.id}?done=created`);
    },
    staff,
  )(previous, formData);
}

export async function publishIssueAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await requestTranslator("adminIssues");
  return validatedActionWithUser(
    z.object({ id: idField(t) }),
    async ({ id }, _formData, user) => {
      const result = await publishIssue(user.id, id);
      if (!result.ok) return { error: result.error };
      revalidateIssue(result.issue);
      redirect(`/admin/issues/${id}?done=published`);
    },
    staff,
  )(previous, formData);
}

export async function unpublishIssueAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await requestTranslator("adminIssues");
  return validatedActionWithUser(
    z.object({ id: idField(t) }),
    async ({ id }, _formData, user) => {
      const result = await unpublishIssue(user.id, id);
      if (!result.ok) return { error: result.error };
      if (result.previous.status === "published") revalidateIssue(result.issue);
      redirect(`/admin/issues/${id}?done=${result.previous.status === "published" ? "unpublished" : "unscheduled"}`);
    },
    staff,
  )(previous, formData);
}

export async function scheduleIssueAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await requestTranslator("adminIssues");
  return validatedActionWithUser(
    z.object({
      id: idField(t),
      publishAt: z
        .string({ error: t("actions.publishAtRequired") })
        .transform((v) => wallTimeToInstant(v))
        .refine((v): v is Date => v !== null, t("actions.publishAtInvalid")),
    }),
    async ({ id, publishAt }, _formData, user) => {
      const result = await scheduleIssue(user.id, id, publishAt as Date);
      if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
      redirect(`/admin/issues/${id}?done=scheduled`);
    },
    staff,
  )(previous, formData);
}
