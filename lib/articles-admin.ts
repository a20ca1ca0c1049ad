import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, count, eq, max } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { articles, images, issues, pages } from "@/db/schema";
import { MAX_BODY_LENGTH, sanitizeMarkdownSource } from "@/lib/article-body";
import { recordAudit, summarize } from "@/lib/audit";
import { requestTranslator, translatorFor } from "@/lib/i18n/translate";
import { reindexArticles } from "@/lib/search-index";
import { isStaff } from "@/lib/roles";
import { putObject } from "@/lib/storage";
import { abandonFiles, claimFiles, discardFiles, recordPendingFiles, removeDiscarded } from "@/lib/storage/journal";
import { maxUploadBytes } from "@/lib/uploads/limits";
import type { RenderedImage } from "@/lib/uploads/rendered-image";

/**
 * The staff article workflow (稿件): create, edit, move to another 版 of the
 * same issue, delete, and the article's photos. The rules live here, not in the
 * forms: every entry point re-reads the actor's role from the database,
 * validates with zod, and writes the change and its audit entry in one
 * transaction. Bodies are stored sanitised (lib/article-body.ts).
 */
export type ArticleRow = typeof articles.$inferSelect;
export type PhotoRow = typeof images.$inferSelect;
export type IssueRow = typeof issues.$inferSelect;
export type Failure = { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export const MAX_TITLE_LENGTH = 200;
export const MAX_POSITION = 999;
/** Messages come from the adminIssues catalog, in the caller's language (zh-CN outside a request). */
type IssuesT = ReturnType<typeof translatorFor<"adminIssues">>;
const zh = translatorFor("zh-CN", "adminIssues");
/** The Chinese texts, as tests compare them. */
export const NO_ARTICLE = zh("articlesLib.noArticle");
export const OTHER_ISSUE_PAGE = zh("articlesLib.otherIssuePage");
const AUDITED = ["issueId", "pageId", "column", "title", "access", "position", "isSample"] as const;
const PHOTO_AUDITED = ["articleId", "fileKey", "width", "height", "caption", "credit", "position"] as const;

const fail = (error: string, fieldErrors?: Record<string, string[]>): Failure => (fieldErrors ? { ok: false, error, fieldErrors } : { ok: false, error });

/** Null when the actor may edit articles (editor or admin, as the database has it now). */
async function refusal(actorId: string, t: IssuesT): Promise<Failure | null> {
  // Imported here: lib/access loads Next's runtime, which scripts cannot.
  const { currentRole } = await import("@/lib/access");
  return isStaff((await currentRole(actorId)) ?? undefined) ? null : fail(t("common.forbidden"));
}

function invalid(error: z.ZodError, t: IssuesT): Failure {
  const flat = z.flattenError(error);
  return fail(flat.formErrors[0] ?? t("common.checkForm"), flat.fieldErrors as Record<string, string[]>);
}

// ── Input ──

const idValue = (message: string) =>
  z.union([z.number().int().positive(), z.string().trim().regex(/^[1-9]\d{0,8}$/, message).transform(Number)], { error: message });

const optionalText = (t: IssuesT, maxLength: number, label: string) =>
  z
    .string()
    .trim()
    .max(maxLength, t("articlesLib.tooLong", { label, max: String(maxLength) }))
    .nullish()
    .transform((v) => v || null);

/** Empty means "at the end of the page". */
const positionValue = (t: IssuesT) => {
  const message = t("articlesLib.positionRange");
  return z
    .union([z.number(), z.string().trim()], { error: message })
    .transform((v, ctx) => {
      if (v === "") return null;
      const n = typeof v === "number" ? v : /^\d{1,3}$/.test(v) ? Number(v) : NaN;
      if (!Number.isInteger(n) || n < 0 || n > MAX_POSITION) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    })
    .nullish()
    .transform((v) => v ?? null);
};

/** "正文不能超过20,000字": the body limit as the form and the preview word it. */
export const bodyTooLong = (t: IssuesT) => t("articlesLib.bodyTooLong", { max: MAX_BODY_LENGTH.toLocaleString("en-US") });

const articleFields = (t: IssuesT) => ({
  column: optionalText(t, 50, t("articlesLib.labels.column")),
  kicker: optionalText(t, 200, t("articlesLib.labels.kicker")),
  title: z
    .string({ error: t("articlesLib.titleRequired") })
    .trim()
    .min(1, t("articlesLib.titleRequired"))
    .max(MAX_TITLE_LENGTH, t("articlesLib.titleTooLong", { max: String(MAX_TITLE_LENGTH) })),
  subtitle: optionalText(t, 200, t("articlesLib.labels.subtitle")),
  byline: optionalText(t, 100, t("articlesLib.labels.byline")),
  source: optionalText(t, 100, t("articlesLib.labels.source")),
  access: z.enum(["free", "subscribers"], { error: t("articlesLib.accessRequired") }),
  position: positionValue(t),
  body: z
    .string()
    .max(MAX_BODY_LENGTH, bodyTooLong(t))
    .nullish()
    .transform((v) => v ?? ""),
});

/** The 稿件 form: everything but the page (moving is its own step, since it drops the hot zones). Messages in the language of `t`. */
export const makeArticleSchema = (t: IssuesT) => z.object(articleFields(t));
export const makeNewArticleSchema = (t: IssuesT) => z.object({ pageId: idValue(t("articlesLib.otherIssuePage")), ...articleFields(t) });
/** Form fields as posted (strings) or already parsed: validated here either way. */
export type ArticleInput = z.input<ReturnType<typeof makeArticleSchema>> | Record<string, unknown>;
export type NewArticleInput = z.input<ReturnType<typeof makeNewArticleSchema>> | Record<string, unknown>;

export const makePhotoMetaSchema = (t: IssuesT) =>
  z.object({
    caption: optionalText(t, 300, t("articlesLib.labels.caption")),
    credit: optionalText(t, 100, t("articlesLib.labels.credit")),
  });
export type PhotoMetaInput = z.input<ReturnType<typeof makePhotoMetaSchema>>;

// ── Helpers inside a transaction ──

async function nextPosition(tx: Tx, pageId: number): Promise<number> {
  const [row] = await tx.select({ last: max(articles.position) }).from(articles).where(eq(articles.pageId, pageId));
  return row?.last == null ? 0 : Math.min(row.last + 1, MAX_POSITION);
}

async function issueOf(tx: Tx, issueId: number): Promise<IssueRow> {
  const [issue] = await tx.select().from(issues).where(eq(issues.id, issueId)).limit(1);
  return issue!;
}

const auditArticle = (row: ArticleRow) => ({ ...summarize(row, AUDITED), bodyLength: row.body.length, zones: row.hotZones.length });

export type ArticleResult = { ok: true; article: ArticleRow; issue: IssueRow } | Failure;

// ── Articles ──

/** 新增稿件 on a page of `issueId`. */
export async function createArticle(actorId: string, issueId: number, input: NewArticleInput): Promise<ArticleResult> {
  const t = await requestTranslator("adminIssues");
  const refused = await refusal(actorId, t);
  if (refused) return refused;
  const parsed = makeNewArticleSchema(t).safeParse(input);
  if (!parsed.success) return invalid(parsed.error, t);
  const { pageId, position, body, ...fields } = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx): Promise<ArticleResult> => {
    const [page] = await tx.select().from(pages).where(and(eq(pages.id, pageId), eq(pages.issueId, issueId))).limit(1);
    if (!page) return fail(t("common.checkForm"), { pageId: [t("articlesLib.otherIssuePage")] });
    const now = new Date();
    const [row] = await tx
      .insert(articles)
      .values({ ...fields, issueId, pageId, body: sanitizeMarkdownSource(body), position: position ?? (await nextPosition(tx, pageId)), createdAt: now, updatedAt: now })
      .returning();
    await reindexArticles(tx, [row!.id]);
    await recordAudit(tx, { actorId, action: "article.create", entity: "article", entityId: row!.id, after: auditArticle(row!) });
    return { ok: true, article: row!, issue: await issueOf(tx, issueId) };
  });
}

