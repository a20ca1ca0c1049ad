import QRCode from "qrcode";
import sharp from "sharp";
import { PDFDocument, rgb } from "pdf-lib";
import { z } from "zod";
import { defaultLocale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translate";
import { escapeXml, textWidth } from "@/lib/svg-text";

/**
 * Print-ready QR codes for the layout team: SVG (vector), PNG at 300 dpi and
 * PDF, all at an exact physical size. The `qrcode` library encodes; we only
 * draw its module matrix.
 *
 * The physical size is the width of the whole symbol including its 4-module
 * quiet zone (what the layout team places); a caption and the short URL, when
 * asked for, go below the quiet zone, never inside it.
 */
export type QrEcLevel = "L" | "M" | "Q" | "H";
export const QR_EC_LEVELS = ["L", "M", "Q", "H"] as const;
export const QUIET_ZONE = 4;
export const PRINT_DPI = 300;
export const MIN_SIZE_CM = 1;
export const MAX_SIZE_CM = 20;
export const CAPTION_MAX = 40;
/** The centre logo box as a share of the symbol's width (without quiet zone): small enough for H to recover. */
export const LOGO_SHARE = 0.2;

/** The centre logo: the paper's own (already a PNG, see `logoPng`) or the drawn red 财 mark. */
export type QrLogo = { kind: "mark" } | { kind: "image"; png: Buffer };

export type QrPrintOptions = {
  /** What the code encodes: the short URL. */
  url: string;
  sizeCm: number;
  ec?: QrEcLevel;
  logo?: QrLogo | null;
  caption?: string | null;
  /** The short URL as text under the code (and under the caption). */
  showUrl?: boolean;
};

const BRAND = "#a51d24";
const FONT_STACK = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Hiragino Sans GB','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif";

export const cmToPx = (cm: number, dpi = PRINT_DPI) => Math.round((cm / 2.54) * dpi);
const cmToPt = (cm: number) => (cm / 2.54) * 72;

type Layout = {
  /** Symbol size in modules, without quiet zone. */
  modules: number;
  /** Whole width in modules (symbol + two quiet zones): the SVG's user unit is one module. */
  width: number;
  height: number;
  path: string;
  /** The centre box, in modules, when a logo is placed. */
  logoBox: { x: number; size: number } | null;
  lines: { text: string; y: number; size: number; weight: number }[];
};

function layout(options: QrPrintOptions): Layout {
  const ec = options.logo ? "H" : (options.ec ?? "M");
  const qr = QRCode.create(options.url, { errorCorrectionLevel: ec });
  const n = qr.modules.size;
  const width = n + 2 * QUIET_ZONE;

  // One path of horizontal runs: a single fill, no seams between modules in any renderer.
  let path = "";
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; ) {
      if (!qr.modules.get(r, c)) {
        c++;
        continue;
      }
      let run = 1;
      while (c + run < n && qr.modules.get(r, c + run)) run++;
      path += `M${c + QUIET_ZONE} ${r + QUIET_ZONE}h${run}v1h-${run}z`;
      c += run;
    }
  }

  let logoBox: Layout["logoBox"] = null;
  if (options.logo) {
    const size = Math.round(n * LOGO_SHARE * 10) / 10;
    logoBox = { x: (width - size) / 2, size };
  }

  // Text sits below the bottom quiet zone; long text shrinks to fit the width.
  const lines: Layout["lines"] = [];
  const maxWidth = width * 0.94;
  let y = width;
  const add = (text: string, preferred: number, weight: number) => {
    const size = Math.min(preferred, maxWidth / Math.max(1, textWidth(text)));
    y += size * 1.15;
    lines.push({ text, y, size, weight });
    y += size * 0.3;
  };
  const caption = options.caption?.trim();
  if (caption) add(caption, width * 0.085, 700);
  if (options.showUrl) add(options.url.replace(/^https?:\/\//, ""), width * 0.065, 400);
  const height = lines.length ? y + QUIET_ZONE / 2 : width;
  return { modules: n, width, height, path, logoBox, lines };
}

/** The red 财 mark, drawn with strokes so it renders the same without any CJK font installed. */
function markSvg(x: number, y: number, size: number): string {
  const s = size / 100;
  return (
    `<g transform="translate(${x} ${y}) scale(${s})">` +
    `<rect x="0" y="0" width="100" height="100" rx="14" fill="${BRAND}"/>` +
    `<g fill="none" stroke="#fff" stroke-width="8" stroke-linecap="round" stroke-linejoin="round">` +
    // 贝: the frame, the inner stroke and the two legs
    `<path d="M16 22V62M16 22H42V62M29 34V58M27 66L14 82M33 66L44 80"/>` +
    // 才: the bar, the hooked vertical and the sweep
    `<path d="M50 40H90M74 14V84L65 77M72 46L52 72"/>` +
    `</g></g>`
  );
}

function logoSvg(box: NonNullable<Layout["logoBox"]>, logo: QrLogo): string {
  const pad = box.size * 0.08;
  const inner = box.size - 2 * pad;
  const backing = `<rect x="${box.x}" y="${box.x}" width="${box.size}" height="${box.size}" rx="${box.size * 0.12}" fill="#fff"/>`;
  if (logo.kind === "mark") return backing + markSvg(box.x + pad, box.x + pad, inner);
  const href = `data:image/png;base64,${logo.png.toString("base64")}`;
  return backing + `<image x="${box.x + pad}" y="${box.x + pad}" width="${inner}" height="${inner}" preserveAspectRatio="xMidYMid meet" href="${href}"/>`;
}

function textSvg(lines: Layout["lines"], width: number): string {
  return lines
    .map(
      (l) =>
        `<text x="${width / 2}" y="${l.y.toFixed(2)}" font-size="${l.size.toFixed(2)}" font-weight="${l.weight}" text-anchor="middle" font-family="${FONT_STACK}" fill="#000">${escapeXml(l.text)}</text>`,
    )
    .join("");
}

type SvgParts = { modules?: boolean; background?: boolean };

function buildSvg(l: Layout, options: QrPrintOptions, size: { width: string; height: string }, parts: SvgParts = {}): string {
  const { modules = true, background = true } = parts;
  const title = options.caption?.trim() || "QR code";
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${size.width}" height="${size.height}" viewBox="0 0 ${l.width} ${l.height.toFixed(2)}" shape-rendering="crispEdges">` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(options.url)}</desc>` +
    (background ? `<rect width="100%" height="100%" fill="#fff"/>` : "") +
    (modules ? `<path d="${l.path}" fill="#000"/>` : "") +
    `<g shape-rendering="geometricPrecision">` +
    (l.logoBox && options.logo ? logoSvg(l.logoBox, options.logo) : "") +
    textSvg(l.lines, l.width) +
    `</g></svg>`
  );
}

