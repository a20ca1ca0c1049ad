import "server-only";
import { randomBytes } from "node:crypto";
import { eq, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { articles, images, issues, pages, users } from "@/db/schema";
import { MAX_BODY_LENGTH, sanitizeMarkdownSource } from "@/lib/article-body";
import { recordAudit } from "@/lib/audit";
import { reindexArticles } from "@/lib/search-index";
import { issueDateProblem } from "@/lib/calendar";
import { isStaff } from "@/lib/roles";
import { logger } from "@/lib/log";
import { putObject } from "@/lib/storage";
import { abandonFiles, claimFiles, recordPendingFiles, sweepStorageJournal } from "@/lib/storage/journal";
import { processImage } from "@/lib/uploads/image";
import { maxPdfPages, PAGE_FULL_WIDTH, PAGE_THUMB_WIDTH } from "@/lib/uploads/limits";
import { countPdfPages, renderPdf } from "@/lib/uploads/pdf";
import type { RenderedImage } from "@/lib/uploads/rendered-image";
import { sniffFileType, type SniffedType } from "@/lib/uploads/sniff";
import { readPackagePath, readZip, type PackageFiles, type PackageLimits, type ReadResult } from "./package";
import { hasErrors, MANIFEST, PACKAGE_PATH, problem, sortReport, warning, type ReportItem } from "./report";
import { parseManifest, type Manifest } from "./schema";

/**
 * Issue package import (期次导入): a whole issue (pages, articles, hot zones,
 * photos) from a folder or zip holding issue.json and its files.
 *
 * Everything is checked before anything is written, and every problem is
 * reported with the item it concerns, so one run shows all that needs fixing.
 * Only a clean package is imported: its files are rendered in memory, journaled
 * (lib/storage/journal.ts), written to storage, and then one transaction
 * inserts the issue, its pages, articles and photos with the audit entry and
 * claims the files. If that transaction fails, the files are deleted again; if
 * the process dies on the way, the next import's sweep (or jobs:daily) deletes
 * them, so a crash leaves a whole issue or none, and no stray files. Imported
 * issues are always drafts: publishing stays a deliberate step in the admin.
 *
 * Plain Node safe (the CLI runs it under tsx): no Next.js imports here.
 */
export type { ReportItem } from "./report";

/** Page renditions are those of a page uploaded in the admin (lib/uploads/limits.ts); photos as wide as a full page. */
export const PHOTO_WIDTH = PAGE_FULL_WIDTH;

export type ImportOptions = {
  /** Who imports: a staff user's id, or null for the system (the CLI without --as). */
  actorId: string | null;
  /** Check and render, write nothing. */
  dryRun?: boolean;
  /** Accept a paused or non-publication day (reported as a warning instead of an error). */
  allowOffDay?: boolean;
  /** Override the unpacking caps (tests). */
  limits?: PackageLimits;
};

export type ImportSummary = { date: string; number: number; pages: number; articles: number; photos: number };

export type ImportOutcome =
  | { ok: true; dryRun: boolean; issueId: number | null; summary: ImportSummary; report: ReportItem[] }
  | { ok: false; forbidden?: boolean; report: ReportItem[] };

type RenderedPage = { number: number; name: string; editor: string | null; full: RenderedImage; thumb: RenderedImage; pdf: Buffer | null };
type RenderedPhoto = { image: RenderedImage; caption: string | null; credit: string | null };
type PlannedArticle = Omit<Manifest["articles"][number], "body" | "bodyFile" | "photos" | "hotZones" | "position"> & {
  body: string;
  position: number;
  hotZones: { points: [number, number][] }[];
  photos: RenderedPhoto[];
};

/** A validated, rendered package: what the transaction will insert. */
export type ImportPlan = { manifest: Manifest; pages: RenderedPage[]; articles: PlannedArticle[] };

const typeLabels: Record<SniffedType, string> = { pdf: "PDF", png: "PNG", jpeg: "JPEG", webp: "WebP", gif: "GIF", zip: "ZIP" };
const extensionTypes: Record<string, SniffedType> = { pdf: "pdf", png: "png", jpg: "jpeg", jpeg: "jpeg", webp: "webp", gif: "gif" };

/** H1's upload messages are "中文。English." in one string; the report keeps the languages apart. */
function splitBilingual(message: string): [string, string] {
  const m = /^(.*?[。）)])\s*([A-Z][\s\S]*)$/.exec(message);
  return m ? [m[1]!, m[2]!] : [message, message];
}