/** Saves the 稿件 form. Hot zones and page stay as they are. */
export async function updateArticle(actorId: string, articleId: number, input: ArticleInput): Promise<ArticleResult> {
  const t = await requestTranslator("adminIssues");
  const refused = await refusal(actorId, t);
  if (refused) return refused;
  const parsed = makeArticleSchema(t).safeParse(input);
  if (!parsed.success) return invalid(parsed.error, t);
  const { position, body, ...fields } = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx): Promise<ArticleResult> => {
    const [before] = await tx.select().from(articles).where(eq(articles.id, articleId)).for("update").limit(1);
    if (!before) return fail(t("articlesLib.noArticle"));
    const [row] = await tx
      .update(articles)
      .set({ ...fields, body: sanitizeMarkdownSource(body), position: position ?? before.position, updatedAt: new Date() })
      .where(eq(articles.id, articleId))
      .returning();
    await reindexArticles(tx, [articleId]);
    await recordAudit(tx, { actorId, action: "article.update", entity: "article", entityId: articleId, before: auditArticle(before), after: auditArticle(row!) });
    return { ok: true, article: row!, issue: await issueOf(tx, before.issueId) };
  });
}

/**
 * Moves an article to another 版 of its own issue, at the end of that page.
 * Its hot zones are cleared: they outline the article on the old page's image.
 */
