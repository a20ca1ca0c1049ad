import "server-only";
import { createHash } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { getObject, putObject } from "@/lib/storage";

/**
 * PDFs of a 版 and of a whole issue, for subscribers to download. A page an
 * editor uploaded as PDF is passed on as it is (print quality, real text); a
 * page that only has an image (the seeded demo pages, uploads of WebP/PNG) is
 * placed on a PDF page of the image's aspect. Built once and kept in storage
 * under a key that hashes the source files, so a replaced page file makes a
 * new key and the old cache entry is simply never asked for again.
 */

export type PdfSourcePage = {
  number: number;
  imageKey: string | null;
  pdfKey: string | null;
};

/** What a reader downloads: one 版 or the whole issue. */
export type PdfScope = { kind: "page"; number: number } | { kind: "issue" };

export class PdfSourceMissingError extends Error {
  override name = "PdfSourceMissingError";
}

// Image pages are laid out at the width of an A3 sheet (a broadsheet scaled down), height by the image's aspect.
const IMAGE_PAGE_WIDTH_PT = 842;
// Demo pages are SVG at 1,000 px: rasterised at twice that so text stays sharp when zoomed or printed.
const RASTER_WIDTH_PX = 2000;
const MAX_RASTER_PIXELS = 40_000_000;

const sourceKey = (page: PdfSourcePage): string | null => page.pdfKey ?? page.imageKey;

/** The storage key a generated PDF is cached under; changes whenever any source file of it changes. */
export function pdfCacheKey(issueId: number, scope: PdfScope, pages: PdfSourcePage[]): string {
  const chosen = scope.kind === "page" ? pages.filter((p) => p.number === scope.number) : [...pages].sort((a, b) => a.number - b.number);
  const hash = createHash("sha256")
    .update(JSON.stringify(chosen.map((p) => [p.number, sourceKey(p)])))
    .digest("hex")
    .slice(0, 16);
  return `pdf-cache/${issueId}/${scope.kind === "page" ? scope.number : "all"}-${hash}.pdf`;
}

/** The image as a PNG (SVG rasterised at print width; librsvg finds CJK fonts through fontconfig) or a JPEG. */
async function rasterForPdf(body: Buffer, contentType: string): Promise<{ data: Buffer; kind: "png" | "jpg"; width: number; height: number }> {
  if (contentType.startsWith("image/svg")) {
    const meta = await sharp(body, { limitInputPixels: MAX_RASTER_PIXELS }).metadata();
    const density = Math.min(600, Math.max(72, (72 * RASTER_WIDTH_PX) / (meta.width ?? RASTER_WIDTH_PX)));
    const { data, info } = await sharp(body, { density, limitInputPixels: MAX_RASTER_PIXELS })
      .flatten({ background: "#ffffff" })
      // A palette PNG keeps text crisp and the file small: a newspaper page has few colours.
      .png({ palette: true, quality: 90, compressionLevel: 9 })
      .toBuffer({ resolveWithObject: true });
    return { data, kind: "png", width: info.width, height: info.height };
  }
  const { data, info } = await sharp(body, { limitInputPixels: MAX_RASTER_PIXELS })
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: 88, chromaSubsampling: "4:4:4", mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { data, kind: "jpg", width: info.width, height: info.height };
}

async function addImagePage(doc: PDFDocument, key: string): Promise<void> {
  const file = await getObject(key);
  if (!file) throw new PdfSourceMissingError(`Page image missing in storage: ${key}`);
  const raster = await rasterForPdf(file.body, file.contentType);
  const image = raster.kind === "png" ? await doc.embedPng(raster.data) : await doc.embedJpg(raster.data);
  const width = IMAGE_PAGE_WIDTH_PT;
  const height = (IMAGE_PAGE_WIDTH_PT * raster.height) / raster.width;
  const page = doc.addPage([width, height]);
  page.drawImage(image, { x: 0, y: 0, width, height });
}

/** A 版's PDF: its stored PDF byte for byte when there is one, else one page made from its image. */
export async function buildPagePdf(page: PdfSourcePage, title: string): Promise<Buffer> {
  if (page.pdfKey) {
    const file = await getObject(page.pdfKey);
    if (!file) throw new PdfSourceMissingError(`Page PDF missing in storage: ${page.pdfKey}`);
    return file.body;
  }
  if (!page.imageKey) throw new PdfSourceMissingError(`第${page.number}版 has neither a PDF nor an image`);
  const doc = await newDocument(title);
  await addImagePage(doc, page.imageKey);
  return Buffer.from(await doc.save());
}

/**
 * The whole issue: every 版 in order. `pagePdf` gives each 版's PDF (the
 * cached one, in issuePdf); pages are prepared in parallel, since rasterising
 * a demo page is the slow part.
 */
export async function buildIssuePdf(
  pages: PdfSourcePage[],
  title: string,
  pagePdf: (page: PdfSourcePage) => Promise<Buffer> = (page) => buildPagePdf(page, title),
): Promise<Buffer> {
  const sorted = [...pages].sort((a, b) => a.number - b.number);
  const parts = await Promise.all(sorted.map(pagePdf));
  const doc = await newDocument(title);
  for (const part of parts) {
    const source = await PDFDocument.load(part);
    const copied = await doc.copyPages(source, source.getPageIndices());
    for (const page of copied) doc.addPage(page);
  }
  return Buffer.from(await doc.save());
}