const mm = (cm: number) => `${(cm * 10).toFixed(2)}mm`;

/** The vector file for the layout: sized in millimetres, one module per user unit. */
export function qrSvg(options: QrPrintOptions): string {
  const l = layout(options);
  return buildSvg(l, options, { width: mm(options.sizeCm), height: mm((options.sizeCm * l.height) / l.width) });
}

/** Pixel size of the PNG at `dpi`: the width is the physical size exactly (2 cm at 300 dpi = 236 px). */
export function qrPixelSize(options: QrPrintOptions, dpi = PRINT_DPI): { width: number; height: number } {
  const l = layout(options);
  const width = cmToPx(options.sizeCm, dpi);
  return { width, height: Math.round((width * l.height) / l.width) };
}

/** PNG at 300 dpi, with the resolution written into the file (pHYs) so layout software places it at size. */
export async function qrPng(options: QrPrintOptions): Promise<Buffer> {
  const l = layout(options);
  const { width, height } = qrPixelSize(options);
  const svg = buildSvg(l, options, { width: String(width), height: String(height) });
  return sharp(Buffer.from(svg)).flatten({ background: "#ffffff" }).png().withMetadata({ density: PRINT_DPI }).toBuffer();
}

/**
 * A PDF page of exactly the physical size. The modules are vector paths; the
 * logo and text, which need a font or an image, are one transparent overlay
 * rendered at up to 600 dpi.
 */
