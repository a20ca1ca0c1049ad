import sharp from "sharp";
import { requestTranslator, translatorFor } from "@/lib/i18n/translate";
import { MAX_INPUT_PIXELS } from "./image";
import type { RenderedImage } from "./rendered-image";
import { sniffFileType } from "./sniff";

export type RenderPdfResult = { ok: true; pages: { full: RenderedImage; thumb: RenderedImage }[] } | { ok: false; error: string };

type MuPdf = typeof import("mupdf");
type MuDocument = ReturnType<MuPdf["Document"]["openDocument"]>;

let loading: Promise<MuPdf> | null = null;

/** mupdf is a WASM module with a costly start-up; load it on first use, once, and keep its console chatter quiet. */
function mupdf(): Promise<MuPdf> {
  loading ??= import("mupdf").then((m) => {
    // Damaged-but-repairable files log warnings for every object; they are not errors for us.
    m.setLog({ error: () => {}, warning: () => {} });
    return m;
  });
  return loading;
}

/** WebP's limit; taller renders are refused rather than falling back, since a page that tall is not a newspaper page. */
const MAX_RENDER_SIDE = 16_383;

type Opened = { ok: true; doc: MuDocument; pageCount: number } | { ok: false; error: string };
/** Messages in the uploader's language (zh-CN outside a request: tests and the importer's CLI). */
type IssuesT = ReturnType<typeof translatorFor<"adminIssues">>;

async function openPdf(buf: Buffer, maxPages: number, t: IssuesT): Promise<Opened> {
  if (buf.length === 0) return { ok: false, error: t("uploads.emptyFile") };
  if (sniffFileType(buf) !== "pdf") return { ok: false, error: t("uploads.notPdf") };
  const m = await mupdf();
  let doc: MuDocument;
  try {
    doc = m.Document.openDocument(new Uint8Array(buf), "application/pdf");
  } catch {
    return { ok: false, error: t("uploads.pdfDamaged") };
  }
  try {
    if (doc.needsPassword()) {
      doc.destroy();
      return { ok: false, error: t("uploads.pdfEncrypted") };
    }
    const pageCount = doc.countPages();
    if (pageCount < 1) {
      doc.destroy();
      return { ok: false, error: t("uploads.pdfNoPages") };
    }
    if (pageCount > maxPages) {
      doc.destroy();
      return { ok: false, error: t("uploads.pdfTooManyPages", { count: String(pageCount), max: String(maxPages) }) };
    }
    return { ok: true, doc, pageCount };
  } catch {
    doc.destroy();
    return { ok: false, error: t("uploads.pdfDamaged") };
  }
}

/** Number of pages of a valid PDF, or the reason it is not one (validation before any file is written). */
export async function countPdfPages(buf: Buffer, maxPages: number): Promise<{ ok: true; pageCount: number } | { ok: false; error: string }> {
  const opened = await openPdf(buf, maxPages, await requestTranslator("adminIssues"));
  if (!opened.ok) return opened;
  opened.doc.destroy();
  return { ok: true, pageCount: opened.pageCount };
}

/**
 * Renders every page of a PDF to a web image `fullWidth` pixels wide plus a
 * `thumbWidth` thumbnail (WebP). Refuses non-PDFs, encrypted, empty,
 * over-long and damaged files with a message fit for staff.
 */
export async function renderPdf(buf: Buffer, opts: { maxPages: number; fullWidth: number; thumbWidth: number }): Promise<RenderPdfResult> {
  const t = await requestTranslator("adminIssues");
  const opened = await openPdf(buf, opts.maxPages, t);
  if (!opened.ok) return opened;
  const { doc, pageCount } = opened;
  const m = await mupdf();
  const pages: { full: RenderedImage; thumb: RenderedImage }[] = [];
  try {
    for (let i = 0; i < pageCount; i++) {
      const page = doc.loadPage(i);
      try {
        const [x0, y0, x1, y1] = page.getBounds();
        const widthPt = x1 - x0;
        const heightPt = y1 - y0;
        if (!(widthPt > 0 && heightPt > 0)) return { ok: false, error: t("uploads.pdfPageNoSize", { n: String(i + 1) }) };
        const scale = opts.fullWidth / widthPt;
        const renderHeight = Math.ceil(heightPt * scale);
        if (renderHeight > MAX_RENDER_SIDE || opts.fullWidth * renderHeight > MAX_INPUT_PIXELS) {
          return { ok: false, error: t("uploads.pdfPageTooTall", { n: String(i + 1) }) };
        }
        const pixmap = page.toPixmap(m.Matrix.scale(scale, scale), m.ColorSpace.DeviceRGB, false, true);
        try {
          const raw = {
            width: pixmap.getWidth(),
            height: pixmap.getHeight(),
            channels: pixmap.getNumberOfComponents() as 3,
          };
          // Rows are tightly packed for RGB without alpha; anything else goes through PNG to be safe.
          const pixels = pixmap.getStride() === raw.width * raw.channels ? Buffer.from(pixmap.getPixels()) : null;
          const source = pixels ?? Buffer.from(pixmap.asPNG());
          pages.push({
            full: await encodePixels(source, pixels ? raw : null, raw.width),
            thumb: await encodePixels(source, pixels ? raw : null, Math.min(opts.thumbWidth, raw.width)),
          });
        } finally {
          pixmap.destroy();
        }
      } finally {
        page.destroy();
      }
      // mupdf works synchronously; let other requests through between pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { ok: true, pages };
  } catch {
    return { ok: false, error: t("uploads.pdfDamaged") };
  } finally {
    doc.destroy();
  }
}

async function encodePixels(input: Buffer, raw: { width: number; height: number; channels: 3 } | null, width: number): Promise<RenderedImage> {
  const out = await sharp(input, raw ? { raw } : {})
    .resize({ width, withoutEnlargement: true })
    .webp({ quality: 82 })
    .toBuffer({ resolveWithObject: true });
  return { data: out.data, width: out.info.width, height: out.info.height, contentType: "image/webp", extension: "webp" };
}

/**
 * One single-page PDF per page, kept as each 版's downloadable PDF.
 * Throws on a file `renderPdf` would refuse; callers validate first.
 */
export async function splitPdf(buf: Buffer): Promise<Buffer[]> {
  const t = await requestTranslator("adminIssues");
  const opened = await openPdf(buf, Number.MAX_SAFE_INTEGER, t);
  if (!opened.ok) throw new Error(opened.error);
  const m = await mupdf();
  const source = opened.doc.asPDF();
  if (!source) {
    opened.doc.destroy();
    throw new Error(t("uploads.notPdf"));
  }
  try {
    const parts: Buffer[] = [];
    for (let i = 0; i < opened.pageCount; i++) {
      const single = new m.PDFDocument();
      try {
        single.graftPage(-1, source, i);
        const out = single.saveToBuffer("garbage=compact,compress");
        parts.push(Buffer.from(out.asUint8Array()));
        out.destroy();
      } finally {
        single.destroy();
      }
    }
    return parts;
  } finally {
    opened.doc.destroy();
  }
}