export async function moveArticle(actorId: string, articleId: number, pageIdInput: number | string): Promise<ArticleResult> {
  const t = await requestTranslator("adminIssues");
  const refused = await refusal(actorId, t);
  if (refused) return refused;
  const parsed = z.object({ pageId: idValue(t("articlesLib.otherIssuePage")) }).safeParse({ pageId: pageIdInput });
  if (!parsed.success) return invalid(parsed.error, t);
  const { pageId } = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx): Promise<ArticleResult> => {
    const [before] = await tx.select().from(articles).where(eq(articles.id, articleId)).for("update").limit(1);
    if (!before) return fail(t("articlesLib.noArticle"));
    const [page] = await tx.select().from(pages).where(and(eq(pages.id, pageId), eq(pages.issueId, before.issueId))).limit(1);
    if (!page) return fail(t("common.checkForm"), { pageId: [t("articlesLib.otherIssuePage")] });
    if (page.id === before.pageId) return { ok: true, article: before, issue: await issueOf(tx, before.issueId) };
    const [row] = await tx
      .update(articles)
      .set({ pageId, hotZones: [], position: await nextPosition(tx, pageId), updatedAt: new Date() })
      .where(eq(articles.id, articleId))
      .returning();
    await reindexArticles(tx, [articleId]);
    await recordAudit(tx, { actorId, action: "article.move", entity: "article", entityId: articleId, before: auditArticle(before), after: auditArticle(row!) });
    return { ok: true, article: row!, issue: await issueOf(tx, before.issueId) };
  });
}

/** Deletes an article and its photo rows; the photo files go once the deletion has committed. */
export async function deleteArticle(actorId: string, articleId: number): Promise<ArticleResult> {
  const t = await requestTranslator("adminIssues");
  const refused = await refusal(actorId, t);
  if (refused) return refused;
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(articles).where(eq(articles.id, articleId)).for("update").limit(1);
    if (!before) return fail(t("articlesLib.noArticle"));
    const photos = await tx.delete(images).where(eq(images.articleId, articleId)).returning();
    await tx.delete(articles).where(eq(articles.id, articleId));
    await discardFiles(
      tx,
      photos.map((p) => p.fileKey),
      "article.delete",
    );
    await recordAudit(tx, {
      actorId,
      action: "article.delete",
      entity: "article",
      entityId: articleId,
      before: { ...auditArticle(before), photos: photos.map((p) => p.fileKey) },
    });
    return { ok: true as const, article: before, issue: await issueOf(tx, before.issueId), photos };
  });
  if (!result.ok) return result;
  await removeDiscarded(result.photos.map((p) => p.fileKey));
  return { ok: true, article: result.article, issue: result.issue };
}

// ── Photos ──

/** Photos are re-encoded at this width at most (never upscaled). */
export const PHOTO_MAX_WIDTH = 1600;
/** A news photo needs far less than a page PDF: the upload limit, capped at 20 MB. */
export const photoMaxBytes = (): number => Math.min(maxUploadBytes(), 20 * 1024 * 1024);

export type PhotoResult = { ok: true; photo: PhotoRow; article: ArticleRow; issue: IssueRow } | Failure;

const photoKey = (articleId: number, extension: string) => `images/articles/${articleId}/${randomBytes(8).toString("hex")}.${extension.toLowerCase()}`;

