"use server";

import { revalidatePage } from "@/lib/i18n/revalidate";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentRole, getViewer } from "@/lib/access";
import { validatedActionWithUser, type ActionState } from "@/lib/actions";
import { MAX_BODY_LENGTH, renderBodyBlocks, sanitizeMarkdownSource } from "@/lib/article-body";
import {
  bodyTooLong,
  createArticle,
  deleteArticle,
  deletePhoto,
  makeArticleSchema,
  makeNewArticleSchema,
  makePhotoMetaSchema,
  moveArticle,
  movePhoto,
  updateArticle,
  updatePhoto,
  type IssueRow,
} from "@/lib/articles-admin";
import { requestTranslator } from "@/lib/i18n/translate";
import type { Role } from "@/lib/roles";
import { isStaff } from "@/lib/roles";
import { revalidateArticle } from "../../revalidate";

/**
 * The 稿件 forms. Each action is limited to editors and admins by the wrapper
 * (role re-read from the database) and again by lib/articles-admin.ts, which
 * holds the rules and writes the audit log. Schemas are built per request, so
 * their messages are in the staff member's language.
 */
const staff = { roles: ["editor", "admin"] as readonly Role[] };
type IssuesT = Awaited<ReturnType<typeof requestTranslator<"adminIssues">>>;
const idField = (t: IssuesT) => z.string().regex(/^[1-9]\d{0,8}$/, t("common.invalidRecord")).transform(Number);
const ids = (t: IssuesT) => ({ issueId: idField(t), articleId: idField(t) });

const editPath = (issueId: number, articleId: number) => `/admin/issues/${issueId}/articles/${articleId}`;

/** Readers see a published issue's change at once; the admin pages show it on their next render. */
function refresh(issue: IssueRow, articleId: number): void {
  if (issue.status === "published") revalidateArticle(articleId, issue);
  revalidatePage(`/admin/issues/${issue.id}`);
  revalidatePage(editPath(issue.id, articleId));
}

export async function createArticleAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await requestTranslator("adminIssues");
  return validatedActionWithUser(
    makeNewArticleSchema(t).extend({ issueId: idField(t) }),
    async ({ issueId, ...data }, _formData, user) => {
      const result = await createArticle(user.id, issueId, data);
      if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
      refresh(result.issue, result.article.id);
      redirect(`${editPath(issueId, result.article.id)}?done=created`);
    },
    staff,
  )(previous, formData);
}

export async function updateArticleAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await requestTranslator("adminIssues");
  return validatedActionWithUser(
    makeArticleSchema(t).extend(ids(t)),
    async ({ articleId, ...data }, _formData, user) => {
      // `data` still carries issueId: the article's own issue is what counts, and the schema drops unknown keys.
      const result = await updateArticle(user.id, articleId, data);
      if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
      refresh(result.issue, articleId);
      return { ok: true, message: result.issue.status === "published" ? t("articleActions.savedPublished") : t("articleActions.saved") };
    },
    staff,
  )(previous, formData);
}

export async function moveArticleAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await requestTranslator("adminIssues");
  return validatedActionWithUser(
    z.object({ ...ids(t), pageId: idField(t) }),
    async ({ articleId, pageId }, _formData, user) => {
      const result = await moveArticle(user.id, articleId, pageId);
      if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
      refresh(result.issue, articleId);
      return { ok: true, message: t("articleActions.moved") };
    },
    staff,
  )(previous, formData);
}

export async function deleteArticleAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await requestTranslator("adminIssues");
  return validatedActionWithUser(
    z.object(ids(t)),
    async ({ issueId, articleId }, _formData, user) => {
      const result = await deleteArticle(user.id, articleId);
      if (!result.ok) return { error: result.error };
      refresh(result.issue, articleId);
      redirect(`/admin/issues/${issueId}?done=article-deleted`);
    },
    staff,
  )(previous, formData);
}

export async function updatePhotoAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await requestTranslator("adminIssues");
  return validatedActionWithUser(
    makePhotoMetaSchema(t).extend({ ...ids(t), photoId: idField(t) }),
    async ({ photoId, caption, credit }, _formData, user) => {
      const result = await updatePhoto(user.id, photoId, { caption, credit });
      if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
      refresh(result.issue, result.article.id);
      return { ok: true, message: t("articleActions.captionSaved") };
    },
    staff,
  )(previous, formData);
}

export async function movePhotoAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await requestTranslator("adminIssues");
  return validatedActionWithUser(
    z.object({ ...ids(t), photoId: idField(t), direction: z.enum(["up", "down"], { error: t("common.invalidOperation") }) }),
    async ({ photoId, direction }, _formData, user) => {
      const result = await movePhoto(user.id, photoId, direction);
      if (!result.ok) return { error: result.error };
      refresh(result.issue, result.article.id);
      return { ok: true, message: t("articleActions.photoMoved") };
    },
    staff,
  )(previous, formData);
}

export async function deletePhotoAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await requestTranslator("adminIssues");
  return validatedActionWithUser(
    z.object({ ...ids(t), photoId: idField(t) }),
    async ({ photoId }, _formData, user) => {
      const result = await deletePhoto(user.id, photoId);
      if (!result.ok) return { error: result.error };
      refresh(result.issue, result.article.id);
      return { ok: true, message: t("articleActions.photoDeleted") };
    },
    staff,
  )(previous, formData);
}

export type BodyPreview = { blocks: string[]; changed: boolean } | { error: string };

/**
 * 预览: the body as readers will see it, through the same sanitiser as on
 * save and on render; `changed` says saving will strip something (HTML, an
 * image, a link that is not http(s)/mailto).
 */
export async function previewBodyAction(body: string): Promise<BodyPreview> {
  const t = await requestTranslator("adminIssues");
  const viewer = await getViewer();
  if (!viewer || !isStaff((await currentRole(viewer.id)) ?? undefined)) return { error: t("common.forbidden") };
  if (typeof body !== "string") return { error: t("common.checkForm") };
  if (body.length > MAX_BODY_LENGTH) return { error: bodyTooLong(t) };
  const stored = sanitizeMarkdownSource(body);
  return { blocks: renderBodyBlocks(stored), changed: stored !== body.replace(/\r\n?/g, "\n").trim() };
}
