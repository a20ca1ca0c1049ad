import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { zipSync } from "fflate";
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import sharp from "sharp";
import { MANIFEST } from "./report";
import { PACKAGE_VERSION, type ManifestInput } from "./schema";

/**
 * A small, valid issue package built in memory: 2 pages (第1版 a one-page PDF,
 * 第2版 a PNG), 3 articles with hot zones, one of them with a photo and one
 * with its body in a Markdown file. Tests start from it and break one thing at
 * a time; docs/issue-package.md shows the same manifest. 2026-06-01 is a
 * Monday, a publication day on the demo schedule.
 */
export type ExampleOptions = { date?: string; number?: number };
export type ExamplePackage = { manifest: ManifestInput; files: Map<string, Buffer> };

export function exampleManifest({ date = "2026-06-01", number = 1261 }: ExampleOptions = {}): ManifestInput {
  return {
    version: PACKAGE_VERSION,
    date,
    number,
    pages: [
      { number: 1, name: "要闻", editor: "王芳", file: "pages/1.pdf" },
      { number: 2, name: "财经", editor: "李强", file: "pages/2.png" },
    ],
    articles: [
      {
        page: 1,
        kicker: "一季度数据发布",
        title: "全市外贸进出口同比增长百分之八",
        subtitle: "机电产品出口占比过半",
        byline: "本报记者 陈静",
        source: "本报讯",
        body: "记者从市商务局获悉,一季度全市外贸进出口总额同比增长8%。\n\n其中机电产品出口占比过半,**民营企业**贡献突出。",
        access: "free",
        hotZones: [{ points: [[0.05, 0.1], [0.95, 0.1], [0.95, 0.45], [0.05, 0.45]] }],
        photos: [{ file: "photos/port.jpg", caption: "港区集装箱码头一角。", credit: "本报记者 赵磊 摄" }],
      },
      {
        page: 1,
        column: "评论",
        title: "稳外贸要在细处用力",
        byline: "本报评论员",
        bodyFile: "articles/commentary.md",
        access: "subscribers",
        hotZones: [{ points: [[0.05, 0.5], [0.95, 0.5], [0.95, 0.9], [0.05, 0.9]] }],
      },
      {
        page: 2,
        kicker: "上市公司",
        title: "本地三家企业发布年报",
        byline: "本报记者 孙悦",
        body: "三家企业营业收入均实现增长。\n\n分析人士认为,主营业务稳健是主要原因。",
        access: "subscribers",
        position: 0,
        hotZones: [{ points: [[0.1, 0.1], [0.6, 0.1], [0.7, 0.5], [0.1, 0.5]] }],
      },
    ],
  };
}

const PAPER = { r: 0.98, g: 0.97, b: 0.94 };

/** A one-page PDF with a drawn layout (pdf-lib's standard fonts carry no Chinese, so the labels are Latin). */
export async function examplePdf(pageCount = 1): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  for (let i = 0; i < pageCount; i++) {
    const page = doc.addPage([595, 842]);
    page.drawRectangle({ x: 0, y: 0, width: 595, height: 842, color: rgb(PAPER.r, PAPER.g, PAPER.b) });
    page.drawText(`CAIXIN BAO  ${i + 1}`, { x: 40, y: 790, size: 28, font, color: rgb(0.78, 0.09, 0.11) });
    page.drawRectangle({ x: 30, y: 463, width: 535, height: 295, borderColor: rgb(0.1, 0.1, 0.1), borderWidth: 1 });
    page.drawRectangle({ x: 30, y: 84, width: 535, height: 337, borderColor: rgb(0.1, 0.1, 0.1), borderWidth: 1 });
  }
  return Buffer.from(await doc.save());
}

export async function examplePng(width = 700, height = 990): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fbf8f1"/><rect x="70" y="99" width="350" height="396" fill="none" stroke="#222" stroke-width="3"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function exampleJpeg(width = 640, height = 427): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 140 } } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

let binaries: Promise<{ pdf: Buffer; png: Buffer; jpeg: Buffer }> | null = null;

/** The example's manifest and files (issue.json not among them: see `packageFiles`). */
export async function examplePackage(options: ExampleOptions = {}): Promise<ExamplePackage> {
  binaries ??= Promise.all([examplePdf(), examplePng(), exampleJpeg()]).then(([pdf, png, jpeg]) => ({ pdf, png, jpeg }));
  const { pdf, png, jpeg } = await binaries;
  const files = new Map<string, Buffer>([
    ["pages/1.pdf", pdf],
    ["pages/2.png", png],
    ["photos/port.jpg", jpeg],
    ["articles/commentary.md", Buffer.from("外贸企业面对的难题,往往在细处。\n\n## 一、通关\n\n- 单证再简化\n- 查验再提速\n\n把服务做到细处,稳外贸才有底气。\n", "utf8")],
  ]);
  return { manifest: exampleManifest(options), files };
}

/** Manifest + files as the package's path → bytes map. `manifest` may be any value (tests write broken ones). */
export function packageFiles(manifest: unknown, files: Map<string, Buffer>): Map<string, Buffer> {
  const json = typeof manifest === "string" ? manifest : JSON.stringify(manifest, null, 2);
  return new Map([[MANIFEST, Buffer.from(json, "utf8")], ...files]);
}

export function zipPackage(files: Map<string, Buffer>): Buffer {
  return Buffer.from(zipSync(Object.fromEntries([...files].map(([name, data]) => [name, new Uint8Array(data)]))));
}

export async function writePackageFolder(dir: string, files: Map<string, Buffer>): Promise<void> {
  for (const [name, data] of files) {
    const target = path.join(dir, name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, data);
  }
}

/** The example as a .zip, ready to upload or import. */
export async function exampleZip(options: ExampleOptions = {}): Promise<Buffer> {
  const { manifest, files } = await examplePackage(options);
  return zipPackage(packageFiles(manifest, files));
}
