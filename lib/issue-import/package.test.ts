import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFolder, readPackagePath, readZip, safeEntryName } from "./package";

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "caixin-pkg-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const limits = { maxEntries: 50, maxTotalBytes: 100_000 };
const zip = (entries: Record<string, string | Uint8Array>) =>
  Buffer.from(zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, typeof v === "string" ? new TextEncoder().encode(v) : v]))));

describe("zip packages", () => {
  it("reads entries, skips folders and archiver junk, and unwraps a single top folder", () => {
    const result = readZip(zip({ "1261/issue.json": "{}", "1261/pages/1.pdf": "%PDF-", "__MACOSX/1261/._issue.json": "x", "1261/.DS_Store": "x" }), "p.zip", limits);
    expect(result.ok).toBe(true);
    if (result.ok) expect([...result.pkg.files.keys()].sort()).toEqual(["issue.json", "pages/1.pdf"]);
  });

  it.each(["../evil.txt", "pages/../../evil.txt", "/etc/evil", "C:/evil.txt", "a\\..\\evil.txt", "a//b"])("refuses the whole package for the entry name %j", (name) => {
    const result = readZip(zip({ "issue.json": "{}", [name]: "boom" }), "p.zip", limits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.report[0]).toMatchObject({ level: "error", path: name, message: expect.stringContaining("不安全") });
  });

  it("refuses an archive that unpacks beyond the size cap, before inflating it", () => {
    const result = readZip(zip({ "issue.json": "{}", "big.bin": new Uint8Array(200_000) }), "p.zip", limits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.report).toEqual([expect.objectContaining({ path: "package", message: expect.stringContaining("太大") })]);
  });

  it("refuses too many entries", () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}.txt`, "x"]));
    const result = readZip(zip(many), "p.zip", limits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.report[0]!.message).toContain("文件太多");
  });

  it("does not trust declared sizes: an entry that inflates past its header is refused", () => {
    const honest = zip({ "issue.json": "{}", "bomb.bin": new Uint8Array(90_000) });
    // Patch the central directory's uncompressed size of bomb.bin down to 10 bytes.
    const forged = Buffer.from(honest);
    const at = forged.indexOf(Buffer.from("bomb.bin"), forged.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) - 10);
    forged.writeUInt32LE(10, at - 46 + 24);
    const result = readZip(forged, "p.zip", limits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.report[0]!.message).toContain("不是有效的 ZIP");
  });

  it("says so when the file is no zip at all", () => {
    const result = readZip(Buffer.from("%PDF-1.7 not a zip at all, just some bytes"), "p.zip", limits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.report[0]).toMatchObject({ path: "package", english: expect.stringContaining("not a valid zip") });
  });

  it("keeps safe names as they are", () => {
    expect(safeEntryName("pages/1.pdf")).toBe("pages/1.pdf");
    expect(safeEntryName("照片/港口.jpg")).toBe("照片/港口.jpg");
    expect(safeEntryName("./x")).toBeNull();
  });
});

describe("folder packages", () => {
  it("reads files and refuses symlinks that leave the folder", async () => {
    const outside = path.join(tmp, "secret.txt");
    writeFileSync(outside, "secret");
    const dir = path.join(tmp, "pkg");
    mkdirSync(path.join(dir, "pages"), { recursive: true });
    writeFileSync(path.join(dir, "issue.json"), "{}");
    writeFileSync(path.join(dir, "pages/1.pdf"), "%PDF-");
    symlinkSync(path.join(dir, "pages/1.pdf"), path.join(dir, "pages/same.pdf"));
    expect((await readFolder(dir, limits)).ok).toBe(true);

    symlinkSync(outside, path.join(dir, "pages/escape.pdf"));
    const result = await readFolder(dir, limits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.report).toEqual([expect.objectContaining({ path: "pages/escape.pdf", message: expect.stringContaining("包外") })]);
  });

  it("accepts the issue.json path for its folder and reports a missing path", async () => {
    const dir = path.join(tmp, "pkg2");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "issue.json"), "{}");
    const viaManifest = await readPackagePath(path.join(dir, "issue.json"), limits);
    expect(viaManifest.ok && [...viaManifest.pkg.files.keys()]).toEqual(["issue.json"]);
    const missing = await readPackagePath(path.join(tmp, "nope"), limits);
    expect(missing.ok).toBe(false);
  });

  it("refuses a folder over the size cap", async () => {
    const dir = path.join(tmp, "pkg3");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "issue.json"), "{}");
    writeFileSync(path.join(dir, "big.bin"), Buffer.alloc(150_000));
    const result = await readFolder(dir, limits);
    expect(result.ok).toBe(false);
  });
});