const fromUpload = (path: string, message: string) => problem(path, ...splitBilingual(message));

/** The file's bytes when present and of the type its name says; otherwise a report item. */
function expectFile(pkg: PackageFiles, file: string, where: string, report: ReportItem[]): { data: Buffer; type: SniffedType } | null {
  const data = pkg.files.get(file);
  if (!data) {
    report.push(problem(where, `文件不存在: ${file}`, `file not found: ${file}`));
    return null;
  }
  if (data.length === 0) {
    report.push(problem(where, `文件是空的: ${file}`, `file is empty: ${file}`));
    return null;
  }
  const extension = file.slice(file.lastIndexOf(".") + 1).toLowerCase();
  const expected = extensionTypes[extension];
  const actual = sniffFileType(data);
  if (expected && actual !== expected) {
    report.push(
      problem(
        where,
        actual ? `文件内容是 ${typeLabels[actual]},与扩展名 .${extension} 不符: ${file}` : `文件内容不是有效的 ${typeLabels[expected]}: ${file}`,
        actual ? `${file} is a ${typeLabels[actual]} file, not what .${extension} says` : `${file} is not a valid ${typeLabels[expected]} file`,
      ),
    );
    return null;
  }
  return { data, type: actual ?? expected! };
}

function readManifest(pkg: PackageFiles): { ok: true; manifest: Manifest } | { ok: false; report: ReportItem[] } {
  const raw = pkg.files.get(MANIFEST);
  if (!raw) {
    return { ok: false, report: [problem(MANIFEST, "包中没有 issue.json(应在包的最上层)", "issue.json is missing (it belongs at the top of the package)")] };
  }
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw).replace(/^\uFEFF/, ""));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, report: [problem(MANIFEST, `issue.json 不是有效的 JSON(UTF-8): ${detail}`, `issue.json is not valid JSON (UTF-8): ${detail}`)] };
  }
  return parseManifest(data);
}

/** Page numbers 1…N each once; articles only on those pages. */
function checkStructure(manifest: Manifest, report: ReportItem[]): void {
  const seen = new Map<number, number>();
  manifest.pages.forEach((page, i) => {
    const first = seen.get(page.number);
    if (first !== undefined) report.push(problem(`pages[${i}].number`, `第${page.number}版重复(pages[${first}] 已是第${page.number}版)`, `page ${page.number} appears twice (also pages[${first}])`));
    else seen.set(page.number, i);
  });
  const missing = Array.from({ length: manifest.pages.length }, (_, i) => i + 1).filter((n) => !seen.has(n));
  if (missing.length && seen.size === manifest.pages.length) {
    report.push(
      problem(
        "pages",
        `版号须从1起连续编号,缺第${missing.join("、")}版`,
        `pages must be numbered 1 to ${manifest.pages.length} without gaps; missing ${missing.join(", ")}`,
      ),
    );
  }
  manifest.articles.forEach((article, i) => {
    if (!seen.has(article.page)) {
      report.push(
        problem(`articles[${i}].page`, `第${article.page}版不存在(本期共${manifest.pages.length}版)`, `page ${article.page} does not exist (the issue has ${manifest.pages.length} pages)`),
      );
    }
  });
}

/** The date and number must be free, and the day a publication day unless allowed. */
async function checkCalendar(manifest: Manifest, allowOffDay: boolean, report: ReportItem[]): Promise<void> {
  const db = await getDb();
  const taken = await db
    .select({ date: issues.date, number: issues.number })
    .from(issues)
    .where(or(eq(issues.date, manifest.date), eq(issues.number, manifest.number)));
  const sameDate = taken.find((i) => i.date === manifest.date);
  const sameNumber = taken.find((i) => i.number === manifest.number);
  if (sameDate) report.push(problem("date", `该日已有一期(总第${sameDate.number}期)`, `an issue is already dated ${manifest.date} (no. ${sameDate.number})`));
  if (sameNumber) report.push(problem("number", `总第${manifest.number}期已存在(${sameNumber.date})`, `issue no. ${manifest.number} already exists (${sameNumber.date})`));
  // The report's `message` is Chinese whatever the uploader's language; `english` carries the other.
  const dayProblem = await issueDateProblem(manifest.date, "zh-CN");
  if (dayProblem) {
    if (allowOffDay) report.push(warning("date", `${dayProblem};已按要求仍在该日导入`, `${manifest.date} is not a regular publication day; imported anyway as asked`));
    else {
      report.push(
        problem(
          "date",
          `${dayProblem}。如确需在该日出版,请勾选「仍要在该日出版」或在命令行加 --allow-off-day`,
          `${manifest.date} is a pause or not a publication day; tick "publish anyway" or pass --allow-off-day to import it anyway`,
        ),
      );
    }
  }
}

