"use server";

import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions";
import { zonesJsonSchema } from "@/lib/hot-zones";
import { saveHotZones } from "@/lib/hot-zones-admin";
import type { Role } from "@/lib/roles";
import { revalidateIssue } from "../../../../revalidate";

const staff = { roles: ["editor", "admin"] as readonly Role[] };
const idField = z.string().regex(/^[1-9]\d{0,8}$/, "无效的记录").transform(Number);

/** 保存热区: one article's zones, sent by the editor as a JSON string field. */
export const saveHotZonesAction = validatedActionWithUser(
  z.object({
    issueId: idField,
    pageNumber: z.string().regex(/^[1-9]\d{0,2}$/, "无效的版号").transform(Number),
    articleId: idField,
    zones: zonesJsonSchema,
  }),
  async ({ issueId, pageNumber, articleId, zones }, _formData, user) => {
    const result = await saveHotZones(user.id, articleId, zones, { issueId, pageNumber });
    if (!result.ok) return { error: result.error };
    // Readers see zones only of a published issue; drafts have no cached reader pages yet.
    if (result.issue.status === "published") revalidateIssue(result.issue);
    return { ok: true, message: result.zones.length ? `已保存 ${result.zones.length} 个热区。` : "已保存:这篇文章现在没有热区。" };
  },
  staff,
);
