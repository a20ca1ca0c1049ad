import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, count, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { articles, issues, pages } from "@/db/schema";
import { recordAudit, summarize } from "@/lib/audit";
import { requestTranslator, translatorFor } from "@/lib/i18n/translate";
import { MAX_PAGES, type IssueRow } from "@/lib/issues-admin";
import { isStaff } from "@/lib/roles";
import { putObject } from "@/lib/storage";
import { abandonFiles, claimFiles, discardFiles, recordPendingFiles, removeDiscarded } from "@/lib/storage/journal";
import { processImage } from "@/lib/uploads/image";
import { formatBytes, maxPdfPages, maxUploadBytes, PAGE_FULL_WIDTH, PAGE_THUMB_WIDTH } from "@/lib/uploads/limits";
import { countPdfPages, renderPdf, splitPdf } from "@/lib/uploads/pdf";
import type { RenderedImage } from "@/lib/uploads/rendered-image";
import { isImageType, sniffFileType } from "@/lib/uploads/sniff";
import { logger } from "@/lib/log";

const log = logger.child({ module: "pages" });

/**
 * The 版面 of an issue for staff: each page's 版名 and 责任编辑, and its files
 * (web image, thumbnail, the page's PDF). Uploads are validated and rendered
 * in memory first, then journaled and written to storage, then recorded in one
 * transaction (lib/storage/journal.ts); a failure at any step deletes what was
 * written, and a crash leaves only files the journal's sweep deletes.
 * Replacing a page only changes its file keys: its articles and their
 * page-relative hot zones stay attached to the same row.
 */

export type PageRow = typeof pages.$inferSelect;
export type PagesFailure = { ok: false; error: string; code: "forbidden" | "not-found" | "invalid" | "conflict" | "storage"; fieldErrors?: Record<string, string[]> };
export type PagesSuccess = { ok: true; message: string; issue: IssueRow };
export type PagesResult = PagesSuccess | PagesFailure;

/** Messages come from the adminIssues catalog, in the caller's language (zh-CN outside a request). */
type IssuesT = ReturnType<typeof translatorFor<"adminIssues">>;

const failure = (code: PagesFailure["code"], error: string, fieldErrors?: Record<string, string[]>): PagesFailure =>
  fieldErrors ? { ok: false, code, error, fieldErrors } : { ok: false, code, error };

const AUDITED = ["number", "name", "editor", "imageKey", "imageWidth", "imageHeight", "thumbKey", "thumbWidth", "pdfKey"] as const;

/** Imported lazily, as in lib/issues-admin.ts: lib/access loads Next's runtime. */
async function refusal(actorId: string, t: IssuesT): Promise<PagesFailure | null> {
  const { currentRole } = await import("@/lib/access");
  return isStaff((await currentRole(actorId)) ?? undefined) ? null : failure("forbidden", t("common.forbidden"));
}

// ── reading ──

export type PanelPage = PageRow & { articleCount: number };

/** The pages of an issue in order, each with how many articles it carries. */
export async function issuePagesForPanel(issueId: number): Promise<PanelPage[]> {
  const db = await getDb();
  const [rows, counts] = await Promise.all([
    db.select().from(pages).where(eq(pages.issueId, issueId)).orderBy(asc(pages.number)),
    db.select({ pageId: articles.pageId, n: count() }).from(articles).where(eq(articles.issueId, issueId)).groupBy(articles.pageId),
  ]);
  const byPage = new Map(counts.map((c) => [c.pageId, Number(c.n)]));
  return rows.map((row) => ({ ...row, articleCount: byPage.get(row.id) ?? 0 }));
}

// ── 版名 and 责任编辑 ──

// Control characters would break the page header drawn into images and feeds.
const plainText = (t: IssuesT, label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, t("pagesLib.tooLong", { label, max: String(max) }))
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), t("pagesLib.controlCharacters", { label }));