export async function qrPdf(options: QrPrintOptions): Promise<Uint8Array> {
  const l = layout(options);
  const pageWidth = cmToPt(options.sizeCm);
  const pageHeight = (pageWidth * l.height) / l.width;
  const scale = pageWidth / l.width;
  const doc = await PDFDocument.create();
  doc.setTitle(options.caption?.trim() || options.url);
  doc.setSubject(options.url);
  doc.setCreator("财信报 数字报");
  const page = doc.addPage([pageWidth, pageHeight]);
  page.drawRectangle({ x: 0, y: 0, width: pageWidth, height: pageHeight, color: rgb(1, 1, 1) });
  // drawSvgPath puts the path's origin at (x, y) with y growing downwards, as in SVG.
  page.drawSvgPath(l.path, { x: 0, y: pageHeight, scale, color: rgb(0, 0, 0) });
  if (l.logoBox || l.lines.length) {
    const dpi = Math.min(600, Math.floor((2400 / options.sizeCm) * 2.54));
    const px = cmToPx(options.sizeCm, dpi);
    const overlaySvg = buildSvg(l, options, { width: String(px), height: String(Math.round((px * l.height) / l.width)) }, { modules: false, background: false });
    const overlay = await doc.embedPng(await sharp(Buffer.from(overlaySvg)).png().toBuffer());
    page.drawImage(overlay, { x: 0, y: 0, width: pageWidth, height: pageHeight });
  }
  return doc.save();
}

/** The paper's uploaded logo as a small square PNG for the centre, or null when the file can't be read as an image. */
export async function logoPng(image: Buffer): Promise<Buffer | null> {
  try {
    return await sharp(image, { limitInputPixels: 40_000_000 })
      .resize(256, 256, { fit: "contain", background: { r: 255, g: 255, b: 255, alpha: 1 } })
      .flatten({ background: "#ffffff" })
      .png()
      .toBuffer();
  } catch {
    return null;
  }
}

// ── The download form ──

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "1" || v === "on");

type AdminQrT = ReturnType<typeof translatorFor<"adminQr">>;

/**
 * The download form's query (GET /admin/qr/ID/download?…); the route answers
 * 400 when it doesn't parse, with the reasons in the staff member's language (`t`).
 */
export function makeDownloadParamsSchema(t: AdminQrT) {
  return z
    .object({
      format: z.enum(["svg", "png", "pdf"], { error: t("download.errors.format") }),
      size: z.enum(["2", "3", "5", "custom"], { error: t("download.errors.size") }).default("3"),
      customCm: z
        .string()
        .optional()
        .transform((v) => (v ? Number(v) : null)),
      ec: z.enum(QR_EC_LEVELS, { error: t("download.errors.ec") }).default("M"),
      logo: checkbox,
      caption: z
        .string()
        .trim()
        .max(CAPTION_MAX, t("download.errors.captionMax", { max: String(CAPTION_MAX) }))
        .optional()
        .default(""),
      showUrl: checkbox,
    })
    .transform((v, ctx) => {
      let sizeCm = Number(v.size);
      if (v.size === "custom") {
        if (v.customCm === null || !Number.isFinite(v.customCm) || v.customCm < MIN_SIZE_CM || v.customCm > MAX_SIZE_CM) {
          ctx.addIssue({ code: "custom", path: ["customCm"], message: t("download.errors.customCm", { min: String(MIN_SIZE_CM), max: String(MAX_SIZE_CM) }) });
          return z.NEVER;
        }
        sizeCm = Math.round(v.customCm * 10) / 10;
      }
      // A logo hides modules: only the highest correction level recovers them reliably.
      return { format: v.format, sizeCm, ec: v.logo ? ("H" as const) : v.ec, logo: v.logo, caption: v.caption, showUrl: v.showUrl };
    });
}
/** The schema with the default language's messages. */
export const downloadParamsSchema = makeDownloadParamsSchema(translatorFor(defaultLocale, "adminQr"));
export type DownloadParams = z.output<typeof downloadParamsSchema>;

let cjkFont: Promise<boolean> | null = null;

/** Whether the server has a Chinese font for the PNG/PDF caption (librsvg draws boxes without one). Asked once. */
export function hasCjkFont(): Promise<boolean> {
  cjkFont ??= import("node:child_process").then(
    ({ execFile }) =>
      new Promise<boolean>((resolve) => {
        execFile("fc-list", [":lang=zh", "family"], { timeout: 3000 }, (error, stdout) => resolve(!error && stdout.trim().length > 0));
      }),
  );
  return cjkFont;
}
