"use server";

import { z } from "zod";
import { validatedActionWithUser, type ActionState } from "@/lib/actions";
import { requestTranslator } from "@/lib/i18n/translate";
import { makePageDetailsSchema, updatePageDetails } from "@/lib/pages-admin";
import type { Role } from "@/lib/roles";
import { revalidateIssue } from "../../revalidate";

/**
 * 版名 and 责任编辑 of one 版. Limited to editors and admins by the wrapper and
 * again by lib/pages-admin.ts, which re-reads the role. File uploads go through
 * the route handlers beside this file (they report progress), not actions.
 */
const staff = { roles: ["editor", "admin"] as readonly Role[] };

export async function updatePageDetailsAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await requestTranslator("adminIssues");
  return validatedActionWithUser(
    makePageDetailsSchema(t).extend({
      issueId: z.string().regex(/^[1-9]\d{0,8}$/, t("common.invalidRecord")).transform(Number),
      number: z.string().regex(/^[1-9]\d{0,2}$/, t("common.invalidPageNumber")).transform(Number),
    }),
    async ({ issueId, number, name, editor }, _formData, user) => {
      const result = await updatePageDetails(user.id, issueId, number, { name, editor: editor ?? "" });
      if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
      // The page header and the issue's table of contents show the 版名.
      if (result.issue.status === "published") revalidateIssue(result.issue);
      return { ok: true, message: result.message, values: { name, editor: editor ?? "" } };
    },
    staff,
  )(previous, formData);
}