/** The 版名 and 责任编辑 form, its messages in the language of `t`. */
export function makePageDetailsSchema(t: IssuesT) {
  return z.object({
    name: plainText(t, t("pagesLib.nameLabel"), 30).pipe(z.string().min(1, t("pagesLib.nameRequired"))),
    editor: plainText(t, t("pagesLib.editorLabel"), 40)
      .optional()
      .transform((v) => (v ? v : null)),
  });
}
export type PageDetailsInput = z.input<ReturnType<typeof makePageDetailsSchema>>;

export async function updatePageDetails(actorId: string, issueId: number, number: number, input: PageDetailsInput): Promise<PagesResult> {
  const t = await requestTranslator("adminIssues");
  const refused = await refusal(actorId, t);
  if (refused) return refused;
  const parsed = makePageDetailsSchema(t).safeParse(input);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    return failure("invalid", flat.formErrors[0] ?? t("common.checkForm"), flat.fieldErrors as Record<string, string[]>);
  }
  const db = await getDb();
  return db.transaction(async (tx): Promise<PagesResult> => {
    const [issue] = await tx.select().from(issues).where(eq(issues.id, issueId)).limit(1);
    if (!issue) return failure("not-found", t("issuesLib.noIssue"));
    const [before] = await tx.select().from(pages).where(and(eq(pages.issueId, issueId), eq(pages.number, number))).for("update").limit(1);
    if (!before) return failure("not-found", t("pagesLib.noPage"));
    const { name, editor } = parsed.data;
    if (before.name === name && before.editor === editor) return { ok: true, message: t("pagesLib.unchanged"), issue };
    const [after] = await tx.update(pages).set({ name, editor, updatedAt: new Date() }).where(eq(pages.id, before.id)).returning();
    await recordAudit(tx, {
      actorId,
      action: "page.update",
      entity: "page",
      entityId: before.id,
      before: summarize(before, ["number", "name", "editor"]),
      after: summarize(after!, ["number", "name", "editor"]),
    });
    const saved = { number: String(number), name };
    return { ok: true, message: editor ? t("pagesLib.savedWithEditor", { ...saved, editor }) : t("pagesLib.saved", saved), issue };
  });
}

// ── files ──

/** One page's files, rendered in memory and not yet stored. */
type PreparedPage = { full: RenderedImage; thumb: RenderedImage; pdf: Buffer | null };
type Prepared = { ok: true; pages: PreparedPage[] } | { ok: false; error: string };

/** A single 版 from an uploaded PDF (one page) or image. */
async function prepareOnePage(bytes: Buffer, t: IssuesT): Promise<Prepared> {
  const type = sniffFileType(bytes);
  if (bytes.length === 0) return { ok: false, error: t("uploads.emptyFile") };
  if (type === "pdf") {
    const counted = await countPdfPages(bytes, maxPdfPages());
    if (!counted.ok) return counted;
    if (counted.pageCount !== 1) return { ok: false, error: t("pagesLib.onePagePdf", { count: String(counted.pageCount) }) };
    return preparePdf(bytes, t);
  }
  if (isImageType(type)) return prepareImages([bytes], t);
  return { ok: false, error: t("pagesLib.unsupportedType") };
}

async function preparePdf(bytes: Buffer, t: IssuesT): Promise<Prepared> {
  const rendered = await renderPdf(bytes, { maxPages: maxPdfPages(), fullWidth: PAGE_FULL_WIDTH, thumbWidth: PAGE_THUMB_WIDTH });
  if (!rendered.ok) return rendered;
  let parts: Buffer[];
  try {
    parts = await splitPdf(bytes);
  } catch {
    return { ok: false, error: t("pagesLib.pdfSplitFailed") };
  }
  if (parts.length !== rendered.pages.length) return { ok: false, error: t("pagesLib.pdfInconsistent") };
  return { ok: true, pages: rendered.pages.map((p, i) => ({ ...p, pdf: parts[i]! })) };
}