async function renderPage(pkg: PackageFiles, page: Manifest["pages"][number], i: number, report: ReportItem[]): Promise<RenderedPage | null> {
  const where = `pages[${i}].file`;
  const file = expectFile(pkg, page.file, where, report);
  if (!file) return null;
  const base = { number: page.number, name: page.name, editor: page.editor };
  if (file.type === "pdf") {
    const counted = await countPdfPages(file.data, maxPdfPages());
    if (!counted.ok) {
      report.push(fromUpload(where, counted.error));
      return null;
    }
    if (counted.pageCount !== 1) {
      report.push(problem(where, `${page.file} 有${counted.pageCount}页;每个版面的 PDF 须正好1页`, `${page.file} has ${counted.pageCount} pages; each page's PDF must have exactly 1`));
      return null;
    }
    const rendered = await renderPdf(file.data, { maxPages: 1, fullWidth: PAGE_FULL_WIDTH, thumbWidth: PAGE_THUMB_WIDTH });
    if (!rendered.ok) {
      report.push(fromUpload(where, rendered.error));
      return null;
    }
    return { ...base, ...rendered.pages[0]!, pdf: file.data };
  }
  if (file.type === "gif") {
    report.push(problem(where, "版面文件须为 PDF、PNG、JPEG 或 WebP", "a page file must be a PDF, PNG, JPEG or WebP"));
    return null;
  }
  const processed = await processImage(file.data, { maxWidth: PAGE_FULL_WIDTH, thumbWidth: PAGE_THUMB_WIDTH });
  if (!processed.ok) {
    report.push(fromUpload(where, processed.error));
    return null;
  }
  return { ...base, full: processed.full, thumb: processed.thumb!, pdf: null };
}

async function planArticle(pkg: PackageFiles, article: Manifest["articles"][number], i: number, position: number, report: ReportItem[]): Promise<PlannedArticle | null> {
  let source = article.body;
  if (article.bodyFile !== undefined) {
    const data = pkg.files.get(article.bodyFile);
    if (!data) report.push(problem(`articles[${i}].bodyFile`, `文件不存在: ${article.bodyFile}`, `file not found: ${article.bodyFile}`));
    else {
      try {
        source = new TextDecoder("utf-8", { fatal: true }).decode(data).replace(/^\uFEFF/, "");
      } catch {
        report.push(problem(`articles[${i}].bodyFile`, `${article.bodyFile} 不是 UTF-8 文本`, `${article.bodyFile} is not UTF-8 text`));
      }
    }
  }
  if (article.bodyFile !== undefined && source !== undefined && source.length > MAX_BODY_LENGTH) {
    report.push(problem(`articles[${i}].bodyFile`, `正文最多${MAX_BODY_LENGTH}个字符`, `body: at most ${MAX_BODY_LENGTH} characters`));
    source = undefined;
  }
  const body = source === undefined ? null : sanitizeMarkdownSource(source);
  if (body !== null && !body) report.push(warning(`articles[${i}].body`, "正文为空", "the body is empty"));

  const photos: RenderedPhoto[] = [];
  for (const [j, photo] of (article.photos ?? []).entries()) {
    const where = `articles[${i}].photos[${j}].file`;
    const file = expectFile(pkg, photo.file, where, report);
    if (!file) continue;
    const processed = await processImage(file.data, { maxWidth: PHOTO_WIDTH });
    if (!processed.ok) report.push(fromUpload(where, processed.error));
    else photos.push({ image: processed.full, caption: photo.caption, credit: photo.credit });
  }
  if (body === null || photos.length !== (article.photos ?? []).length) return null;
  const { bodyFile: _bodyFile, photos: _photos, hotZones, position: _position, ...fields } = article;
  return { ...fields, body, position: article.position ?? position, hotZones: hotZones ?? [], photos };
}

/**
 * Checks a package completely and renders its files in memory. The plan is
 * returned only when the report has no errors; warnings do not block.
 */
