/**
 * What a file really is, judged by its first bytes rather than its name or the
 * browser's claimed type (both are under the uploader's control).
 */
export type SniffedType = "pdf" | "png" | "jpeg" | "webp" | "gif" | "zip";

const startsWith = (buf: Uint8Array, bytes: number[], offset = 0) =>
  buf.length >= offset + bytes.length && bytes.every((b, i) => buf[offset + i] === b);

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function sniffFileType(buf: Uint8Array): SniffedType | null {
  // PDF readers accept the header anywhere in the first KB; real files start with it, a BOM or whitespace at most.
  const head = Buffer.from(buf.subarray(0, 1024)).toString("latin1");
  const pdfAt = head.indexOf("%PDF-");
  if (pdfAt >= 0 && /^[\s\uFEFF\u00EF\u00BB\u00BF]*$/.test(head.slice(0, pdfAt))) return "pdf";
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(buf, ascii("RIFF")) && startsWith(buf, ascii("WEBP"), 8)) return "webp";
  if (startsWith(buf, ascii("GIF87a")) || startsWith(buf, ascii("GIF89a"))) return "gif";
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) return "zip";
  return null;
}

export const isImageType = (t: SniffedType | null): t is "png" | "jpeg" | "webp" | "gif" =>
  t === "png" || t === "jpeg" || t === "webp" || t === "gif";