/** "第 2 个文件「p2.png」:" before a message about one of several files; nothing when there is one. */
function whichFile(t: IssuesT, index: number, count: number, name: string | undefined): string {
  if (count <= 1) return "";
  return name ? t("pagesLib.whichFileNamed", { n: String(index + 1), name }) : t("pagesLib.whichFile", { n: String(index + 1) });
}

async function prepareImages(files: Buffer[], t: IssuesT, names?: string[]): Promise<Prepared> {
  const out: PreparedPage[] = [];
  for (const [i, bytes] of files.entries()) {
    const result = await processImage(bytes, { maxWidth: PAGE_FULL_WIDTH, thumbWidth: PAGE_THUMB_WIDTH });
    if (!result.ok) {
      return { ok: false, error: `${whichFile(t, i, files.length, names?.[i])}${result.error}` };
    }
    out.push({ full: result.full, thumb: result.thumb!, pdf: null });
  }
  return { ok: true, pages: out };
}

type StoredKeys = { imageKey: string; thumbKey: string; pdfKey: string | null };

/** Fresh random keys for one page's files. */
function keysFor(issueId: number, number: number, page: PreparedPage): StoredKeys {
  const stem = `issues/${issueId}/pages/${number}-${randomBytes(6).toString("hex")}`;
  return {
    imageKey: `${stem}.${page.full.extension}`,
    thumbKey: `${stem}-thumb.${page.thumb.extension}`,
    pdfKey: page.pdf ? `${stem}.pdf` : null,
  };
}

async function storePage(page: PreparedPage, keys: StoredKeys): Promise<void> {
  await putObject(keys.imageKey, page.full.data, page.full.contentType);
  await putObject(keys.thumbKey, page.thumb.data, page.thumb.contentType);
  if (page.pdf && keys.pdfKey) await putObject(keys.pdfKey, page.pdf, "application/pdf");
}

const keyList = (keys: StoredKeys[]): string[] => keys.flatMap((k) => [k.imageKey, k.thumbKey, k.pdfKey]).filter((k): k is string => Boolean(k));

const isUniqueViolation = (error: unknown): boolean => {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
};

/**
 * Stores `prepared` as pages `firstNumber…` of the issue, adding pages (and
 * raising pageCount) when there are more than the issue has, all in one
 * transaction with the audit entries. Old files are deleted only after the
 * commit (files another page still uses stay); on any failure the new ones are.
 */