export async function validatePackage(pkg: PackageFiles, { allowOffDay = false }: { allowOffDay?: boolean } = {}): Promise<{ report: ReportItem[]; plan: ImportPlan | null }> {
  const report: ReportItem[] = [];
  const parsed = readManifest(pkg);
  if (!parsed.ok) return { report: parsed.report, plan: null };
  const { manifest } = parsed;

  checkStructure(manifest, report);
  await checkCalendar(manifest, allowOffDay, report);

  const referenced = new Set<string>([MANIFEST]);
  for (const page of manifest.pages) referenced.add(page.file);
  for (const article of manifest.articles) {
    if (article.bodyFile) referenced.add(article.bodyFile);
    for (const photo of article.photos ?? []) referenced.add(photo.file);
  }
  for (const name of pkg.files.keys()) {
    if (!referenced.has(name)) report.push(warning(name, "包中有未被 issue.json 引用的文件,将被忽略", "file is not referenced by issue.json and will be ignored"));
  }

  const renderedPages: RenderedPage[] = [];
  for (const [i, page] of manifest.pages.entries()) {
    const rendered = await renderPage(pkg, page, i, report);
    if (rendered) renderedPages.push(rendered);
  }

  // Default position: the order in issue.json among the articles of the same page.
  const perPage = new Map<number, number>();
  const planned: PlannedArticle[] = [];
  for (const [i, article] of manifest.articles.entries()) {
    const position = perPage.get(article.page) ?? 0;
    perPage.set(article.page, position + 1);
    const plan = await planArticle(pkg, article, i, position, report);
    if (plan) planned.push(plan);
  }

  const sorted = sortReport(report);
  return { report: sorted, plan: hasErrors(sorted) ? null : { manifest, pages: renderedPages, articles: planned } };
}

/** The staff role as the database has it now (the session or CLI flag is not trusted). No Next imports: the CLI runs this. */
async function mayImport(actorId: string | null): Promise<boolean> {
  if (actorId === null) return true;
  const db = await getDb();
  const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, actorId)).limit(1);
  return isStaff(row?.role);
}

const FORBIDDEN_ITEM = problem(PACKAGE_PATH, "只有编辑或管理员可以导入期次", "only editors and admins may import issues");

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

type StoredFile = { key: string; data: Buffer; contentType: string };

/** Storage keys for this import: a fresh folder per run, so an import never overwrites another issue's files. */
function filesToStore(plan: ImportPlan): { files: StoredFile[]; pageKeys: Map<number, { image: string; thumb: string; pdf: string | null }>; photoKeys: string[][] } {
  const { date, number } = plan.manifest;
  const run = randomBytes(4).toString("hex");
  const files: StoredFile[] = [];
  const pageKeys = new Map<number, { image: string; thumb: string; pdf: string | null }>();
  for (const page of plan.pages) {
    const dir = `pages/${date}/import-${run}`;
    const keys = {
      image: `${dir}/${page.number}.${page.full.extension}`,
      thumb: `${dir}/${page.number}-thumb.${page.thumb.extension}`,
      pdf: page.pdf ? `${dir}/${page.number}.pdf` : null,
    };
    pageKeys.set(page.number, keys);
    files.push({ key: keys.image, data: page.full.data, contentType: page.full.contentType }, { key: keys.thumb, data: page.thumb.data, contentType: page.thumb.contentType });
    if (page.pdf && keys.pdf) files.push({ key: keys.pdf, data: page.pdf, contentType: "application/pdf" });
  }
  const photoKeys = plan.articles.map((article, i) =>
    article.photos.map((photo, j) => {
      const key = `images/${number}/import-${run}/${i + 1}-${j + 1}.${photo.image.extension}`;
      files.push({ key, data: photo.image.data, contentType: photo.image.contentType });
      return key;
    }),
  );
  return { files, pageKeys, photoKeys };
}

const log = logger.child({ module: "issue-import" });

/** Files an earlier import (or upload) left when its process died; a failure here must not stop this import. */
async function sweepLeftovers(): Promise<void> {
  try {
    const { removed } = await sweepStorageJournal();
    if (removed) log.info({ removed }, "Removed files of operations that never finished");
  } catch (error) {
    log.error({ err: error }, "Sweeping the storage journal failed");
  }
}

