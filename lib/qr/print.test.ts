import jsQR from "jsqr";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { generateQrCode, shortUrl } from "./code";
import { downloadParamsSchema, logoPng, qrPdf, qrPixelSize, qrPng, qrSvg } from "./print";

const url = shortUrl(generateQrCode(), "https://e.caixinbao.cn");

async function decode(png: Buffer): Promise<string | null> {
  const { data, info } = await sharp(png).raw().ensureAlpha().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data ?? null;
}

/** The pHYs chunk: pixels per unit (x, y) and the unit (1 = metre). */
function physicalResolution(png: Buffer): { x: number; y: number; unit: number } | null {
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    if (type === "pHYs") return { x: png.readUInt32BE(at + 8), y: png.readUInt32BE(at + 12), unit: png[at + 16]! };
    at += 12 + length;
  }
  return null;
}

describe("print-ready QR codes", () => {
  it("PNG at 2 cm / 300 dpi decodes to the short URL with M correction", async () => {
    const png = await qrPng({ url, sizeCm: 2, ec: "M" });
    expect(await decode(png)).toBe(url);
  });

  it("PNG with the centre logo (H correction) still decodes, with the drawn mark and with an uploaded logo", async () => {
    const mark = await qrPng({ url, sizeCm: 2, ec: "H", logo: { kind: "mark" } });
    expect(await decode(mark)).toBe(url);
    const uploaded = await logoPng(await sharp({ create: { width: 400, height: 120, channels: 3, background: "#a51d24" } }).png().toBuffer());
    expect(uploaded).not.toBeNull();
    const withLogo = await qrPng({ url, sizeCm: 2, logo: { kind: "image", png: uploaded! } });
    expect(await decode(withLogo)).toBe(url);
  });

  it("PNG with caption and URL text decodes too, and only grows downwards", async () => {
    const png = await qrPng({ url, sizeCm: 3, caption: "扫码关注本报网站", showUrl: true });
    expect(await decode(png)).toBe(url);
    const meta = await sharp(png).metadata();
    expect(meta.width).toBe(354);
    expect(meta.height).toBeGreaterThan(354);
  });

  it("PNG carries 300 dpi and is 236 px wide for 2 cm", async () => {
    const png = await qrPng({ url, sizeCm: 2 });
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: "png", width: 236, height: 236, density: 300 });
    // 300 dpi = 11811 pixels per metre.
    expect(physicalResolution(png)).toEqual({ x: 11811, y: 11811, unit: 1 });
    expect(qrPixelSize({ url, sizeCm: 5 })).toEqual({ width: 591, height: 591 });
  });

  it("SVG is well-formed vector, sized in millimetres, with escaped text and no script", async () => {
    const svg = qrSvg({ url, sizeCm: 2, caption: `<script>alert(1)</script> & "扫码"`, showUrl: true, logo: { kind: "mark" } });
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toMatch(/width="20.00mm"/);
    expect(svg.toLowerCase()).not.toContain("<script");
    expect(svg).not.toMatch(/\son\w+=/i);
    expect(svg).toContain("&lt;script&gt;");
    // librsvg refuses malformed XML; rendering it back must decode.
    const rendered = await sharp(Buffer.from(svg), { density: 300 }).flatten({ background: "#fff" }).png().toBuffer();
    expect(await decode(rendered)).toBe(url);
  });

  it("PDF page is exactly the physical size", async () => {
    const bytes = await qrPdf({ url, sizeCm: 3, ec: "M" });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo((3 / 2.54) * 72, 2);
    expect(height).toBeCloseTo(width, 2);
    const captioned = await PDFDocument.load(await qrPdf({ url, sizeCm: 2, caption: "扫码关注本报网站", showUrl: true, logo: { kind: "mark" } }));
    expect(captioned.getPage(0).getWidth()).toBeCloseTo((2 / 2.54) * 72, 2);
    expect(captioned.getPage(0).getHeight()).toBeGreaterThan(captioned.getPage(0).getWidth());
  });

  it("PDF renders (vector modules plus logo overlay) to a code that decodes", async () => {
    const m = await import("mupdf");
    const doc = m.Document.openDocument(await qrPdf({ url, sizeCm: 2, logo: { kind: "mark" } }), "application/pdf");
    const pixmap = doc.loadPage(0).toPixmap(m.Matrix.scale(300 / 72, 300 / 72), m.ColorSpace.DeviceRGB, false, true);
    expect(await decode(Buffer.from(pixmap.asPNG()))).toBe(url);
  });

  it("validates the download options: sizes, custom range, correction level; a logo forces H", () => {
    expect(downloadParamsSchema.parse({ format: "png", size: "2" })).toEqual({ format: "png", sizeCm: 2, ec: "M", logo: false, caption: "", showUrl: false });
    expect(downloadParamsSchema.parse({ format: "pdf", size: "custom", customCm: "4.25", ec: "Q", logo: "1", caption: " 扫码关注本报网站 ", showUrl: "1" })).toEqual({
      format: "pdf",
      sizeCm: 4.3,
      ec: "H",
      logo: true,
      caption: "扫码关注本报网站",
      showUrl: true,
    });
    for (const bad of [{ format: "gif" }, { format: "png", size: "7" }, { format: "png", size: "custom" }, { format: "png", size: "custom", customCm: "50" }, { format: "png", size: "custom", customCm: "abc" }, { format: "png", ec: "X" }, { format: "png", caption: "长".repeat(41) }]) {
      expect(downloadParamsSchema.safeParse(bad).success).toBe(false);
    }
  });
});
