import sharp from "sharp";
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
  if (buf.length === 0) return { ok: false, error: "文件是空的(0 字节)。The file is empty." };
  const type = sniffFileType(buf);
  if (!isImageType(type)) {
    return { ok: false, error: "不是可识别的图片(支持 PNG、JPEG、WebP、GIF)。The file is not a PNG, JPEG, WebP or GIF image." };
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
    return { ok: false, error: `${typeNames[type]} 图片已损坏,无法读取。The ${typeNames[type]} image is damaged.` };
  }
  if (width > MAX_INPUT_SIDE || height > MAX_INPUT_SIDE || width * height > MAX_INPUT_PIXELS) {
    return {
      ok: false,
      error: `图片尺寸过大(${width} × ${height} 像素),最大 ${MAX_INPUT_SIDE} 像素边长、${MAX_INPUT_PIXELS / 1_000_000} 百万像素。The image is too large.`,
    };
  }

  try {
    const full = await encode(buf, Math.min(opts.maxWidth, width));
    const thumb = opts.thumbWidth ? await encode(buf, Math.min(opts.thumbWidth, full.width)) : undefined;
    return thumb ? { ok: true, full, thumb } : { ok: true, full };
  } catch {
    return { ok: false, error: `${typeNames[type]} 图片已损坏或不完整,无法处理。The image is damaged or truncated.` };
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