/**
 * Stores an already validated and re-encoded image (lib/uploads/image.ts) as
 * the article's last photo. The file is journaled and written first
 * (lib/storage/journal.ts); if the row cannot be written, the file is deleted
 * again, and if the process dies, the journal's sweep deletes it.
 */
export async function addPhoto(actorId: string, articleId: number, image: RenderedImage, meta: PhotoMetaInput): Promise<PhotoResult> {
  const t = await requestTranslator("adminIssues");
  const refused = await refusal(actorId, t);
  if (refused) return refused;
  const parsed = makePhotoMetaSchema(t).safeParse(meta);
  if (!parsed.success) return invalid(parsed.error, t);
  const db = await getDb();
  const [exists] = await db.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId)).limit(1);
  if (!exists) return fail(t("articlesLib.noArticle"));
  const fileKey = photoKey(articleId, image.extension);
  await recordPendingFiles([fileKey], "article.photo.add");
  try {
    await putObject(fileKey, image.data, image.contentType);
    const result = await db.transaction(async (tx): Promise<PhotoResult> => {
      const [article] = await tx.select().from(articles).where(eq(articles.id, articleId)).for("update").limit(1);
      if (!article) return fail(t("articlesLib.noArticle"));
      const [last] = await tx.select({ last: max(images.position) }).from(images).where(eq(images.articleId, articleId));
      const [photo] = await tx
        .insert(images)
        .values({ articleId, fileKey, width: image.width, height: image.height, ...parsed.data, position: last?.last == null ? 0 : last.last + 1 })
        .returning();
      // Reader caches key the rendered article by updatedAt.
      await tx.update(articles).set({ updatedAt: new Date() }).where(eq(articles.id, articleId));
      await recordAudit(tx, { actorId, action: "article.photo.add", entity: "image", entityId: photo!.id, after: summarize(photo!, PHOTO_AUDITED) });
      await claimFiles(tx, [fileKey]);
      return { ok: true, photo: photo!, article, issue: await issueOf(tx, article.issueId) };
    });
    if (!result.ok) await abandonFiles([fileKey]);
    return result;
  } catch (error) {
    await abandonFiles([fileKey]);
    throw error;
  }
}

async function changePhoto(
  actorId: string,
  photoId: number,
  action: string,
  change: (tx: Tx, photo: PhotoRow) => Promise<PhotoRow | null>,
): Promise<PhotoResult & { removedKey?: string }> {
  const t = await requestTranslator("adminIssues");
  const refused = await refusal(actorId, t);
  if (refused) return refused;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(images).where(eq(images.id, photoId)).for("update").limit(1);
    if (!before || before.articleId == null) return fail(t("articlesLib.noPhoto"));
    const [article] = await tx.select().from(articles).where(eq(articles.id, before.articleId)).for("update").limit(1);
    if (!article) return fail(t("articlesLib.noPhoto"));
    const after = await change(tx, before);
    await tx.update(articles).set({ updatedAt: new Date() }).where(eq(articles.id, article.id));
    await recordAudit(tx, { actorId, action, entity: "image", entityId: photoId, before: summarize(before, PHOTO_AUDITED), after: after && summarize(after, PHOTO_AUDITED) });
    return { ok: true as const, photo: after ?? before, article, issue: await issueOf(tx, article.issueId), removedKey: after ? undefined : before.fileKey };
  });
}

/** 图片说明 and 摄影/来源. */
export async function updatePhoto(actorId: string, photoId: number, meta: PhotoMetaInput): Promise<PhotoResult> {
  const t = await requestTranslator("adminIssues");
  const parsed = makePhotoMetaSchema(t).safeParse(meta);
  if (!parsed.success) {
    const refused = await refusal(actorId, t);
    return refused ?? invalid(parsed.error, t);
  }
  return changePhoto(actorId, photoId, "article.photo.update", async (tx, photo) => {
    const [row] = await tx.update(images).set(parsed.data).where(eq(images.id, photo.id)).returning();
    return row!;
  });
}

