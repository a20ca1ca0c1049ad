import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { env } from "@/lib/env";
import { MANIFEST, PACKAGE_PATH, problem, type ReportItem } from "./report";

/**
 * Reads an issue package, a folder or a .zip, into memory as path → bytes.
 * Packages come from outside (a layout system's export, an upload), so the
 * reader refuses what could hurt the server: entry names that climb out of the
 * package ("../x", "/etc/x", "C:\x"), symlinks pointing outside the folder,
 * and archives that unpack to more than the size or entry-count caps however
 * small they are compressed (the zip's declared sizes are not trusted: every
 * entry is inflated with a hard output limit). Nothing is written to disk.
 */
export type PackageFiles = { name: string; files: Map<string, Buffer> };
export type ReadResult = { ok: true; pkg: PackageFiles } | { ok: false; report: ReportItem[] };

export type PackageLimits = {
  /** Most files in a package. */
  maxEntries: number;
  /** Most bytes of all files together, unpacked. */
  maxTotalBytes: number;
};

/** A package may unpack to a few times the upload limit: page PDFs compress well. */
export function defaultPackageLimits(): PackageLimits {
  return { maxEntries: 1000, maxTotalBytes: 4 * env().UPLOAD_MAX_BYTES };
}

const MAX_DEPTH = 8;
const MAX_NAME_LENGTH = 240;
const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Files that archivers and desktops add on their own; skipped without comment. */
function isJunk(name: string): boolean {
  const base = name.slice(name.lastIndexOf("/") + 1);
  return name.startsWith("__MACOSX/") || base === ".DS_Store" || base === "Thumbs.db" || base === "desktop.ini" || base.startsWith("._");
}

/**
 * The entry name as a clean relative path, or null when it is unsafe or odd:
 * absolute, a drive letter, backslashes, "." or ".." segments, empty segments,
 * control characters.
 */
export function safeEntryName(name: string): string | null {
  if (!name || name.length > MAX_NAME_LENGTH) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(name)) return null;
  if (name.startsWith("/") || /^[a-zA-Z]:/.test(name)) return null;
  const segments = name.split("/");
  if (segments.some((s) => s === "" || s === "." || s === "..")) return null;
  return name;
}

const unsafeName = (name: string): ReportItem =>
  problem(name || "(empty)", `压缩包中的路径不安全或无效,已拒绝整个包: ${JSON.stringify(name)}`, `unsafe or invalid path in the archive, package refused: ${JSON.stringify(name)}`);

const tooMany = (limits: PackageLimits): ReportItem =>
  problem(PACKAGE_PATH, `文件太多:最多${limits.maxEntries}个`, `too many files: at most ${limits.maxEntries}`);

const tooBig = (limits: PackageLimits): ReportItem =>
  problem(PACKAGE_PATH, `包解压后太大:最多${mb(limits.maxTotalBytes)}`, `package too large when unpacked: at most ${mb(limits.maxTotalBytes)}`);

/**
 * When issue.json is not at the top but inside one folder that holds
 * everything ("1254/issue.json", as zipping a folder produces), that folder is
 * the package.
 */
function stripSingleTopFolder(files: Map<string, Buffer>): Map<string, Buffer> {
  if (files.has(MANIFEST)) return files;
  const names = [...files.keys()];
  const top = names[0]?.split("/")[0];
  if (!top || !files.has(`${top}/${MANIFEST}`) || !names.every((n) => n.startsWith(`${top}/`))) return files;
  return new Map([...files].map(([name, data]) => [name.slice(top.length + 1), data]));
}

// ── zip ──

class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

type CentralEntry = {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  externalMode: number;
  madeByUnix: boolean;
  localOffset: number;
};

function decodeName(raw: Buffer, utf8Flag: boolean): string {
  if (utf8Flag || raw.every((b) => b < 0x80)) return raw.toString("utf8");
  // Older Chinese Windows archivers write names in GBK without the UTF-8 flag.
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder("gbk").decode(raw);
  }
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const last = buf.length - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (buf.readUInt32LE(at) === EOCD) return at;
  }
  throw new ZipFormatError("no end of central directory");
}

function centralEntries(buf: Buffer, limits: PackageLimits): CentralEntry[] | ReportItem {
  const eocd = findEndOfCentralDirectory(buf);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ZipFormatError("zip64 archives are not supported");
  if (count > limits.maxEntries) return tooMany(limits);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw new ZipFormatError("bad central directory");
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const flags = buf.readUInt16LE(at + 8);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd > buf.length) throw new ZipFormatError("bad central directory");
    entries.push({
      name: decodeName(buf.subarray(at + 46, nameEnd), (flags & 0x800) !== 0),
      flags,
      method: buf.readUInt16LE(at + 10),
      crc: buf.readUInt32LE(at + 16),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      madeByUnix: buf.readUInt8(at + 5) === 3,
      externalMode: buf.readUInt32LE(at + 38) >>> 16,
      localOffset: buf.readUInt32LE(at + 42),
    });
    at = nameEnd + extraLength + commentLength;
  }
  return entries;
}

const crc32 = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;

