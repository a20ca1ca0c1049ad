import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import {
  InvalidStorageKeyError,
  deleteObject,
  getObject,
  isValidStorageKey,
  putObject,
  setStorageBackend,
  type StorageBackend,
} from "./index";

let dataDir: string;
let outside: string;
const previousDataDir = process.env.DATA_DIR;

beforeAll(() => {
  // The storage root sits inside an outer temp dir so escapes would land somewhere we can look.
  outside = mkdtempSync(path.join(os.tmpdir(), "caixin-storage-"));
  dataDir = path.join(outside, "data");
  process.env.DATA_DIR = dataDir;
  resetEnvCache();
});

afterAll(() => {
  rmSync(outside, { recursive: true, force: true });
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
  resetEnvCache();
});

describe("storage keys", () => {
  it.each(["pages/2026-04-30/1.svg", "images/1253/wuyi-travel.svg", "a", "a/b/c_d-e.f.pdf"])("accepts %s", (key) => {
    expect(isValidStorageKey(key)).toBe(true);
  });

  it.each([
    "",
    "../secrets.json",
    "pages/../../secrets.json",
    "pages/..",
    "./a",
    "/etc/passwd",
    "a//b",
    "a/",
    ".hidden",
    "pages/.x",
    "Pages/1.svg",
    "a\\..\\b",
    "a b",
    "a\u0000b",
    "%2e%2e/x",
    "c:/windows",
    "x.svg.meta.json",
    // A name a crashed write of "pages/1.png" leaves as its temp file: deleting that key removes it.
    "pages/1.png.0123456789ab.tmp",
    "a".repeat(513),
  ])("rejects %j", (key) => {
    expect(isValidStorageKey(key)).toBe(false);
  });

  it("refuses invalid keys in every operation and writes nothing outside the folder", async () => {
    for (const key of ["../escape.txt", "../../escape.txt", "/tmp/escape.txt", "x/../../escape.txt"]) {
      await expect(putObject(key, "nope", "text/plain")).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(getObject(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(deleteObject(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
    expect(readdirSync(outside).filter((f) => f !== "data")).toEqual([]);
    expect(existsSync("/tmp/escape.txt")).toBe(false);
  });
});

describe("local folder storage", () => {
  it("round-trips bytes and content type under DATA_DIR/media", async () => {
    const body = Buffer.from([0, 1, 2, 255]);
    await putObject("scans/2026-04-30/1.pdf", body, "application/pdf");
    expect(existsSync(path.join(dataDir, "media/scans/2026-04-30/1.pdf"))).toBe(true);
    const got = await getObject("scans/2026-04-30/1.pdf");
    expect(got?.contentType).toBe("application/pdf");
    expect(got?.body.equals(body)).toBe(true);
  });

  it("stores strings as UTF-8 and overwrites in place", async () => {
    await putObject("pages/x/1.svg", "<svg>旧</svg>", "image/svg+xml");
    await putObject("pages/x/1.svg", "<svg>新</svg>", "image/svg+xml");
    const got = await getObject("pages/x/1.svg");
    expect(got?.body.toString("utf8")).toBe("<svg>新</svg>");
    expect(got?.contentType).toBe("image/svg+xml");
    // No temp files are left behind by the atomic write.
    expect(readdirSync(path.join(dataDir, "media/pages/x")).sort()).toEqual(["1.svg", "1.svg.meta.json"]);
  });

  it("returns null for a missing object and deletes idempotently", async () => {
    expect(await getObject("nothing/here.png")).toBeNull();
    await putObject("tmp/gone.txt", "bye", "text/plain; charset=utf-8");
    await deleteObject("tmp/gone.txt");
    await deleteObject("tmp/gone.txt");
    expect(await getObject("tmp/gone.txt")).toBeNull();
    expect(existsSync(path.join(dataDir, "media/tmp/gone.txt.meta.json"))).toBe(false);
  });

  it("deleting a key also removes the temp files a write killed before its rename left, and nothing else", async () => {
    const dir = path.join(dataDir, "media/crashed");
    await putObject("crashed/1.webp", "page", "image/webp");
    await putObject("crashed/10.webp", "another page", "image/webp");
    // What writeAtomically leaves when the process dies between writeFile and rename.
    writeFileSync(path.join(dir, "1.webp.a1b2c3d4e5f6.tmp"), "half a pa");
    writeFileSync(path.join(dir, "1.webp.meta.json.0123456789ab.tmp"), "{");
    await deleteObject("crashed/1.webp");
    expect(readdirSync(dir).sort()).toEqual(["10.webp", "10.webp.meta.json"]);
    expect((await getObject("crashed/10.webp"))?.body.toString()).toBe("another page");
  });

  it("derives the content type from the extension when the sidecar is missing", async () => {
    mkdirSync(path.join(dataDir, "media/manual"), { recursive: true });
    writeFileSync(path.join(dataDir, "media/manual/photo.jpg"), "jpeg");
    expect((await getObject("manual/photo.jpg"))?.contentType).toBe("image/jpeg");
  });

  it("rejects content types that could smuggle headers", async () => {
    await expect(putObject("a.txt", "x", "text/plain\r\nX-Evil: 1")).rejects.toThrow(/content type/);
  });
});

describe("backend seam", () => {
  it("routes every call through an injected backend", async () => {
    const calls: string[] = [];
    const memory = new Map<string, { body: Buffer; contentType: string }>();
    const fake: StorageBackend = {
      async put(key, body, contentType) {
        calls.push(`put ${key}`);
        memory.set(key, { body, contentType });
      },
      async get(key) {
        calls.push(`get ${key}`);
        return memory.get(key) ?? null;
      },
      async delete(key) {
        calls.push(`delete ${key}`);
        memory.delete(key);
      },
    };
    setStorageBackend(fake);
    try {
      await putObject("k/v.txt", "hello", "text/plain");
      expect((await getObject("k/v.txt"))?.body.toString()).toBe("hello");
      await deleteObject("k/v.txt");
      expect(calls).toEqual(["put k/v.txt", "get k/v.txt", "delete k/v.txt"]);
      expect(existsSync(path.join(dataDir, "media/k"))).toBe(false);
    } finally {
      setStorageBackend(null);
    }
  });
});
