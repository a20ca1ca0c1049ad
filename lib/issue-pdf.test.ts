import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/db/seed";
import { freshDatabase } from "@/db/testing/fresh-database";
import { issueByDate, issueContents, type PageWithArticles } from "@/lib/editions";
import { resetEnvCache } from "@/lib/env";
import { getObject, putObject } from "@/lib/storage";
import {
  buildIssuePdf,
  buildPagePdf,
  contentDisposition,
  issuePdf,
  pdfAccessDecision,
  pdfAvailable,
  pdfCacheKey,
  pdfFileNames,
  pdfResponse,
} from "./issue-pdf";

let drop: () => Promise<void>;
let storageDir: string;
let issueId: number;
let demoPages: PageWithArticles[];

async function onePagePdf(text: string, size: [number, number]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage(size);
  page.drawText(text, { x: 40, y: size[1] - 60, size: 24, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

beforeAll(async () => {
  let db;
  ({ db, drop } = await freshDatabase());
  storageDir = mkdtempSync(path.join(os.tmpdir(), "caixin-pdf-media-"));
  process.env.DATA_DIR = storageDir;
  resetEnvCache();
  await seedDemo(db, { demoAccounts: false });
  const issue = await issueByDate("2026-04-30");
  issueId = issue!.id;
  demoPages = await issueContents(issueId);
}, 120_000);

afterAll(async () => {
  await drop?.();
  rmSync(storageDir, { recursive: true, force: true });
});

describe("PDF of a demo page (SVG image only)", () => {
  it("is one valid PDF page with the image's aspect", async () => {
    const front = demoPages.find((p) => p.number === 1)!;
    expect(front.pdfKey).toBeNull();
    expect(front.imageKey).toMatch(/\.svg$/);
    const pdf = await buildPagePdf(front, "财信报-2026-04-30-第1版");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(height / width).toBeCloseTo(front.imageHeight! / front.imageWidth!, 2);
    expect(doc.getTitle()).toBe("财信报-2026-04-30-第1版");
  }, 60_000);
});

describe("PDF of an uploaded page", () => {
  it("passes the editor's PDF on byte for byte, and copies its pages into the whole issue in order", async () => {
    const uploaded = await onePagePdf("Page 2 as printed", [612, 1008]);
    await putObject("issues/test/pages/2-abc.pdf", uploaded, "application/pdf");
    const pages = demoPages.slice(0, 3).map((p) => (p.number === 2 ? { ...p, pdfKey: "issues/test/pages/2-abc.pdf" } : p));
    expect(Buffer.compare(await buildPagePdf(pages[1]!, "x"), uploaded)).toBe(0);

    // Given out of order: the PDF has the 版 in order.
    const whole = await PDFDocument.load(await buildIssuePdf([...pages].reverse(), "x"));
    expect(whole.getPageCount()).toBe(3);
    // The uploaded page keeps its own size; the image pages around it have the demo's aspect.
    expect(whole.getPage(1).getSize()).toEqual({ width: 612, height: 1008 });
    expect(whole.getPage(0).getSize().width).toBe(842);
  }, 60_000);
});

const naming = { paperName: "财信报", date: "2026-04-30", issueNumber: 1253 };

describe("the storage cache", () => {
  it("builds once under a key of the source files, and a new page file means a new key", async () => {
    const scope = { kind: "page", number: 3 } as const;
    const key = pdfCacheKey(issueId, scope, demoPages);
    expect(key).toMatch(new RegExp(`^pdf-cache/${issueId}/3-[0-9a-f]{16}\\.pdf$`));
    expect(await getObject(key)).toBeNull();
    const first = await issuePdf(issueId, scope, demoPages, naming);
    expect((await getObject(key))?.body.equals(first)).toBe(true);
    expect((await issuePdf(issueId, scope, demoPages, naming)).equals(first)).toBe(true);

    const replaced = demoPages.map((p) => (p.number === 3 ? { ...p, imageKey: "issues/1/pages/3-new.webp" } : p));
    expect(pdfCacheKey(issueId, scope, replaced)).not.toBe(key);
    // Another page's file does not touch this 版's PDF, but does change the whole issue's.
    const otherReplaced = demoPages.map((p) => (p.number === 4 ? { ...p, imageKey: "issues/1/pages/4-new.webp" } : p));
    expect(pdfCacheKey(issueId, scope, otherReplaced)).toBe(key);
    expect(pdfCacheKey(issueId, { kind: "issue" }, otherReplaced)).not.toBe(pdfCacheKey(issueId, { kind: "issue" }, demoPages));
    expect(pdfCacheKey(issueId, { kind: "issue" }, demoPages)).toMatch(/\/all-[0-9a-f]{16}\.pdf$/);
  }, 60_000);

  it("merges the whole issue from the 版 PDFs, caching each on the way", async () => {
    const whole = await issuePdf(issueId, { kind: "issue" }, demoPages, naming);
    const doc = await PDFDocument.load(whole);
    expect(doc.getPageCount()).toBe(8);
    expect(doc.getTitle()).toBe("财信报-2026-04-30-总第1253期");
    for (const p of demoPages) expect(await getObject(pdfCacheKey(issueId, { kind: "page", number: p.number }, demoPages))).not.toBeNull();
    const page5 = await PDFDocument.load((await getObject(pdfCacheKey(issueId, { kind: "page", number: 5 }, demoPages)))!.body);
    expect(page5.getTitle()).toBe("财信报-2026-04-30-第5版");
  }, 120_000);

  it("knows when there is nothing to build", () => {
    expect(pdfAvailable({ kind: "page", number: 99 }, demoPages)).toBe(false);
    expect(pdfAvailable({ kind: "issue" }, [])).toBe(false);
    expect(pdfAvailable({ kind: "issue" }, [{ number: 1, imageKey: null, pdfKey: null }])).toBe(false);
    expect(pdfAvailable({ kind: "issue" }, demoPages)).toBe(true);
  });
});

describe("file names and headers", () => {
  it("names the file in Chinese with an ASCII fallback (RFC 6266 / 5987)", () => {
    const page = pdfFileNames("财信报", "2026-04-30", 1253, { kind: "page", number: 1 });
    expect(page).toEqual({ utf8: "财信报-2026-04-30-第1版.pdf", ascii: "caixinbao-2026-04-30-p1.pdf" });
    expect(contentDisposition(page)).toBe(
      `attachment; filename="caixinbao-2026-04-30-p1.pdf"; filename*=UTF-8''${encodeURIComponent("财信报-2026-04-30-第1版.pdf")}`,
    );
    expect(pdfFileNames("财信报", "2026-04-30", 1253, { kind: "issue" }).utf8).toBe("财信报-2026-04-30-总第1253期.pdf");
  });

  it("keeps quotes, slashes and line breaks in a staff-typed name out of the header", () => {
    const names = pdfFileNames('财信"报/\r\n', "2026-04-30", 1253, { kind: "page", number: 2 });
    const header = contentDisposition(names);
    expect(names.utf8).toBe("财信报-2026-04-30-第2版.pdf");
    expect(header).not.toMatch(/[\r\n]/);
    expect(contentDisposition({ utf8: "a'(b).pdf", ascii: 'x"y.pdf' })).toBe(`attachment; filename="x_y.pdf"; filename*=UTF-8''a%27%28b%29.pdf`);
  });

  it("streams the PDF privately with the download headers", async () => {
    const pdf = await onePagePdf("x", [100, 100]);
    const response = pdfResponse(pdf, { utf8: "财信报-2026-04-30-第1版.pdf", ascii: "caixinbao-2026-04-30-p1.pdf" });
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toMatch(/^private/);
    expect(response.headers.get("content-disposition")).toContain("filename*=UTF-8''%E8%B4%A2%E4%BF%A1%E6%8A%A5-2026-04-30-%E7%AC%AC1%E7%89%88.pdf");
    expect(response.body).toBeInstanceOf(ReadableStream);
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
  });
});

describe("who may download", () => {
  const path = "/issues/2026-04-30/pages/1/pdf";
  it("lets subscribers and staff through, 第1版 included", () => {
    expect(pdfAccessDecision({ signedIn: true, mayReadGated: true, wantsHtml: true, path })).toEqual({ allow: true });
  });
  it("sends a signed-out browser to sign in and back; other clients get 401", () => {
    expect(pdfAccessDecision({ signedIn: false, mayReadGated: false, wantsHtml: true, path })).toEqual({
      allow: false,
      redirectTo: `/login?next=${encodeURIComponent(path)}`,
    });
    expect(pdfAccessDecision({ signedIn: false, mayReadGated: false, wantsHtml: false, path })).toMatchObject({ allow: false, status: 401 });
  });
  it("refuses signed-in readers without access with 403 (explained in a browser)", () => {
    expect(pdfAccessDecision({ signedIn: true, mayReadGated: false, wantsHtml: true, path })).toEqual({ allow: false, status: 403, explainInHtml: true });
    expect(pdfAccessDecision({ signedIn: true, mayReadGated: false, wantsHtml: false, path })).toEqual({ allow: false, status: 403, explainInHtml: false });
  });
});
