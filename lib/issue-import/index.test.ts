import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { articles, auditLog, images, issues, pages, pauses, publication, users } from "@/db/schema";
import { demoPublication } from "@/db/seed/content";
import { freshDatabase } from "@/db/testing/fresh-database";
import { env, resetEnvCache } from "@/lib/env";
import { getObject, localFolderBackend, setStorageBackend } from "@/lib/storage";
import { examplePackage, examplePdf, examplePng, packageFiles, writePackageFolder, zipPackage } from "./example";
import { importFromPath, importFromZip, type ImportOutcome } from "./index";
import type { ReportItem } from "./report";

describe("issue package import", () => {
  let db: Db;
  let drop: () => Promise<void>;
  let tmp: string;
  const actors = { editor: "", member: "" };
  const previousDataDir = process.env.DATA_DIR;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "caixin-import-"));
    // On PostgreSQL freshDatabase leaves DATA_DIR alone: keep stored files in the temp dir either way.
    process.env.DATA_DIR = path.join(tmp, "data");
    resetEnvCache();
    ({ db, drop } = await freshDatabase());
    await db.insert(publication).values(demoPublication);
    await db.insert(pauses).values({ startsOn: "2026-06-08", endsOn: "2026-06-08", reason: "测试休刊" });
    for (const role of ["editor", "member"] as const) {
      const [user] = await db.insert(users).values({ email: `${role}@import.test`, role }).returning();
      actors[role] = user!.id;
    }
  });
  afterAll(async () => {
    await drop();
    rmSync(tmp, { recursive: true, force: true });
    if (previousDataDir === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = previousDataDir;
    resetEnvCache();
  });

  const mediaFiles = (): string[] => {
    const root = env().storageDir;
    if (!existsSync(root)) return [];
    return (readdirSync(root, { recursive: true, withFileTypes: true }) as { isFile(): boolean; parentPath: string; name: string }[])
      .filter((e) => e.isFile())
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
      .sort();
  };
  const snapshot = async () => ({
    issues: (await db.select().from(issues)).length,
    pages: (await db.select().from(pages)).length,
    articles: (await db.select().from(articles)).length,
    images: (await db.select().from(images)).length,
    audit: (await db.select().from(auditLog)).length,
    files: mediaFiles(),
  });
  const errorsOf = (outcome: ImportOutcome): ReportItem[] => outcome.report.filter((i) => i.level === "error");

  it("imports the example zip as a draft: rows, stored files and an audit entry", async () => {
    const { manifest, files } = await examplePackage();
    const outcome = await importFromZip(zipPackage(packageFiles(manifest, files)), "1261.zip", { actorId: actors.editor });
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome).toMatchObject({ ok: true, dryRun: false, summary: { date: "2026-06-01", number: 1261, pages: 2, articles: 3, photos: 1 } });
    if (!outcome.ok) return;

    const [issue] = await db.select().from(issues).where(eq(issues.id, outcome.issueId!));
    expect(issue).toMatchObject({ date: "2026-06-01", number: 1261, pageCount: 2, status: "draft", publishedAt: null });
    const pageRows = await db.select().from(pages).where(eq(pages.issueId, issue!.id)).orderBy(pages.number);
    expect(pageRows.map((p) => [p.number, p.name, p.editor])).toEqual([
      [1, "要闻", "王芳"],
      [2, "财经", "李强"],
    ]);
    expect(pageRows[0]).toMatchObject({ imageWidth: 1600, thumbWidth: 480, pdfKey: expect.stringMatching(/\.pdf$/) });
    // The PNG page is 700 px wide: never upscaled.
    expect(pageRows[1]).toMatchObject({ imageWidth: 700, imageHeight: 990, pdfKey: null });
    for (const page of pageRows) {
      expect((await getObject(page.imageKey!))?.contentType).toBe("image/webp");
      expect(await getObject(page.thumbKey!)).not.toBeNull();
    }
    expect((await getObject(pageRows[0]!.pdfKey!))?.body.subarray(0, 5).toString()).toBe("%PDF-");

    const articleRows = await db.select().from(articles).where(eq(articles.issueId, issue!.id)).orderBy(articles.id);
    expect(articleRows.map((a) => [a.title, a.pageId === pageRows[0]!.id ? 1 : 2, a.position, a.access])).toEqual([
      ["全市外贸进出口同比增长百分之八", 1, 0, "free"],
      ["稳外贸要在细处用力", 1, 1, "subscribers"],
      ["本地三家企业发布年报", 2, 0, "subscribers"],
    ]);
    expect(articleRows[0]!.hotZones).toEqual([{ points: [[0.05, 0.1], [0.95, 0.1], [0.95, 0.45], [0.05, 0.45]] }]);
    expect(articleRows[1]!.body).toContain("## 一、通关");
    expect(articleRows[1]!.column).toBe("评论");

    const photoRows = await db.select().from(images).where(eq(images.articleId, articleRows[0]!.id));
    expect(photoRows).toEqual([expect.objectContaining({ caption: "港区集装箱码头一角。", credit: "本报记者 赵磊 摄", width: 640, height: 427, position: 0 })]);
    expect(await getObject(photoRows[0]!.fileKey)).not.toBeNull();

    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "issue.import"));
    expect(entry).toMatchObject({ actorId: actors.editor, entity: "issue", entityId: String(issue!.id), after: expect.objectContaining({ number: 1261, pages: 2, articles: 3, photos: 1 }) });
  });

  it("imports the example as a folder, as the system when no one is named", async () => {
    const { manifest, files } = await examplePackage({ date: "2026-06-04", number: 1262 });
    const dir = path.join(tmp, "folder-1262");
    await writePackageFolder(dir, packageFiles(manifest, files));
    const outcome = await importFromPath(dir, { actorId: null });
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.ok).toBe(true);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityId, String(outcome.ok && outcome.issueId)));
    expect(entry).toMatchObject({ actorId: null, actorLabel: "system", action: "issue.import" });
  });

  it("a dry run checks everything and writes nothing", async () => {
    const before = await snapshot();
    const { manifest, files } = await examplePackage({ date: "2026-06-11", number: 1264 });
    const outcome = await importFromZip(zipPackage(packageFiles(manifest, files)), "x.zip", { actorId: actors.editor, dryRun: true });
    expect(outcome).toMatchObject({ ok: true, dryRun: true, issueId: null, summary: { pages: 2, articles: 3, photos: 1 } });
    expect(await snapshot()).toEqual(before);
  });

  type Case = [name: string, breakIt: (pkg: { manifest: Record<string, unknown> & { articles: Record<string, unknown>[]; pages: Record<string, unknown>[] }; files: Map<string, Buffer> }) => Promise<unknown> | unknown, path: string | RegExp, message: RegExp];
  const cases: Case[] = [
    ["bad json", () => "{ \"version\": 1, ", "issue.json", /不是有效的 JSON/],
    ["no issue.json", ({ files }) => ({ __noManifest: files }), "issue.json", /没有 issue.json/],
    ["an unknown key (typo)", ({ manifest }) => void (manifest.articles[1]!.subtitel = "x"), "articles[1].subtitel", /未知字段「subtitel」/],
    ["a status (imports are drafts)", ({ manifest }) => void (manifest.status = "published"), "status", /一律为草稿/],
    ["a missing required field", ({ manifest }) => void delete manifest.articles[0]!.title, "articles[0].title", /缺少此字段/],
    ["a missing photo", ({ manifest }) => void ((manifest.articles[0]!.photos as { file: string }[])[0]!.file = "photos/x.jpg"), "articles[0].photos[0].file", /^文件不存在: photos\/x\.jpg$/],
    ["a missing body file", ({ files }) => void files.delete("articles/commentary.md"), "articles[1].bodyFile", /文件不存在/],
    ["a .pdf that is a PNG", async ({ files }) => void files.set("pages/1.pdf", await examplePng()), "pages[0].file", /PNG.*\.pdf/],
    ["a corrupt PDF", ({ files }) => void files.set("pages/1.pdf", Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage")), "pages[0].file", /损坏/],
    ["a three-page PDF for one page", async ({ files }) => void files.set("pages/1.pdf", await examplePdf(3)), "pages[0].file", /3页/],
    ["a zone out of range", ({ manifest }) => void (manifest.articles[0]!.hotZones = [{ points: [[0, 0], [1.5, 0], [1, 1]] }]), /^articles\[0\]\.hotZones\[0\]/, /版面内/],
    ["an article on page 9 of 2", ({ manifest }) => void (manifest.articles[2]!.page = 9), "articles[2].page", /^第9版不存在\(本期共2版\)$/],
    ["pages not numbered 1…N", ({ manifest }) => void (manifest.pages[1]!.number = 3), "pages", /缺第2版/],
    ["a duplicate page number", ({ manifest }) => void (manifest.pages[1]!.number = 1), "pages[1].number", /重复/],
    ["both body and bodyFile", ({ manifest }) => void (manifest.articles[0]!.bodyFile = "articles/commentary.md"), "articles[0].body", /只填一个/],
    ["a taken number", ({ manifest }) => void (manifest.number = 1261), "number", /总第1261期已存在/],
    ["a taken date", ({ manifest }) => void (manifest.date = "2026-06-01"), "date", /该日已有一期/],
    ["a non-publication day", ({ manifest }) => void (manifest.date = "2026-06-02"), "date", /不是出版日.*--allow-off-day/],
    ["a pause day", ({ manifest }) => void (manifest.date = "2026-06-08"), "date", /休刊/],
    ["an invalid date", ({ manifest }) => void (manifest.date = "2026-02-30"), "date", /YYYY-MM-DD/],
  ];

  it.each(cases)("reports %s by its path and writes nothing", async (_name, breakIt, where, message) => {
    const before = await snapshot();
    const { manifest, files } = await examplePackage({ date: "2026-06-15", number: 1265 });
    const pkg = { manifest: structuredClone(manifest) as never, files: new Map(files) };
    const replaced = await breakIt(pkg);
    let all: Map<string, Buffer>;
    if (typeof replaced === "string") all = packageFiles(replaced, pkg.files);
    else if (replaced && typeof replaced === "object" && "__noManifest" in replaced) all = new Map(pkg.files);
    else all = packageFiles(pkg.manifest, pkg.files);

    const outcome = await importFromZip(zipPackage(all), "broken.zip", { actorId: actors.editor });
    expect(outcome.ok).toBe(false);
    const errors = errorsOf(outcome);
    const hit = errors.find((e) => (typeof where === "string" ? e.path === where : where.test(e.path)));
    expect(hit, JSON.stringify(errors, null, 1)).toBeDefined();
    expect(hit!.message).toMatch(message);
    expect(hit!.english.length).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });

  it("reports every problem of a package at once", async () => {
    const { manifest, files } = await examplePackage({ date: "2026-06-15", number: 1261 });
    const m = structuredClone(manifest);
    m.articles[2]!.page = 9;
    (m.articles[0]!.photos as { file: string }[])[0]!.file = "photos/x.jpg";
    files.set("pages/2.png", await examplePdf());
    const outcome = await importFromZip(zipPackage(packageFiles(m, files)), "broken.zip", { actorId: actors.editor });
    expect(errorsOf(outcome).map((e) => e.path).sort()).toEqual(["articles[0].photos[0].file", "articles[2].page", "number", "pages[1].file"]);
  });

  it("imports on an off day only when asked, with a warning", async () => {
    const { manifest, files } = await examplePackage({ date: "2026-06-02", number: 1300 });
    const outcome = await importFromZip(zipPackage(packageFiles(manifest, files)), "x.zip", { actorId: actors.editor, allowOffDay: true, dryRun: true });
    expect(outcome.ok).toBe(true);
    expect(outcome.report).toEqual([expect.objectContaining({ level: "warning", path: "date" })]);
  });

  it("warns about files issue.json does not use, and still imports", async () => {
    const { manifest, files } = await examplePackage({ date: "2026-06-15", number: 1265 });
    files.set("notes/readme.txt", Buffer.from("hi"));
    const outcome = await importFromZip(zipPackage(packageFiles(manifest, files)), "x.zip", { actorId: actors.editor, dryRun: true });
    expect(outcome.ok).toBe(true);
    expect(outcome.report).toEqual([expect.objectContaining({ level: "warning", path: "notes/readme.txt" })]);
  });

  it("sanitises Markdown bodies on import", async () => {
    const { manifest, files } = await examplePackage({ date: "2026-06-18", number: 1266 });
    manifest.articles[2]!.body = "正文<script>alert(1)</script>\n\n[点我](javascript:alert(1))";
    const outcome = await importFromZip(zipPackage(packageFiles(manifest, files)), "x.zip", { actorId: actors.editor });
    expect(outcome.ok).toBe(true);
    const [row] = await db
      .select({ body: articles.body })
      .from(articles)
      .where(and(eq(articles.issueId, outcome.ok ? outcome.issueId! : 0), eq(articles.title, "本地三家企业发布年报")));
    expect(row!.body).not.toMatch(/script|javascript/);
    expect(row!.body).toContain("点我");
  });

  it("refuses a zip-slip entry and an oversized zip, writing nothing", async () => {
    const before = await snapshot();
    const { manifest, files } = await examplePackage({ date: "2026-06-22", number: 1267 });
    const slip = packageFiles(manifest, files);
    slip.set("../../evil.txt", Buffer.from("owned"));
    const slipped = await importFromZip(zipPackage(slip), "slip.zip", { actorId: actors.editor });
    expect(slipped.ok).toBe(false);
    expect(errorsOf(slipped)[0]).toMatchObject({ path: "../../evil.txt" });
    const big = await importFromZip(zipPackage(packageFiles(manifest, files)), "big.zip", { actorId: actors.editor, limits: { maxEntries: 100, maxTotalBytes: 10_000 } });
    expect(big.ok).toBe(false);
    expect(errorsOf(big)[0]!.message).toMatch(/太大/);
    expect(await snapshot()).toEqual(before);
    expect(existsSync(path.join(env().storageDir, "..", "..", "evil.txt"))).toBe(false);
  });

  it("deletes the stored files again when the transaction fails (the number was taken meanwhile)", async () => {
    const before = await snapshot();
    const real = localFolderBackend(env().storageDir);
    let raced = false;
    // Another editor creates 总第1268期 while the files are being written.
    setStorageBackend({
      ...real,
      put: async (key, body, contentType) => {
        await real.put(key, body, contentType);
        if (!raced) {
          raced = true;
          await db.insert(issues).values({ date: "2026-06-29", number: 1268, pageCount: 1 });
        }
      },
    });
    try {
      const { manifest, files } = await examplePackage({ date: "2026-06-25", number: 1268 });
      const outcome = await importFromZip(zipPackage(packageFiles(manifest, files)), "x.zip", { actorId: actors.editor });
      expect(outcome.ok).toBe(false);
      expect(errorsOf(outcome)).toEqual([expect.objectContaining({ path: "number", message: "总第1268期已存在(2026-06-29)" })]);
    } finally {
      setStorageBackend(null);
    }
    expect(raced).toBe(true);
    expect(await snapshot()).toEqual({ ...before, issues: before.issues + 1 });
  });

  it("refuses a reader, whatever the package", async () => {
    const before = await snapshot();
    const { manifest, files } = await examplePackage({ date: "2026-06-22", number: 1267 });
    const outcome = await importFromZip(zipPackage(packageFiles(manifest, files)), "x.zip", { actorId: actors.member });
    expect(outcome).toMatchObject({ ok: false, forbidden: true });
    expect(await snapshot()).toEqual(before);
  });
});
