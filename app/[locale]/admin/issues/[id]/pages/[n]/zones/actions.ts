"use server";

import { z } from "zod";
import { validatedActionWithUser, type ActionState } from "@/lib/actions";
import { makeZonesJsonSchema } from "@/lib/hot-zones";
import { saveHotZones, zoneTextOf } from "@/lib/hot-zones-admin";
import { requestTranslator } from "@/lib/i18n/translate";
import type { Role } from "@/lib/roles";
import { revalidateIssue } from "../../../../revalidate";

const staff = { roles: ["editor", "admin"] as readonly Role[] };

/** 保存热区: one article's zones, sent by the editor as a JSON string field. Messages in the staff member's language. */
export async function saveHotZonesAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await requestTranslator("adminIssues");
  const idField = z.string().regex(/^[1-9]\d{0,8}$/, t("common.invalidRecord")).transform(Number);
  return validatedActionWithUser(
    z.object({
      issueId: idField,
      pageNumber: z.string().regex(/^[1-9]\d{0,2}$/, t("common.invalidPageNumber")).transform(Number),
      articleId: idField,
      zones: makeZonesJsonSchema(zoneTextOf(t)),
    }),
    async ({ issueId, pageNumber, articleId, zones }, _formData, user) => {
      const result = await saveHotZones(user.id, articleId, zones, { issueId, pageNumber });
      if (!result.ok) return { error: result.error };
      // Readers see zones only of a published issue; drafts have no cached reader pages yet.
      if (result.issue.status === "published") revalidateIssue(result.issue);
      return { ok: true, message: result.zones.length ? t("zoneEditor.saved", { count: result.zones.length }) : t("zoneEditor.savedNone") };
    },
    staff,
  )(previous, formData);
}