async function attachPrepared(actorId: string, issueId: number, firstNumber: number, prepared: PreparedPage[], source: string, t: IssuesT): Promise<PagesResult> {
  const db = await getDb();
  const stored = prepared.map((page, i) => keysFor(issueId, firstNumber + i, page));
  const newKeys = keyList(stored);
  let oldKeys: string[] = [];
  let result: PagesResult;
  try {
    await recordPendingFiles(newKeys, `page.${source}`);
    for (const [i, page] of prepared.entries()) await storePage(page, stored[i]!);

    result = await db.transaction(async (tx): Promise<PagesResult> => {
      const [issue] = await tx.select().from(issues).where(eq(issues.id, issueId)).for("update").limit(1);
      if (!issue) return failure("not-found", t("issuesLib.noIssue"));
      const lastNumber = firstNumber + prepared.length - 1;
      if (lastNumber > MAX_PAGES) return failure("invalid", t("pagesLib.tooManyAfterUpload", { max: String(MAX_PAGES), count: String(lastNumber) }));
      const existing = await tx.select().from(pages).where(eq(pages.issueId, issueId)).for("update");
      const byNumber = new Map(existing.map((p) => [p.number, p]));
      const now = new Date();
      const added: number[] = [];
      const replaced: number[] = [];
      const collected: string[] = [];

      for (const [i, page] of prepared.entries()) {
        const number = firstNumber + i;
        const keys = stored[i]!;
        const values = {
          ...keys,
          imageWidth: page.full.width,
          imageHeight: page.full.height,
          thumbWidth: page.thumb.width,
          updatedAt: now,
        };
        const before = byNumber.get(number);
        if (before) {
          const [after] = await tx.update(pages).set(values).where(eq(pages.id, before.id)).returning();
          collected.push(...[before.imageKey, before.thumbKey, before.pdfKey].filter((k): k is string => Boolean(k)));
          replaced.push(number);
          await recordAudit(tx, { actorId, action: "page.replace", entity: "page", entityId: before.id, before: summarize(before, AUDITED), after: { ...summarize(after!, AUDITED), source } });
        } else {
          const [after] = await tx.insert(pages).values({ issueId, number, name: `第${number}版`, ...values }).returning();
          added.push(number);
          await recordAudit(tx, { actorId, action: "page.create", entity: "page", entityId: after!.id, after: { ...summarize(after!, AUDITED), source } });
        }
      }

      let updatedIssue: IssueRow = issue;
      const pageCount = Math.max(issue.pageCount, lastNumber);
      if (pageCount !== issue.pageCount) {
        const [row] = await tx.update(issues).set({ pageCount }).where(eq(issues.id, issueId)).returning();
        updatedIssue = row!;
        await recordAudit(tx, { actorId, action: "issue.pages.add", entity: "issue", entityId: issueId, before: { pageCount: issue.pageCount }, after: { pageCount, added } });
      }
      oldKeys = await discardFiles(tx, collected, `page.${source}`);
      await claimFiles(tx, newKeys);
      return { ok: true, message: summaryMessage(t, replaced, added, updatedIssue.pageCount, prepared.length > 1), issue: updatedIssue };
    });
  } catch (error) {
    await abandonFiles(newKeys);
    if (isUniqueViolation(error)) return failure("conflict", t("pagesLib.conflict"));
    log.error({ err: error }, "Storing an upload failed");
    return failure("storage", t("pagesLib.storageFailed"));
  }
  if (!result.ok) {
    await abandonFiles(newKeys);
    return result;
  }
  await removeDiscarded(oldKeys);
  return result;
}

const range = (t: IssuesT, numbers: number[]) =>
  numbers.length === 1
    ? t("pagesLib.rangeOne", { number: String(numbers[0]) })
    : t("pagesLib.range", { from: String(numbers[0]), to: String(numbers[numbers.length - 1]) });

/** "已更新第1–2版;第3版未改动。" */
function summaryMessage(t: IssuesT, replaced: number[], added: number[], pageCount: number, whole: boolean): string {
  const parts: string[] = [];
  if (replaced.length) parts.push(t(whole ? "pagesLib.updated" : "pagesLib.replaced", { pages: range(t, replaced) }));
  if (added.length) parts.push(t("pagesLib.added", { pages: range(t, added), count: String(pageCount) }));
  const all = [...replaced, ...added];
  const last = all[all.length - 1] ?? 0;
  if (whole && last < pageCount && added.length === 0) {
    parts.push(t("pagesLib.unchangedPages", { pages: range(t, Array.from({ length: pageCount - last }, (_, i) => last + 1 + i)) }));
  }
  return t("pagesLib.summary", { parts: parts.join(t("pagesLib.summarySeparator")) });
}

/** The route handlers refuse big bodies before reading them; this catches every other caller. */
function tooLarge(totalBytes: number, t: IssuesT): PagesFailure | null {
  const limit = maxUploadBytes();
  return totalBytes > limit ? failure("invalid", t("pagesLib.tooLarge", { size: formatBytes(totalBytes), limit: formatBytes(limit) })) : null;
}

async function loadIssue(issueId: number): Promise<IssueRow | null> {
  const db = await getDb();
  const [issue] = await db.select().from(issues).where(eq(issues.id, issueId)).limit(1);
  return issue ?? null;
}

