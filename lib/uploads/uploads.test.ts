import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { readFormUpload } from "./form-upload";
import { processImage } from "./image";
import { maxPdfPages, maxUploadBytes } from "./limits";
import { countPdfPages, renderPdf, splitPdf } from "./pdf";
import { sniffFileType } from "./sniff";

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: "#c8161d" } }).png().toBuffer();

async function pdf(pages: [number, number][]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (const size of pages) doc.addPage(size);
  return Buffer.from(await doc.save());
}

afterEach(() => {
  delete process.env.UPLOAD_MAX_BYTES;
  delete process.env.UPLOAD_MAX_PDF_PAGES;
  resetEnvCache();
});

describe("limits", () => {
  it("come from the environment, 50 MB and 48 pages by default", () => {
    expect(maxUploadBytes()).toBe(50 * 1024 * 1024);
    expect(maxPdfPages()).toBe(48);
    process.env.UPLOAD_MAX_BYTES = "2048";
    process.env.UPLOAD_MAX_PDF_PAGES = "4";
    resetEnvCache();
    expect([maxUploadBytes(), maxPdfPages()]).toEqual([2048, 4]);
  });
});

describe("sniffFileType", () => {
  it("knows files by their first bytes, not their names", async () => {
    expect(sniffFileType(await pdf([[100, 100]]))).toBe("pdf");
    expect(sniffFileType(await png(2, 2))).toBe("png");
    expect(sniffFileType(await sharp(await png(2, 2)).jpeg().toBuffer())).toBe("jpeg");
    expect(sniffFileType(await sharp(await png(2, 2)).webp().toBuffer())).toBe("webp");
    expect(sniffFileType(await sharp(await png(2, 2)).gif().toBuffer())).toBe("gif");
    expect(sniffFileType(Buffer.from("PK\u0003\u0004...."))).toBe("zip");
    expect(sniffFileType(Buffer.from("\uFEFF%PDF-1.4\n"))).toBe("pdf");
  });

  it("says null for anything else, including text that mentions %PDF- later on", () => {
    expect(sniffFileType(new Uint8Array())).toBeNull();
    expect(sniffFileType(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffFileType(Buffer.from("<html>%PDF-1.4</html>"))).toBeNull();
    expect(sniffFileType(Buffer.from("RIFF\u0000\u0000\u0000\u0000WAVE"))).toBeNull();
  });
});

describe("processImage", () => {
  it("re-encodes without upscaling and strips metadata", async () => {
    const withExif = await sharp(await png(300, 500)).jpeg().withMetadata({ exif: { IFD0: { Copyright: "secret camera" } } }).toBuffer();
    const result = await processImage(withExif, { maxWidth: 1600, thumbWidth: 120 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([result.full.width, result.full.height, result.full.contentType]).toEqual([300, 500, "image/webp"]);
    expect([result.thumb?.width, result.thumb?.height]).toEqual([120, 200]);
    expect((await sharp(result.full.data).metadata()).exif).toBeUndefined();
  });

  it("shrinks a large image to maxWidth", async () => {
    const result = await processImage(await png(3000, 4000), { maxWidth: 1600 });
    expect(result.ok && [result.full.width, result.full.height, result.thumb]).toEqual([1600, 2133, undefined]);
  });

  it("refuses a decompression bomb from its header, quickly", async () => {
    const bomb = Buffer.from(await png(10, 10));
    bomb.writeUInt32BE(50_000, 16);
    bomb.writeUInt32BE(50_000, 20);
    const started = Date.now();
    expect(await processImage(bomb, { maxWidth: 1600, thumbWidth: 400 })).toMatchObject({ ok: false, error: expect.stringContaining("尺寸过大") });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.each([
    ["empty", Buffer.alloc(0), /空的/],
    ["a PDF", Buffer.from("%PDF-1.7\n"), /不是可识别的图片/],
    ["an SVG (can carry scripts)", Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), /不是可识别的图片/],
    ["a PNG signature followed by junk", Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]), /损坏/],
  ])("refuses %s", async (_label, input, message) => {
    expect(await processImage(input, { maxWidth: 100 })).toMatchObject({ ok: false, error: expect.stringMatching(message) });
  });
});

describe("renderPdf and splitPdf", () => {
  it("renders every page at both widths and splits it into one-page PDFs", async () => {
    const file = await pdf([
      [600, 900],
      [900, 600],
    ]);
    const result = await renderPdf(file, { maxPages: 5, fullWidth: 800, thumbWidth: 200 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pages.map((p) => [p.full.width, p.full.height, p.thumb.width, p.thumb.height])).toEqual([
      [800, 1200, 200, 300],
      [800, 534, 200, 134],
    ]);
    const parts = await splitPdf(file);
    expect(parts).toHaveLength(2);
    for (const part of parts) expect(await countPdfPages(part, 1)).toEqual({ ok: true, pageCount: 1 });
  });

  it("refuses too many pages, zero-page and damaged files with a message", async () => {
    const three = await pdf([
      [100, 100],
      [100, 100],
      [100, 100],
    ]);
    expect(await renderPdf(three, { maxPages: 2, fullWidth: 100, thumbWidth: 50 })).toMatchObject({ ok: false, error: expect.stringContaining("最多 2 页") });
    expect(await renderPdf(Buffer.from("%PDF-1.4\n%%EOF\n"), { maxPages: 2, fullWidth: 100, thumbWidth: 50 })).toMatchObject({ ok: false });
    expect(await renderPdf(Buffer.from("not a pdf"), { maxPages: 2, fullWidth: 100, thumbWidth: 50 })).toMatchObject({ ok: false, error: expect.stringContaining("不是 PDF") });
    await expect(splitPdf(Buffer.from("not a pdf"))).rejects.toThrow(/不是 PDF/);
  });

  it("refuses a page too tall to be a newspaper page instead of rendering gigapixels", async () => {
    const strip = await pdf([[100, 14_000]]);
    expect(await renderPdf(strip, { maxPages: 2, fullWidth: 1600, thumbWidth: 400 })).toMatchObject({ ok: false, error: expect.stringContaining("过长") });
  });
});

describe("readFormUpload", () => {
  const multipart = (parts: { name: string; value: string | Blob; filename?: string }[]) => {
    const form = new FormData();
    for (const p of parts) {
      if (typeof p.value === "string") form.append(p.name, p.value);
      else form.append(p.name, p.value, p.filename);
    }
    return new Request("http://localhost/upload", { method: "POST", body: form });
  };

  it("returns the file and the text fields", async () => {
    const request = multipart([
      { name: "file", value: new Blob([Buffer.from("%PDF-1.7")]), filename: "a.pdf" },
      { name: "note", value: "hello" },
    ]);
    const result = await readFormUpload(request);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.files.map((f) => [f.name, f.size])).toEqual([["a.pdf", 8]]);
    expect(result.fields).toEqual({ note: "hello" });
  });

  it("refuses a declared Content-Length over the limit before reading the body", async () => {
    let pulled = false;
    const body = new ReadableStream(
      {
        pull() {
          pulled = true;
          throw new Error("must not be read");
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request("http://localhost/upload", {
      method: "POST",
      body,
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(10 * 1024 * 1024) },
      duplex: "half",
    } as RequestInit);
    const result = await readFormUpload(request, { maxFileBytes: 1024 * 1024 });
    expect(result).toMatchObject({ ok: false, status: 413, error: expect.stringContaining("文件过大") });
    expect(pulled).toBe(false);
  });

  it("stops reading a body without Content-Length once it passes the limit", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
        if (sent > 100 * 1024 * 1024) controller.close();
      },
    });
    const request = new Request("http://localhost/upload", {
      method: "POST",
      body,
      headers: { "content-type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    const result = await readFormUpload(request, { maxFileBytes: 1024 * 1024, maxRequestBytes: 2 * 1024 * 1024 });
    expect(result).toMatchObject({ ok: false, status: 413 });
    expect(sent).toBeLessThan(4 * 1024 * 1024);
  });

  it("uses UPLOAD_MAX_BYTES for a file over the limit", async () => {
    process.env.UPLOAD_MAX_BYTES = "2048";
    resetEnvCache();
    const result = await readFormUpload(multipart([{ name: "file", value: new Blob([new Uint8Array(4096)]), filename: "big.pdf" }]));
    expect(result).toMatchObject({ ok: false, status: 413, error: expect.stringContaining("2 KB") });
  });

  it.each([
    ["no file", [{ name: "note", value: "x" }], 400, /请选择/],
    ["an empty file input", [{ name: "file", value: new Blob([]), filename: "" }], 400, /请选择/],
    ["a 0-byte file", [{ name: "file", value: new Blob([]), filename: "empty.pdf" }], 400, /空的/],
    [
      "two files where one is expected",
      [
        { name: "file", value: new Blob(["a"]), filename: "a.png" },
        { name: "file", value: new Blob(["b"]), filename: "b.png" },
      ],
      400,
      /一次只能上传一个/,
    ],
  ])("refuses %s", async (_label, parts, status, message) => {
    expect(await readFormUpload(multipart(parts))).toMatchObject({ ok: false, status, error: expect.stringMatching(message) });
  });

  it("refuses a request that is not multipart", async () => {
    const request = new Request("http://localhost/upload", { method: "POST", body: "x", headers: { "content-type": "application/json" } });
    expect(await readFormUpload(request)).toMatchObject({ ok: false, status: 415 });
  });
});
