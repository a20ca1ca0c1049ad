import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { articles, auditLog, issues, pages, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { resetEnvCache } from "./env";
import { attachIssueImages, attachIssuePdf, issuePagesForPanel, replacePageFile, updatePageDetails } from "./pages-admin";
import { getObject } from "./storage";
import { PAGE_FULL_WIDTH, PAGE_THUMB_WIDTH } from "./uploads/limits";
import { countPdfPages } from "./uploads/pdf";

async function makePdf(pageCount: number, size: [number, number] = [842, 1191], { classicTrailer = false } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  for (let i = 1; i <= pageCount; i++) {
    const page = doc.addPage(size);
    page.drawText(`PAGE ${i}`, { x: 60, y: size[1] - 120, size: 64, font, color: rgb(0.1, 0.1, 0.1) });
  }
  return Buffer.from(await doc.save({ useObjectStreams: !classicTrailer }));
}

const makeImage = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#f4efe4" } })
    .png()
    .toBuffer();

/** A real 10×10 PNG whose header claims 50,000 × 50,000 pixels: decoding it would need ~7.5 GB. */
async function pngBomb(): Promise<Buffer> {
  const png = Buffer.from(await makeImage(10, 10));
  png.writeUInt32BE(50_000, 16);
  png.writeUInt32BE(50_000, 20);
  return png;
}

/** Every file under the storage folder, relative to it. */
function storedFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out.sort();
}

