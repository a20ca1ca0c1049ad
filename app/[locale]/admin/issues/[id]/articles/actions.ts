"use server";

import { revalidatePage } from "@/lib/i18n/revalidate";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentRole, getViewer } from "@/lib/access";
import { validatedActionWithUser } from "@/lib/actions";
import { MAX_BODY_LENGTH, renderBodyBlocks, sanitizeMarkdownSource } from "@/lib/article-body";
import {
  articleSchema,
  createArticle,
  deleteArticle,
  deletePhoto,
  moveArticle,
  movePhoto,
  newArticleSchema,
  photoMetaSchema,
  updateArticle,
  updatePhoto,
  type IssueRow,
} from "@/lib/articles-admin";
import type { Role } from "@/lib/roles";
import { isStaff } from "@/lib/roles";
import { revalidateArticle } from "../../revalidate";

/**
 * The 稿件 forms. Each action is limited to editors and admins by the wrapper
 * (role re-read from the database) and again by lib/articles-admin.ts, which
 * holds the rules and writes the audit log.
 */
const staff = { roles: ["editor", "admin"] as readonly Role[] };
const idField = z.string().regex(/^[1-9]\d{0,8}$/, "无效的记录").transform(Number);
const ids = { issueId: idField, articleId: idField };

const editPath = (issueId: number, articleId: number) => `/admin/issues/${issueId}/articles/${articleId}`;

/** Readers see a published issue's change at once; the admin pages show it on their next render. */
function refresh(issue: IssueRow, articleId: number): void {
  if (issue.status === "published") revalidateArticle(articleId, issue);
  revalidatePage(`/admin/issues/${issue.id}`);
  revalidatePage(editPath(issue.id, articleId));
}

export const createArticleAction = validatedActionWithUser(
  newArticleSchema.extend({ issueId: idField }),
  async ({ issueId, ...data }, _formData, user) => {
    const result = await createArticle(user.id, issueId, data);
    if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
    refresh(result.issue, result.article.id);
    redirect(`${editPath(issueId, result.article.id)}?done=created`);
  },
  staff,
);

export const updateArticleAction = validatedActionWithUser(
  articleSchema.extend(ids),
  async ({ articleId, ...data }, _formData, user) => {
    // `data` still carries issueId: the article's own issue is what counts, and the schema drops unknown keys.
    const result = await updateArticle(user.id, articleId, data);
    if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
    refresh(result.issue, articleId);
    return { ok: true, message: result.issue.status === "published" ? "已保存,读者页面已刷新。Saved." : "已保存。Saved." };
  },
  staff,
);

export const moveArticleAction = validatedActionWithUser(
  z.object({ ...ids, pageId: idField }),
  async ({ articleId, pageId }, _formData, user) => {
    const result = await moveArticle(user.id, articleId, pageId);
    if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
    refresh(result.issue, articleId);
    return { ok: true, message: "已移至所选版面;原热区已清除,请在新版面上重新划定。Moved; hot zones cleared." };
  },
  staff,
);

export const deleteArticleAction = validatedActionWithUser(
  z.object(ids),
  async ({ issueId, articleId }, _formData, user) => {
    const result = await deleteArticle(user.id, articleId);
    if (!result.ok) return { error: result.error };
    refresh(result.issue, articleId);
    redirect(`/admin/issues/${issueId}?done=article-deleted`);
  },
  staff,
);

export const updatePhotoAction = validatedActionWithUser(
  photoMetaSchema.extend({ ...ids, photoId: idField }),
  async ({ photoId, caption, credit }, _formData, user) => {
    const result = await updatePhoto(user.id, photoId, { caption, credit });
    if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
    refresh(result.issue, result.article.id);
    return { ok: true, message: "图片说明已保存。Saved." };
  },
  staff,
);

export const movePhotoAction = validatedActionWithUser(
  z.object({ ...ids, photoId: idField, direction: z.enum(["up", "down"], { error: "无效的操作" }) }),
  async ({ photoId, direction }, _formData, user) => {
    const result = await movePhoto(user.id, photoId, direction);
    if (!result.ok) return { error: result.error };
    refresh(result.issue, result.article.id);
    return { ok: true, message: "顺序已调整。" };
  },
  staff,
);

export const deletePhotoAction = validatedActionWithUser(
  z.object({ ...ids, photoId: idField }),
  async ({ photoId }, _formData, user) => {
    const result = await deletePhoto(user.id, photoId);
    if (!result.ok) return { error: result.error };
    refresh(result.issue, result.article.id);
    return { ok: true, message: "图片已删除。" };
  },
  staff,
);

export type BodyPreview = { blocks: string[]; changed: boolean } | { error: string };

/**
 * 预览: the body as readers will see it, through the same sanitiser as on
 * save and on render; `changed` says saving will strip something (HTML, an
 * image, a link that is not http(s)/mailto).
 */
export async function previewBodyAction(body: string): Promise<BodyPreview> {
  const viewer = await getViewer();
  if (!viewer || !isStaff((await currentRole(viewer.id)) ?? undefined)) return { error: "您没有权限执行此操作" };
  if (typeof body !== "string") return { error: "请检查填写的内容" };
  if (body.length > MAX_BODY_LENGTH) return { error: `正文不能超过${MAX_BODY_LENGTH.toLocaleString("en-US")}字` };
  const stored = sanitizeMarkdownSource(body);
  return { blocks: renderBodyBlocks(stored), changed: stored !== body.replace(/\r\n?/g, "\n").trim() };
}