async function newDocument(title: string): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setCreator("财信报 数字报");
  doc.setProducer("pdf-lib");
  return doc;
}

/** Whether a scope can be built: the 版 exists and every page needed has a file. */
export function pdfAvailable(scope: PdfScope, pages: PdfSourcePage[]): boolean {
  const chosen = scope.kind === "page" ? pages.filter((p) => p.number === scope.number) : pages;
  return chosen.length > 0 && chosen.every((p) => sourceKey(p) !== null);
}

// Concurrent first downloads of the same PDF share one build instead of each rasterising the issue.
const building = new Map<string, Promise<Buffer>>();

export type PdfNaming = { paperName: string; date: string; issueNumber: number };

/**
 * The PDF for a scope, from the storage cache or built (and stored) now. The
 * whole issue is merged from the 版 PDFs, which are cached on the way, so a
 * reader who downloads both waits for the rasterising once.
 */
export async function issuePdf(issueId: number, scope: PdfScope, pages: PdfSourcePage[], naming: PdfNaming): Promise<Buffer> {
  const single = scope.kind === "page" ? pages.find((p) => p.number === scope.number) : undefined;
  // An uploaded PDF is served as stored: copying it into the cache would only double it.
  if (single?.pdfKey) return buildPagePdf(single, "");
  const key = pdfCacheKey(issueId, scope, pages);
  const cached = await getObject(key);
  if (cached) return cached.body;
  const pending = building.get(key);
  if (pending) return pending;
  const title = (s: PdfScope) => pdfFileNames(naming.paperName, naming.date, naming.issueNumber, s).utf8.replace(/\.pdf$/, "");
  const build = (async () => {
    let pdf: Buffer;
    if (scope.kind === "page") {
      if (!single) throw new PdfSourceMissingError(`No 第${scope.number}版`);
      pdf = await buildPagePdf(single, title(scope));
    } else {
      pdf = await buildIssuePdf(pages, title(scope), (page) => issuePdf(issueId, { kind: "page", number: page.number }, pages, naming));
    }
    await putObject(key, pdf, "application/pdf");
    return pdf;
  })().finally(() => building.delete(key));
  building.set(key, build);
  return build;
}

// ── Names and headers ──

/** `财信报-2026-04-30-第1版.pdf`, or `…-总第1253期.pdf` for the whole issue. */
export function pdfFileNames(paperName: string, date: string, issueNumber: number, scope: PdfScope): { utf8: string; ascii: string } {
  // A file name may carry no path separators, quotes or control characters, whatever staff typed as the paper's name.
  const safeName = paperName.replace(/[\u0000-\u001f\u007f"/\\:*?<>|]+/g, "").trim() || "财信报";
  const suffix = scope.kind === "page" ? `第${scope.number}版` : `总第${issueNumber}期`;
  const asciiSuffix = scope.kind === "page" ? `p${scope.number}` : `no${issueNumber}`;
  return { utf8: `${safeName}-${date}-${suffix}.pdf`, ascii: `caixinbao-${date}-${asciiSuffix}.pdf` };
}

/** RFC 5987 value: UTF-8, percent-encoded, including the characters encodeURIComponent leaves alone but attr-char forbids. */
const rfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `attachment; filename="ascii.pdf"; filename*=UTF-8''…` (RFC 6266): old clients take the ASCII name, all others the Chinese one. */
export function contentDisposition(names: { utf8: string; ascii: string }): string {
  const ascii = names.ascii.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(names.utf8)}`;
}

export function pdfResponse(pdf: Buffer, names: { utf8: string; ascii: string }): Response {
  const bytes = new Uint8Array(pdf);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // Chunks of 256 KB: the response starts flowing at once and nothing holds a second copy of a large issue.
      for (let offset = 0; offset < bytes.byteLength; offset += 256 * 1024) controller.enqueue(bytes.subarray(offset, offset + 256 * 1024));
      controller.close();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(names),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=300",
      Vary: "Cookie",
    },
  });
}

// ── Access ──

export type PdfAccessDecision =
  | { allow: true }
  | { allow: false; redirectTo: string }
  | { allow: false; status: 401 | 403; explainInHtml: boolean };

/**
 * PDFs are for subscribers and staff only, 第1版 included (unlike its public
 * image: a PDF is the print product). A browser that followed a download link
 * signed out is sent to sign in and back; a signed-in reader without access
 * gets a 403 that, in a browser, says how to subscribe. Other clients get a
 * plain 401 or 403.
 */
export function pdfAccessDecision(input: { signedIn: boolean; mayReadGated: boolean; wantsHtml: boolean; path: string }): PdfAccessDecision {
  if (input.mayReadGated) return { allow: true };
  if (!input.signedIn) {
    return input.wantsHtml ? { allow: false, redirectTo: `/login?next=${encodeURIComponent(input.path)}` } : { allow: false, status: 401, explainInHtml: false };
  }
  return { allow: false, status: 403, explainInHtml: input.wantsHtml };
}

/** A navigation from a link (Accept: text/html) rather than a fetch or a download tool. */
export const wantsHtml = (request: Request): boolean => (request.headers.get("accept") ?? "").includes("text/html");