/** Writes a validated plan: files first (journaled), then one transaction that claims them; on failure the files go again. */
async function writePlan(plan: ImportPlan, actorId: string | null, sourceName: string): Promise<{ ok: true; issueId: number } | { ok: false; report: ReportItem[] }> {
  const { manifest } = plan;
  const { files, pageKeys, photoKeys } = filesToStore(plan);
  const keys = files.map((file) => file.key);
  await sweepLeftovers();
  await recordPendingFiles(keys, "issue.import");
  try {
    for (const file of files) await putObject(file.key, file.data, file.contentType);
    const db = await getDb();
    const issueId = await db.transaction(async (tx) => {
      const [issue] = await tx.insert(issues).values({ date: manifest.date, number: manifest.number, pageCount: plan.pages.length, status: "draft" }).returning();
      const pageRows = await tx
        .insert(pages)
        .values(
          plan.pages.map((page) => {
            const keys = pageKeys.get(page.number)!;
            return {
              issueId: issue!.id,
              number: page.number,
              name: page.name,
              editor: page.editor,
              imageKey: keys.image,
              imageWidth: page.full.width,
              imageHeight: page.full.height,
              pdfKey: keys.pdf,
              thumbKey: keys.thumb,
              thumbWidth: page.thumb.width,
            };
          }),
        )
        .returning({ id: pages.id, number: pages.number });
      const pageId = new Map(pageRows.map((p) => [p.number, p.id]));
      for (const [i, article] of plan.articles.entries()) {
        const [row] = await tx
          .insert(articles)
          .values({
            issueId: issue!.id,
            pageId: pageId.get(article.page)!,
            column: article.column,
            kicker: article.kicker,
            title: article.title,
            subtitle: article.subtitle,
            byline: article.byline,
            source: article.source,
            body: article.body,
            access: article.access,
            position: article.position,
            hotZones: article.hotZones,
          })
          .returning({ id: articles.id });
        await reindexArticles(tx, [row!.id]);
        if (article.photos.length) {
          await tx.insert(images).values(
            article.photos.map((photo, j) => ({
              articleId: row!.id,
              fileKey: photoKeys[i]![j]!,
              width: photo.image.width,
              height: photo.image.height,
              caption: photo.caption,
              credit: photo.credit,
              position: j,
            })),
          );
        }
      }
      await recordAudit(tx, {
        actorId,
        action: "issue.import",
        entity: "issue",
        entityId: issue!.id,
        after: {
          date: manifest.date,
          number: manifest.number,
          status: "draft",
          package: sourceName,
          pages: plan.pages.length,
          articles: plan.articles.length,
          photos: plan.articles.reduce((n, a) => n + a.photos.length, 0),
        },
      });
      await claimFiles(tx, keys);
      return issue!.id;
    });
    return { ok: true, issueId };
  } catch (error) {
    await abandonFiles(keys);
    // Another import or editor took the date or number between the check and the insert.
    if (!isUniqueViolation(error)) throw error;
    const report: ReportItem[] = [];
    await checkCalendar(manifest, true, report);
    const taken = report.filter((item) => item.level === "error");
    return { ok: false, report: taken.length ? taken : [problem("date", "该日或该期号刚被占用,请检查后重试", "the date or number was just taken; check and retry")] };
  }
}

/** Validates a package and, unless it is a dry run, imports it. */
export async function importPackage(pkg: PackageFiles, options: ImportOptions): Promise<ImportOutcome> {
  if (!(await mayImport(options.actorId))) return { ok: false, forbidden: true, report: [FORBIDDEN_ITEM] };
  const { report, plan } = await validatePackage(pkg, { allowOffDay: options.allowOffDay });
  if (!plan) return { ok: false, report };
  const summary: ImportSummary = {
    date: plan.manifest.date,
    number: plan.manifest.number,
    pages: plan.pages.length,
    articles: plan.articles.length,
    photos: plan.articles.reduce((n, a) => n + a.photos.length, 0),
  };
  if (options.dryRun) return { ok: true, dryRun: true, issueId: null, summary, report };
  const written = await writePlan(plan, options.actorId, pkg.name);
  if (!written.ok) return { ok: false, report: written.report };
  return { ok: true, dryRun: false, issueId: written.issueId, summary, report };
}

async function fromRead(read: ReadResult, options: ImportOptions): Promise<ImportOutcome> {
  if (!read.ok) return { ok: false, report: read.report };
  return importPackage(read.pkg, options);
}

/** A folder, a .zip file, or a folder's issue.json on disk (the CLI). */
export async function importFromPath(source: string, options: ImportOptions): Promise<ImportOutcome> {
  if (!(await mayImport(options.actorId))) return { ok: false, forbidden: true, report: [FORBIDDEN_ITEM] };
  return fromRead(await readPackagePath(source, options.limits), options);
}

/** An uploaded .zip (the admin page). */
export async function importFromZip(zip: Buffer, name: string, options: ImportOptions): Promise<ImportOutcome> {
  if (!(await mayImport(options.actorId))) return { ok: false, forbidden: true, report: [FORBIDDEN_ITEM] };
  return fromRead(readZip(zip, name, options.limits), options);
}