/** One entry's bytes; inflating stops at the declared size, so a lying header cannot blow up memory. */
function extract(buf: Buffer, entry: CentralEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw new ZipFormatError("bad local header");
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipFormatError("entry runs past the end of the archive");
  const raw = buf.subarray(start, end);
  let data: Buffer;
  if (entry.method === 0) data = Buffer.from(raw);
  else if (entry.method === 8) {
    try {
      // One byte of headroom: output beyond the declared size means the header lied.
      data = zlib.inflateRawSync(raw, { maxOutputLength: entry.size + 1 });
    } catch {
      throw new ZipFormatError(`cannot inflate ${entry.name}`);
    }
  } else throw new ZipFormatError(`compression method ${entry.method} is not supported`);
  if (data.length !== entry.size) throw new ZipFormatError(`size of ${entry.name} does not match the archive`);
  if (crc32 && crc32(data) >>> 0 !== entry.crc >>> 0) throw new ZipFormatError(`checksum of ${entry.name} does not match`);
  return data;
}

export function readZip(buf: Buffer, name = "package.zip", limits = defaultPackageLimits()): ReadResult {
  const notZip = (detail: string): ReadResult => ({
    ok: false,
    report: [problem(PACKAGE_PATH, `不是有效的 ZIP 文件(${detail})`, `not a valid zip file (${detail})`)],
  });
  if (buf.length < 22) return notZip("too short");
  try {
    const entries = centralEntries(buf, limits);
    if (!Array.isArray(entries)) return { ok: false, report: [entries] };

    // Check every name and the declared total before inflating anything.
    const report: ReportItem[] = [];
    const wanted: CentralEntry[] = [];
    const seen = new Set<string>();
    let declared = 0;
    for (const entry of entries) {
      const isDir = entry.name.endsWith("/");
      const clean = safeEntryName(isDir ? entry.name.slice(0, -1) : entry.name);
      if (!clean) {
        report.push(unsafeName(entry.name));
        continue;
      }
      if (entry.madeByUnix && (entry.externalMode & S_IFMT) === S_IFLNK) {
        report.push(problem(clean, "压缩包中不能有符号链接", "symbolic links are not allowed in the archive"));
        continue;
      }
      if (isDir || isJunk(clean)) continue;
      if (entry.flags & 0x1) {
        report.push(problem(clean, "文件已加密,请打包时不要设密码", "the entry is encrypted; pack without a password"));
        continue;
      }
      if (seen.has(clean)) {
        report.push(problem(clean, "压缩包中有重名文件", "duplicate entry in the archive"));
        continue;
      }
      seen.add(clean);
      declared += entry.size;
      wanted.push(entry);
    }
    if (declared > limits.maxTotalBytes) report.push(tooBig(limits));
    if (report.length) return { ok: false, report };

    const files = new Map<string, Buffer>();
    for (const entry of wanted) files.set(entry.name, extract(buf, entry));
    return { ok: true, pkg: { name, files: stripSingleTopFolder(files) } };
  } catch (error) {
    if (error instanceof ZipFormatError) return notZip(error.message);
    throw error;
  }
}

// ── folder ──

export async function readFolder(dir: string, limits = defaultPackageLimits()): Promise<ReadResult> {
  const root = await realpath(dir);
  const files = new Map<string, Buffer>();
  const report: ReportItem[] = [];
  let total = 0;
  let overLimit: ReportItem | null = null;

  const walk = async (absolute: string, relative: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) {
      report.push(problem(relative, "文件夹层级太深", "folders nested too deeply"));
      return;
    }
    for (const entry of await readdir(absolute, { withFileTypes: true })) {
      if (overLimit) return;
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.name.startsWith(".") || isJunk(rel)) continue;
      if (!safeEntryName(rel)) {
        report.push(unsafeName(rel));
        continue;
      }
      const full = path.join(absolute, entry.name);
      let target = full;
      if (entry.isSymbolicLink()) {
        const resolved = await realpath(full).catch(() => null);
        if (!resolved || !resolved.startsWith(root + path.sep)) {
          report.push(problem(rel, "符号链接指向包外或不存在的位置", "symbolic link points outside the package or nowhere"));
          continue;
        }
        target = resolved;
      }
      const info = entry.isSymbolicLink() ? await stat(target) : await lstat(target);
      if (info.isDirectory()) {
        if (entry.isSymbolicLink()) report.push(problem(rel, "不支持指向文件夹的符号链接", "symbolic links to folders are not supported"));
        else await walk(full, rel, depth + 1);
        continue;
      }
      if (!info.isFile()) continue;
      if (files.size + 1 > limits.maxEntries) overLimit = tooMany(limits);
      else if (total + info.size > limits.maxTotalBytes) overLimit = tooBig(limits);
      if (overLimit) return;
      total += info.size;
      files.set(rel, await readFile(target));
    }
  };

  await walk(root, "", 0);
  if (overLimit) report.unshift(overLimit);
  if (report.length) return { ok: false, report };
  return { ok: true, pkg: { name: path.basename(root), files: stripSingleTopFolder(files) } };
}

/**
 * A path given on the command line: a folder, a .zip, or the issue.json inside
 * a folder. Missing paths and other files come back as a report, not a throw.
 */
export async function readPackagePath(source: string, limits = defaultPackageLimits()): Promise<ReadResult> {
  const info = await stat(source).catch(() => null);
  if (!info) return { ok: false, report: [problem(PACKAGE_PATH, `找不到 ${source}`, `${source} does not exist`)] };
  if (info.isDirectory()) return readFolder(source, limits);
  if (path.basename(source) === MANIFEST) return readFolder(path.dirname(source), limits);
  if (!info.isFile()) return { ok: false, report: [problem(PACKAGE_PATH, "请给出文件夹或 .zip 文件", "give a folder or a .zip file")] };
  if (info.size > limits.maxTotalBytes) return { ok: false, report: [tooBig(limits)] };
  return readZip(await readFile(source), path.basename(source), limits);
}