/** Moves a photo one place earlier or later; the article's photos are renumbered 0, 1, 2… */
export async function movePhoto(actorId: string, photoId: number, direction: "up" | "down"): Promise<PhotoResult> {
  if (direction !== "up" && direction !== "down") return fail((await requestTranslator("adminIssues"))("common.checkForm"));
  return changePhoto(actorId, photoId, "article.photo.reorder", async (tx, photo) => {
    const siblings = await tx.select().from(images).where(eq(images.articleId, photo.articleId!)).orderBy(asc(images.position), asc(images.id));
    const order = siblings.map((p) => p.id);
    const from = order.indexOf(photo.id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to >= 0 && to < order.length) [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [position, id] of order.entries()) await tx.update(images).set({ position }).where(eq(images.id, id));
    const [row] = await tx.select().from(images).where(eq(images.id, photo.id));
    return row!;
  });
}

/** Deletes a photo; its file goes once the deletion has committed. */
export async function deletePhoto(actorId: string, photoId: number): Promise<PhotoResult> {
  const result = await changePhoto(actorId, photoId, "article.photo.delete", async (tx, photo) => {
    await tx.delete(images).where(eq(images.id, photo.id));
    await discardFiles(tx, [photo.fileKey], "article.photo.delete");
    return null;
  });
  if (!result.ok) return result;
  const { removedKey, ...rest } = result;
  if (removedKey) await removeDiscarded([removedKey]);
  return rest;
}

// ── Reading, for the admin pages ──

export type ArticleOverview = Pick<ArticleRow, "id" | "pageId" | "column" | "title" | "access" | "position" | "isSample"> & {
  photoCount: number;
  zoneCount: number;
};
export type PageOverview = { id: number; number: number; name: string; articles: ArticleOverview[] };

/** Every page of an issue with its articles in reading order, for the 稿件 panel. */
export async function issueArticleOverview(issueId: number): Promise<PageOverview[]> {
  const db = await getDb();
  const [pageRows, articleRows, photoCounts] = await Promise.all([
    db.select({ id: pages.id, number: pages.number, name: pages.name }).from(pages).where(eq(pages.issueId, issueId)).orderBy(asc(pages.number)),
    db
      .select({
        id: articles.id,
        pageId: articles.pageId,
        column: articles.column,
        title: articles.title,
        access: articles.access,
        position: articles.position,
        isSample: articles.isSample,
        hotZones: articles.hotZones,
      })
      .from(articles)
      .where(eq(articles.issueId, issueId))
      .orderBy(asc(articles.position), asc(articles.id)),
    db
      .select({ articleId: images.articleId, photos: count() })
      .from(images)
      .innerJoin(articles, eq(articles.id, images.articleId))
      .where(eq(articles.issueId, issueId))
      .groupBy(images.articleId),
  ]);
  const photos = new Map(photoCounts.map((r) => [r.articleId, r.photos]));
  return pageRows.map((page) => ({
    ...page,
    articles: articleRows
      .filter((a) => a.pageId === page.id)
      .map(({ hotZones, ...a }) => ({ ...a, photoCount: photos.get(a.id) ?? 0, zoneCount: hotZones.length })),
  }));
}

export type ArticleForEditing = { article: ArticleRow; issue: IssueRow; pages: { id: number; number: number; name: string }[]; photos: PhotoRow[] };

/** An article of `issueId` (any status) with its issue's pages and its photos; null when it is not in that issue. */
export async function articleForEditing(issueId: number, articleId: number): Promise<ArticleForEditing | null> {
  const db = await getDb();
  const [row] = await db
    .select({ article: articles, issue: issues })
    .from(articles)
    .innerJoin(issues, eq(issues.id, articles.issueId))
    .where(and(eq(articles.id, articleId), eq(articles.issueId, issueId)))
    .limit(1);
  if (!row) return null;
  const [pageRows, photos] = await Promise.all([
    db.select({ id: pages.id, number: pages.number, name: pages.name }).from(pages).where(eq(pages.issueId, issueId)).orderBy(asc(pages.number)),
    db.select().from(images).where(eq(images.articleId, articleId)).orderBy(asc(images.position), asc(images.id)),
  ]);
  return { ...row, pages: pageRows, photos };
}

/** A photo of an article of `issueId`, for the staff-only image route (drafts included). */
export async function photoOfIssue(issueId: number, articleId: number, photoId: number): Promise<PhotoRow | null> {
  const db = await getDb();
  const [row] = await db
    .select({ photo: images })
    .from(images)
    .innerJoin(articles, eq(articles.id, images.articleId))
    .where(and(eq(images.id, photoId), eq(images.articleId, articleId), eq(articles.issueId, issueId)))
    .limit(1);
  return row?.photo ?? null;
}
