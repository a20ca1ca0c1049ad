import sharp from "sharp";
import { requestTranslator } from "@/lib/i18n/translate";
import type { RenderedImage } from "./rendered-image";
import { isImageType, sniffFileType } from "./sniff";

export type { RenderedImage } from "./rendered-image";

/**
 * Largest decoded image we accept. A broadsheet page scanned at 400 dpi is
 * about 5,300 × 8,700 ≈ 46 megapixels; anything far beyond is a mistake or a
 * decompression bomb (a tiny PNG that claims 50,000 × 50,000 pixels).
 */
export const MAX_INPUT_PIXELS = 100_000_000;
export const MAX_INPUT_SIDE = 20_000;
/** WebP cannot encode a side longer than this; taller images fall back to JPEG. */
const WEBP_MAX_SIDE = 16_383;

export type ProcessImageResult = { ok: true; full: RenderedImage; thumb?: RenderedImage } | { ok: false; error: string };

const typeNames = { png: "PNG", jpeg: "JPEG", webp: "WebP", gif: "GIF" } as const;

/**
 * Validates an uploaded image by its content, refuses bombs before decoding,
 * and re-encodes it (orientation applied, metadata stripped) at no more than
 * `maxWidth` — never upscaled — plus an optional narrow thumbnail.
 */
export async function processImage(buf: Buffer, opts: { maxWidth: number; thumbWidth?: number }): Promise<ProcessImageResult> {
  // Messages in the uploader's language (zh-CN outside a request: tests and the importer's CLI).
  const t = await requestTranslator("adminIssues");
  if (buf.length === 0) return { ok: false, error: t("uploads.emptyFile") };
  const type = sniffFileType(buf);
  if (!isImageType(type)) {
    return { ok: false, error: t("uploads.notImage") };
  }

  // metadata() reads the header only, so a bomb is caught before any pixel is decoded.
  let width: number;
  let height: number;
  try {
    const meta = await sharp(buf, { limitInputPixels: false }).metadata();
    if (!meta.width || !meta.height) throw new Error("no dimensions");
    width = meta.width;
    height = meta.height;
    if (meta.format && !["png", "jpeg", "webp", "gif"].includes(meta.format)) throw new Error("unexpected format");
  } catch {
    return { ok: false, error: t("uploads.imageDamaged", { type: typeNames[type] }) };
  }
  if (width > MAX_INPUT_SIDE || height > MAX_INPUT_SIDE || width * height > MAX_INPUT_PIXELS) {
    return {
      ok: false,
      error: t("uploads.imageTooLarge", { width: String(width), height: String(height), side: String(MAX_INPUT_SIDE), megapixels: String(MAX_INPUT_PIXELS / 1_000_000) }),
    };
  }

  try {
    const full = await encode(buf, Math.min(opts.maxWidth, width));
    const thumb = opts.thumbWidth ? await encode(buf, Math.min(opts.thumbWidth, full.width)) : undefined;
    return thumb ? { ok: true, full, thumb } : { ok: true, full };
  } catch {
    return { ok: false, error: t("uploads.imageTruncated", { type: typeNames[type] }) };
  }
}

/** Resizes to `width` (never larger than the source) and encodes as WebP, or JPEG when too tall for WebP. */
async function encode(input: Buffer, width: number): Promise<RenderedImage> {
  const pipeline = () =>
    sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate()
      .resize({ width, withoutEnlargement: true })
      .flatten({ background: "#ffffff" });
  let out = await pipeline().webp({ quality: 82 }).toBuffer({ resolveWithObject: true }).catch((error: unknown) => {
    if (String(error).includes("too large for the WebP format")) return null;
    throw error;
  });
  if (out && out.info.height <= WEBP_MAX_SIDE) {
    return { data: out.data, width: out.info.width, height: out.info.height, contentType: "image/webp", extension: "webp" };
  }
  out = await pipeline().jpeg({ quality: 85, mozjpeg: true }).toBuffer({ resolveWithObject: true });
  return { data: out.data, width: out.info.width, height: out.info.height, contentType: "image/jpeg", extension: "jpg" };
}
