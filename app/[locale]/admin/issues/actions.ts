"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions";
import { createIssue, newIssueSchema, publishIssue, scheduleIssue, unpublishIssue, wallTimeToInstant } from "@/lib/issues-admin";
import type { Role } from "@/lib/roles";
import { revalidateIssue } from "./revalidate";

/**
 * The 期次 forms. Each action is limited to editors and admins by the wrapper
 * (the role is re-read from the database) and again by lib/issues-admin.ts,
 * which holds the rules.
 */
const staff = { roles: ["editor", "admin"] as readonly Role[] };
const idField = z.string().regex(/^[1-9]\d{0,8}$/, "无效的记录").transform(Number);

export const createIssueAction = validatedActionWithUser(
  newIssueSchema,
  async (data, _formData, user) => {
    const result = await createIssue(user.id, data);
    if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
    // A new issue is a draft: no reader page shows it yet.
    redirect(`/admin/issues/${result.issue.id}?done=created`);
  },
  staff,
);

export const publishIssueAction = validatedActionWithUser(
  z.object({ id: idField }),
  async ({ id }, _formData, user) => {
    const result = await publishIssue(user.id, id);
    if (!result.ok) return { error: result.error };
    revalidateIssue(result.issue);
    redirect(`/admin/issues/${id}?done=published`);
  },
  staff,
);

export const unpublishIssueAction = validatedActionWithUser(
  z.object({ id: idField }),
  async ({ id }, _formData, user) => {
    const result = await unpublishIssue(user.id, id);
    if (!result.ok) return { error: result.error };
    if (result.previous.status === "published") revalidateIssue(result.issue);
    redirect(`/admin/issues/${id}?done=${result.previous.status === "published" ? "unpublished" : "unscheduled"}`);
  },
  staff,
);

export const scheduleIssueAction = validatedActionWithUser(
  z.object({
    id: idField,
    publishAt: z
      .string({ error: "请填写发布时间" })
      .transform((v) => wallTimeToInstant(v))
      .refine((v): v is Date => v !== null, "请填写有效的发布时间(北京时间)"),
  }),
  async ({ id, publishAt }, _formData, user) => {
    const result = await scheduleIssue(user.id, id, publishAt as Date);
    if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
    redirect(`/admin/issues/${id}?done=scheduled`);
  },
  staff,
);
