import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { s3Backend, s3ConfigFromEnv } from "./s3";

/**
 * Where page images, PDFs and photos live. Everything goes through the small
 * API at the bottom of this file so that the backend can change (a local
 * folder today, an S3-compatible bucket later) without touching callers.
 * No "server-only" import: seed and maintenance scripts run this under tsx.
 */

export type StoredObject = { body: Buffer; contentType: string };

/** The seam for other backends: an S3-compatible one only has to implement these three. */
export interface StorageBackend {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
}

export class InvalidStorageKeyError extends Error {
  override name = "InvalidStorageKeyError";
}

const SEGMENT = /^[a-z0-9_-][a-z0-9._-]*$/;
const MAX_KEY_LENGTH = 512;
/** Sidecar suffix holding the content type; keys may not end with it, so an object can't shadow another's metadata. */
const META_SUFFIX = ".meta.json";
/** What `writeAtomically` appends to a file's name while writing it. */
const TEMP_SUFFIX = /^\.[0-9a-f]{12}\.tmp$/;
const TEMP_NAME = /\.[0-9a-f]{12}\.tmp$/;

/**
 * A key is a relative, lower-case path of [a-z0-9._-] segments joined by "/".
 * No segment may start with "." (so no ".", "..", or hidden files), which
 * together with the character set means a key can never leave the storage root.
 */
export function isValidStorageKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  if (key.endsWith(META_SUFFIX)) return false;
  // Nor look like another key's temp file, which that key's delete removes.
  if (TEMP_NAME.test(key)) return false;
  return key.split("/").every((segment) => SEGMENT.test(segment));
}

export function assertValidStorageKey(key: string): void {
  if (!isValidStorageKey(key)) {
    throw new InvalidStorageKeyError(`Invalid storage key ${JSON.stringify(key.slice(0, 80))}: use lower-case [a-z0-9/._-], relative, without "..".`);
  }
}

const typesByExtension: Record<string, string> = {
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".pdf": "application/pdf",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/** Fallback when an object has no sidecar (e.g. a file copied into the folder by hand). */
export const contentTypeFromKey = (key: string): string =>
  typesByExtension[path.extname(key).toLowerCase()] ?? "application/octet-stream";

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/** Writes via a temp file and rename, so a concurrent reader never sees half a file. */
async function writeAtomically(file: string, data: Buffer | string): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Temp files of `file` and its sidecar that a process killed between write and rename left behind. */
async function removeLeftoverTemps(file: string): Promise<void> {
  const base = path.basename(file);
  let names: string[];
  try {
    names = await readdir(path.dirname(file));
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  const stems = [base, base + META_SUFFIX];
  const leftovers = names.filter((name) => stems.some((stem) => name.startsWith(stem) && TEMP_SUFFIX.test(name.slice(stem.length))));
  await Promise.all(leftovers.map((name) => rm(path.join(path.dirname(file), name), { force: true })));
}

/** Objects as files under `root`, each with a `<file>.meta.json` sidecar carrying its content type. */
export function localFolderBackend(root: string): StorageBackend {
  const absoluteRoot = path.resolve(root);
  const fileFor = (key: string) => {
    assertValidStorageKey(key);
    const file = path.resolve(absoluteRoot, key);
    // Defence in depth: validation already rules this out.
    if (!file.startsWith(absoluteRoot + path.sep)) throw new InvalidStorageKeyError(`Storage key escapes the storage folder: ${key}`);
    return file;
  };

  return {
    async put(key, body, contentType) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeAtomically(file, body);
      await writeAtomically(file + META_SUFFIX, JSON.stringify({ contentType }));
    },
    async get(key) {
      const file = fileFor(key);
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      let contentType = contentTypeFromKey(key);
      try {
        const meta = JSON.parse(await readFile(file + META_SUFFIX, "utf8")) as { contentType?: unknown };
        if (typeof meta.contentType === "string" && meta.contentType) contentType = meta.contentType;
      } catch (error) {
        if (!isMissing(error) && !(error instanceof SyntaxError)) throw error;
      }
      return { body, contentType };
    },
    async delete(key) {
      const file = fileFor(key);
      await rm(file, { force: true });
      await rm(file + META_SUFFIX, { force: true });
      // A crash mid-put leaves a temp file only this key's delete (e.g. the journal's sweep) knows to look for.
      await removeLeftoverTemps(file);
    },
  };
}

let override: StorageBackend | null = null;

/** Replace the backend for this process (tests; later, an S3 backend chosen at start-up). `null` restores the default. */
export function setStorageBackend(backend: StorageBackend | null): void {
  override = backend;
}

let s3Cache: { config: string; backend: StorageBackend } | null = null;

/**
 * The backend in use: an S3-compatible bucket when S3_ENDPOINT, S3_BUCKET and
 * both keys are set, else the local folder. Resolved on every call rather than
 * fixed at start-up, so tests that repoint DATA_DIR or the S3 settings (and
 * reset the env cache) are honoured.
 */
export function storage(): StorageBackend {
  if (override) return override;
  const e = env();
  const s3 = s3ConfigFromEnv(e);
  if (!s3) return localFolderBackend(e.storageDir);
  const config = JSON.stringify(s3);
  if (s3Cache?.config !== config) s3Cache = { config, backend: s3Backend(s3) };
  return s3Cache.backend;
}

function checkContentType(contentType: string): void {
  if (!/^[\w.+-]+\/[\w.+-]+(;[ \w=.+-]*)*$/.test(contentType)) {
    throw new Error(`Invalid content type ${JSON.stringify(contentType)}`);
  }
}

export async function putObject(key: string, body: Buffer | string, contentType: string): Promise<void> {
  assertValidStorageKey(key);
  checkContentType(contentType);
  await storage().put(key, typeof body === "string" ? Buffer.from(body, "utf8") : body, contentType);
}

/** The object, or null when there is none under that key. */
export async function getObject(key: string): Promise<StoredObject | null> {
  assertValidStorageKey(key);
  return storage().get(key);
}

/** Removes the object; removing one that does not exist is not an error. */
export async function deleteObject(key: string): Promise<void> {
  assertValidStorageKey(key);
  await storage().delete(key);
}