/** Replaces one 版's files from an uploaded one-page PDF or an image. Its articles and hot zones stay. */
export async function replacePageFile(actorId: string, issueId: number, number: number, bytes: Buffer): Promise<PagesResult> {
  const t = await requestTranslator("adminIssues");
  const refused = await refusal(actorId, t);
  if (refused) return refused;
  const issue = await loadIssue(issueId);
  if (!issue) return failure("not-found", t("issuesLib.noIssue"));
  const db = await getDb();
  const [page] = await db.select({ id: pages.id }).from(pages).where(and(eq(pages.issueId, issueId), eq(pages.number, number))).limit(1);
  if (!page) return failure("not-found", t("pagesLib.noPage"));
  const big = tooLarge(bytes.length, t);
  if (big) return big;
  const prepared = await prepareOnePage(bytes, t);
  if (!prepared.ok) return failure("invalid", prepared.error);
  return attachPrepared(actorId, issueId, number, prepared.pages, sniffFileType(bytes) === "pdf" ? "pdf" : "image", t);
}

/**
 * A multi-page PDF for the whole issue: page i of the PDF becomes 第i版.
 * More pages than the issue has adds 版 (up to MAX_PAGES); fewer leaves the
 * later 版 as they are.
 */
export async function attachIssuePdf(actorId: string, issueId: number, bytes: Buffer): Promise<PagesResult> {
  const t = await requestTranslator("adminIssues");
  const refused = await refusal(actorId, t);
  if (refused) return refused;
  if (!(await loadIssue(issueId))) return failure("not-found", t("issuesLib.noIssue"));
  if (bytes.length === 0) return failure("invalid", t("uploads.emptyFile"));
  const big = tooLarge(bytes.length, t);
  if (big) return big;
  if (sniffFileType(bytes) !== "pdf") return failure("invalid", t("uploads.notPdf"));
  const counted = await countPdfPages(bytes, maxPdfPages());
  if (!counted.ok) return failure("invalid", counted.error);
  if (counted.pageCount > MAX_PAGES) {
    return failure("invalid", t("pagesLib.pdfTooManyPages", { count: String(counted.pageCount), max: String(MAX_PAGES) }));
  }
  const prepared = await preparePdf(bytes, t);
  if (!prepared.ok) return failure("invalid", prepared.error);
  return attachPrepared(actorId, issueId, 1, prepared.pages, "issue-pdf", t);
}

/** Several images in page order (第1版 first), e.g. scans of every page. */
export async function attachIssueImages(actorId: string, issueId: number, files: { bytes: Buffer; name?: string }[]): Promise<PagesResult> {
  const t = await requestTranslator("adminIssues");
  const refused = await refusal(actorId, t);
  if (refused) return refused;
  if (!(await loadIssue(issueId))) return failure("not-found", t("issuesLib.noIssue"));
  if (files.length === 0) return failure("invalid", t("pagesLib.chooseFiles"));
  if (files.length > MAX_PAGES) return failure("invalid", t("pagesLib.tooManyImages", { max: String(MAX_PAGES) }));
  const big = tooLarge(
    files.reduce((sum, f) => sum + f.bytes.length, 0),
    t,
  );
  if (big) return big;
  for (const [i, file] of files.entries()) {
    if (!isImageType(sniffFileType(file.bytes))) {
      const which = whichFile(t, i, files.length, file.name);
      if (file.bytes.length === 0) return failure("invalid", t("pagesLib.imageEmpty", { which }));
      const hint = sniffFileType(file.bytes) === "pdf" ? t("pagesLib.pdfAlone") : "";
      return failure("invalid", t("pagesLib.notAnImage", { which, hint }));
    }
  }
  const prepared = await prepareImages(
    files.map((f) => f.bytes),
    t,
    files.map((f) => f.name ?? ""),
  );
  if (!prepared.ok) return failure("invalid", prepared.error);
  return attachPrepared(actorId, issueId, 1, prepared.pages, "issue-images", t);
}
