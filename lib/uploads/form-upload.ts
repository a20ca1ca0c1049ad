import { requestTranslator } from "@/lib/i18n/translate";
import { formatBytes, maxUploadBytes } from "./limits";

/**
 * Reading multipart uploads in route handlers without trusting the client:
 * the declared Content-Length is checked before anything is read, and the
 * body is counted while it streams in (a missing or lying header can't get a
 * bigger body past the limit).
 */

export type FormUpload =
  | { ok: true; files: File[]; fields: Record<string, string> }
  | { ok: false; status: 400 | 411 | 413 | 415; error: string };

export type FormUploadOptions = {
  /** Form field holding the file(s). Default "file". */
  fieldName?: string;
  /** Accept more than one file in `fieldName`. Default false. */
  multiple?: boolean;
  /** Most files accepted when `multiple`. Default 200. */
  maxFiles?: number;
  /** Largest single file; default `maxUploadBytes()`. */
  maxFileBytes?: number;
  /** Largest whole request; default the file limit plus room for the multipart framing and text fields. */
  maxRequestBytes?: number;
};

/** Room for boundaries, part headers and small text fields on top of the file bytes. */
const FRAMING_SLACK = 256 * 1024;

/** Messages in the uploader's language (the adminIssues catalog; zh-CN outside a request). */
export async function readFormUpload(request: Request, opts: FormUploadOptions = {}): Promise<FormUpload> {
  const t = await requestTranslator("adminIssues");
  const tooLargeMessage = (limit: number) => t("uploads.tooLarge", { limit: formatBytes(limit) });
  const fieldName = opts.fieldName ?? "file";
  const maxFileBytes = opts.maxFileBytes ?? maxUploadBytes();
  const maxRequestBytes = opts.maxRequestBytes ?? maxFileBytes + FRAMING_SLACK;

  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;\s*boundary=/i.test(contentType)) {
    return { ok: false, status: 415, error: t("uploads.notMultipart") };
  }
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    const length = Number(declared);
    if (!Number.isFinite(length) || length < 0) return { ok: false, status: 400, error: t("uploads.badLength") };
    if (length > maxRequestBytes) return { ok: false, status: 413, error: tooLargeMessage(maxFileBytes) };
  }

  const body = await readCapped(request, maxRequestBytes);
  if (body === "too-large") return { ok: false, status: 413, error: tooLargeMessage(maxFileBytes) };
  if (body === "unreadable") return { ok: false, status: 400, error: t("uploads.interrupted") };

  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    return { ok: false, status: 400, error: t("uploads.unreadable") };
  }

  const files: File[] = [];
  const fields: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") {
      if (name !== fieldName) fields[name] = value;
    } else if (name === fieldName && (value.size > 0 || value.name !== "")) {
      // A file input left empty posts a nameless 0-byte part: that is "no file", not an empty file.
      files.push(value);
    }
  }

  if (files.length === 0) return { ok: false, status: 400, error: t("uploads.chooseFile") };
  if (!opts.multiple && files.length > 1) return { ok: false, status: 400, error: t("uploads.oneFile") };
  const maxFiles = opts.maxFiles ?? 200;
  if (files.length > maxFiles) return { ok: false, status: 400, error: t("uploads.tooManyFiles", { max: String(maxFiles) }) };
  for (const file of files) {
    const label = files.length > 1 ? t("uploads.fileName", { name: file.name }) : "";
    if (file.size === 0) return { ok: false, status: 400, error: `${label}${t("uploads.emptyFile")}` };
    if (file.size > maxFileBytes) return { ok: false, status: 413, error: `${label}${tooLargeMessage(maxFileBytes)}` };
  }
  return { ok: true, files, fields };
}

/** The whole body, or why not; stops reading as soon as it passes `limit`. */
async function readCapped(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | "too-large" | "unreadable"> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel().catch(() => {});
        return "too-large";
      }
      chunks.push(value);
    }
  } catch {
    return "unreadable";
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** File bytes as a Node Buffer (what sharp, mupdf and storage take). */
export async function fileBytes(file: File): Promise<Buffer> {
  return Buffer.from(await file.arrayBuffer());
}