describe("pages-admin: page files and details", () => {
  let db: Db;
  let drop: () => Promise<void>;
  let dataDir: string;
  let mediaDir: string;
  let issueId: number;
  const actors = { editor: "", admin: "", member: "" };
  const savedMax = process.env.UPLOAD_MAX_BYTES;

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    // freshDatabase only moves DATA_DIR for PGlite; the files of this test always go to a folder of its own.
    dataDir = mkdtempSync(path.join(os.tmpdir(), "caixin-pages-"));
    process.env.DATA_DIR = dataDir;
    resetEnvCache();
    mediaDir = path.join(dataDir, "media");
    const [issue] = await db.insert(issues).values({ date: "2026-05-07", number: 1254, pageCount: 2, status: "draft" }).returning();
    issueId = issue!.id;
    await db.insert(pages).values([1, 2].map((n) => ({ issueId, number: n, name: `第${n}版` })));
    for (const role of ["editor", "admin", "member"] as const) {
      const [user] = await db.insert(users).values({ email: `${role}@pages.test`, role }).returning();
      actors[role] = user!.id;
    }
  });
  afterAll(async () => {
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    if (savedMax === undefined) delete process.env.UPLOAD_MAX_BYTES;
    else process.env.UPLOAD_MAX_BYTES = savedMax;
    resetEnvCache();
  });

  const pageRows = () => db.select().from(pages).where(eq(pages.issueId, issueId)).orderBy(pages.number);
  const snapshot = async () => ({
    pages: await pageRows(),
    issue: (await db.select().from(issues).where(eq(issues.id, issueId)))[0],
    audit: (await db.select().from(auditLog)).length,
    files: storedFiles(mediaDir),
  });

  it("splits a 3-page PDF into 3 版 with a full image, a thumbnail and a one-page PDF each, adding the missing 版", async () => {
    const result = await attachIssuePdf(actors.editor, issueId, await makePdf(3));
    expect(result).toMatchObject({ ok: true, issue: { pageCount: 3 } });
    if (!result.ok) return;
    expect(result.message).toContain("新增第3版");

    const rows = await pageRows();
    expect(rows.map((r) => [r.number, r.name])).toEqual([
      [1, "第1版"],
      [2, "第2版"],
      [3, "第3版"],
    ]);
    for (const row of rows) {
      expect(row.imageKey).toMatch(new RegExp(`^issues/${issueId}/pages/${row.number}-[0-9a-f]{12}\\.webp$`));
      expect(row.imageWidth).toBe(PAGE_FULL_WIDTH);
      // A4 portrait: 1191/842 of the width.
      expect(row.imageHeight).toBe(Math.ceil((1191 / 842) * PAGE_FULL_WIDTH));
      expect(row.thumbWidth).toBe(PAGE_THUMB_WIDTH);
      const full = await getObject(row.imageKey!);
      const thumb = await getObject(row.thumbKey!);
      expect(full?.contentType).toBe("image/webp");
      expect((await sharp(full!.body).metadata()).width).toBe(PAGE_FULL_WIDTH);
      expect((await sharp(thumb!.body).metadata()).width).toBe(PAGE_THUMB_WIDTH);
      const pdf = await getObject(row.pdfKey!);
      expect(pdf?.contentType).toBe("application/pdf");
      expect(await countPdfPages(pdf!.body, 10)).toEqual({ ok: true, pageCount: 1 });
    }
    const audit = await db.select().from(auditLog).where(eq(auditLog.actorId, actors.editor));
    expect(audit.map((a) => a.action).sort()).toEqual(["issue.pages.add", "page.create", "page.replace", "page.replace"]);
  });

  it("replaces one 版 with an image, keeping its articles and hot zones, and deletes the old files", async () => {
    const [page2] = await db.select().from(pages).where(and(eq(pages.issueId, issueId), eq(pages.number, 2)));
    const zones = [{ points: [[0.1, 0.2], [0.6, 0.2], [0.6, 0.5], [0.1, 0.5]] as [number, number][] }];
    const [article] = await db.insert(articles).values({ issueId, pageId: page2!.id, title: "港口吞吐量创新高", body: "正文", hotZones: zones }).returning();
    const oldKeys = [page2!.imageKey!, page2!.thumbKey!, page2!.pdfKey!];

    const result = await replacePageFile(actors.admin, issueId, 2, await makeImage(1200, 1700));
    expect(result).toMatchObject({ ok: true, message: "已替换第2版。" });

    const [after] = await db.select().from(pages).where(eq(pages.id, page2!.id));
    expect(after).toMatchObject({ id: page2!.id, imageWidth: 1200, imageHeight: 1700, thumbWidth: PAGE_THUMB_WIDTH, pdfKey: null });
    expect(after!.imageKey).not.toBe(page2!.imageKey);
    const [kept] = await db.select().from(articles).where(eq(articles.id, article!.id));
    expect(kept).toMatchObject({ pageId: page2!.id, hotZones: zones });
    for (const key of oldKeys) {
      expect(await getObject(key)).toBeNull();
      expect(existsSync(path.join(mediaDir, key))).toBe(false);
    }
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, "page.replace"), eq(auditLog.actorId, actors.admin)));
    expect(entry).toMatchObject({ entity: "page", entityId: String(page2!.id) });
    expect(entry!.before).toMatchObject({ imageKey: page2!.imageKey });
    expect(entry!.after).toMatchObject({ imageKey: after!.imageKey, source: "image" });
  });

  it("replaces one 版 with a one-page PDF and refuses a multi-page PDF there", async () => {
    const ok = await replacePageFile(actors.editor, issueId, 1, await makePdf(1, [1000, 1500]));
    expect(ok.ok).toBe(true);
    const [page1] = await db.select().from(pages).where(and(eq(pages.issueId, issueId), eq(pages.number, 1)));
    expect(page1).toMatchObject({ imageWidth: PAGE_FULL_WIDTH, imageHeight: PAGE_FULL_WIDTH * 1.5 });
    expect(page1!.pdfKey).toMatch(/\.pdf$/);

    const before = await snapshot();
    const many = await replacePageFile(actors.editor, issueId, 1, await makePdf(2));
    expect(many).toMatchObject({ ok: false, code: "invalid" });
    if (!many.ok) expect(many.error).toContain("只接受 1 页");
    expect(await snapshot()).toEqual(before);
  });

  describe("bad input: a clear error, no rows changed, no files left", () => {
    const corruptPdf = async () => {
      const good = await makePdf(2);
      // The header survives, the body is noise: no objects, no pages.
      return Buffer.concat([good.subarray(0, 15), Buffer.alloc(4000, 0x41), Buffer.from("\n%%EOF\n")]);
    };

    it.each([
      ["not a PDF (text named .pdf)", async () => Buffer.from("Hello, this is not a PDF at all.\n"), /不是 PDF/],
      ["an image sent as the issue PDF", async () => makeImage(100, 100), /不是 PDF/],
      ["a 0-byte file", async () => Buffer.alloc(0), /空的/],
      ["a corrupt PDF", corruptPdf, /损坏|没有任何页面/],
    ])("whole-issue upload of %s", async (_label, make, message) => {
      const before = await snapshot();
      const result = await attachIssuePdf(actors.editor, issueId, await make());
      expect(result).toMatchObject({ ok: false, code: "invalid" });
      if (!result.ok) expect(result.error).toMatch(message);
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ["an image bomb (PNG claiming 50000×50000)", pngBomb, /尺寸过大/],
      ["a truncated JPEG", async () => (await sharp(await makeImage(800, 1000)).jpeg().toBuffer()).subarray(0, 400), /损坏/],
      ["a 0-byte file", async () => Buffer.alloc(0), /空的/],
      ["a ZIP file", async () => Buffer.from("PK\u0003\u0004rest-of-zip"), /不支持/],
      ["a corrupt PDF", corruptPdf, /损坏|没有任何页面/],
    ])("single 版 upload of %s", async (_label, make, message) => {
      const before = await snapshot();
      const result = await replacePageFile(actors.editor, issueId, 2, await make());
      expect(result).toMatchObject({ ok: false, code: "invalid" });
      if (!result.ok) expect(result.error).toMatch(message);
      expect(await snapshot()).toEqual(before);
    });

    it("an oversized file, for the whole issue and for one 版", async () => {
      process.env.UPLOAD_MAX_BYTES = "2048";
      resetEnvCache();
      const big = await makePdf(12);
      expect(big.length).toBeGreaterThan(2048);
      const before = await snapshot();
      expect(await attachIssuePdf(actors.editor, issueId, big)).toMatchObject({ ok: false, code: "invalid", error: expect.stringContaining("文件过大") });
      expect(await replacePageFile(actors.editor, issueId, 1, big)).toMatchObject({ ok: false, code: "invalid", error: expect.stringContaining("最大 2 KB") });
      const noisy = await sharp({ create: { width: 200, height: 300, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 40 } } }).png().toBuffer();
      expect(noisy.length).toBeGreaterThan(2048);
      expect(await attachIssueImages(actors.editor, issueId, [{ bytes: noisy }])).toMatchObject({ ok: false, error: expect.stringContaining("文件过大") });
      expect(await snapshot()).toEqual(before);
    });

    it("refuses a bomb among several images without storing the good ones", async () => {
      const before = await snapshot();
      const result = await attachIssueImages(actors.editor, issueId, [
        { bytes: await makeImage(600, 900), name: "p1.png" },
        { bytes: await pngBomb(), name: "p2.png" },
      ]);
      expect(result).toMatchObject({ ok: false });
      if (!result.ok) expect(result.error).toMatch(/第 2 个文件「p2.png」.*尺寸过大/);
      expect(await snapshot()).toEqual(before);
    });

    it("an encrypted PDF", async () => {
      // pdf-lib cannot encrypt; a trailer /Encrypt entry with a standard security handler is enough for mupdf to ask for a password.
      const plain = (await makePdf(1, undefined, { classicTrailer: true })).toString("latin1");
      expect(plain).toMatch(/trailer\s*<</);
      const encrypted = plain.replace(/trailer\s*<</, "trailer\n<<\n/Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <00> /U <00> >>");
      const before = await snapshot();
      const result = await attachIssuePdf(actors.editor, issueId, Buffer.from(encrypted, "latin1"));
      expect(result).toMatchObject({ ok: false, code: "invalid" });
      if (!result.ok) expect(result.error).toMatch(/加密|损坏/);
      expect(await snapshot()).toEqual(before);
    });
  });

  it("refuses a member, touching nothing", async () => {
    const before = await snapshot();
    expect(await attachIssuePdf(actors.member, issueId, await makePdf(1))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await replacePageFile(actors.member, issueId, 1, await makeImage(100, 100))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await updatePageDetails(actors.member, issueId, 1, { name: "要闻", editor: "王五" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await snapshot()).toEqual(before);
  });

  it("a demoted editor is refused: the role is read from the database", async () => {
    const [temp] = await db.insert(users).values({ email: "was-editor@pages.test", role: "editor" }).returning();
    await db.update(users).set({ role: "member" }).where(eq(users.id, temp!.id));
    expect(await updatePageDetails(temp!.id, issueId, 1, { name: "要闻" })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("renames a 版 and sets its 责任编辑, audited; validates the input", async () => {
    const result = await updatePageDetails(actors.editor, issueId, 1, { name: "  要闻 ", editor: "张三" });
    expect(result).toMatchObject({ ok: true });
    const [page1] = await db.select().from(pages).where(and(eq(pages.issueId, issueId), eq(pages.number, 1)));
    expect(page1).toMatchObject({ name: "要闻", editor: "张三" });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "page.update"));
    expect(entry).toMatchObject({ before: { name: "第1版", editor: null }, after: { name: "要闻", editor: "张三" } });

    expect(await updatePageDetails(actors.editor, issueId, 1, { name: "要闻", editor: "" })).toMatchObject({ ok: true });
    expect((await db.select().from(pages).where(eq(pages.id, page1!.id)))[0]!.editor).toBeNull();

    const before = await snapshot();
    expect(await updatePageDetails(actors.editor, issueId, 1, { name: "  " })).toMatchObject({ ok: false, fieldErrors: { name: ["请填写版名"] } });
    expect(await updatePageDetails(actors.editor, issueId, 1, { name: "要".repeat(31) })).toMatchObject({ ok: false, code: "invalid" });
    expect(await updatePageDetails(actors.editor, issueId, 1, { name: "要闻\u0007" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await updatePageDetails(actors.editor, issueId, 99, { name: "要闻" })).toMatchObject({ ok: false, code: "not-found" });
    expect(await snapshot()).toEqual(before);
  });

  it("puts several images in page order", async () => {
    const result = await attachIssueImages(actors.editor, issueId, [
      { bytes: await makeImage(900, 1300), name: "a.png" },
      { bytes: await sharp(await makeImage(2400, 3400)).jpeg().toBuffer(), name: "b.jpg" },
    ]);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.message).toBe("已更新第1–2版;第3版未改动。");
    const rows = await pageRows();
    expect(rows.map((r) => [r.number, r.imageWidth, r.imageHeight])).toEqual([
      [1, 900, 1300],
      [2, PAGE_FULL_WIDTH, Math.round((3400 / 2400) * PAGE_FULL_WIDTH)],
      [3, PAGE_FULL_WIDTH, Math.ceil((1191 / 842) * PAGE_FULL_WIDTH)],
    ]);
    const panel = await issuePagesForPanel(issueId);
    expect(panel.map((p) => p.articleCount)).toEqual([0, 1, 0]);
  });

  it("leaves no orphan files: every stored file belongs to a page", async () => {
    const rows = await pageRows();
    const referenced = rows.flatMap((r) => [r.imageKey, r.thumbKey, r.pdfKey]).filter(Boolean) as string[];
    const files = storedFiles(mediaDir).filter((f) => !f.endsWith(".meta.json"));
    expect(files.sort()).toEqual(referenced.sort());
  });
});
