import { env } from "@/lib/env";

/** Largest accepted upload in bytes (env UPLOAD_MAX_BYTES, default 50 MB). */
export function maxUploadBytes(): number {
  return env().UPLOAD_MAX_BYTES;
}

/** Most pages accepted in one uploaded PDF (env UPLOAD_MAX_PDF_PAGES). */
export function maxPdfPages(): number {
  return env().UPLOAD_MAX_PDF_PAGES;
}

/** "50 MB" / "800 KB": for messages shown to staff. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** Width of a page's web image (the 版面 view) and of its narrow rendition (phones, thumbnails), in pixels. */
export const PAGE_FULL_WIDTH = 1600;
export const PAGE_THUMB_WIDTH = 480;
