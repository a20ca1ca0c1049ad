import { chineseDate, chineseWeekday, type IsoDate } from "@/lib/dates";
import { escapeXml, headlineLines, insidePolygon, n, prng, textEl, textWidth, wrapText } from "./svg-text";

/**
 * Generated page images: an SVG "facsimile" of a newspaper page drawn from its
 * articles, used where no scan of the printed page exists (the demo issues).
 * Each article block is drawn at exactly its hot-zone polygon so the clickable
 * regions line up with what the reader sees. Pure string building: no DOM, no
 * fonts loaded, no external references, so the output is safe to serve as-is.
 *
 * The image is shown to every visitor, so callers must only pass public text
 * (`PageBlock.text`): a free article's body or a gated article's teaser.
 */

export const PAGE_IMAGE_WIDTH = 1000;
export const PAGE_IMAGE_HEIGHT = 1414;
/** Page-relative height taken by the front-page masthead; article zones start below it. */
export const MASTHEAD_BOTTOM = 0.155;
/** Page-relative height of the running header on inside pages. */
export const HEADER_BOTTOM = 0.056;

export type Point = [number, number];

export type PageBlock = {
  title: string;
  kicker?: string;
  subtitle?: string;
  /** Source and author line, e.g. "本报讯 记者 李娜". */
  byline?: string;
  /** Polygon in page-relative coordinates, 0..1. */
  zone: Point[];
  hasPhoto?: boolean;
  isSample?: boolean;
  /** Public text printed in the block. Never pass gated text: the image is public. */
  text?: string;
  /** The text is the whole article: no filler lines after it. */
  textIsComplete?: boolean;
  /** Draw a ruled frame, as papers do for notices. */
  boxed?: boolean;
};

export type Masthead = {
  slogan: string;
  cnNumber: string;
  sponsor?: string;
  publisher?: string;
  hotline?: string;
  pageCount?: number;
  /** Caption of the QR-style box in the masthead. */
  qrLabel?: string;
};

export type PageImageInput = {
  publicationName: string;
  date: IsoDate;
  issueNumber: number;
  pageNumber: number;
  pageName: string;
  isFront: boolean;
  masthead?: Masthead;
  editor?: string;
  blocks: PageBlock[];
  width?: number;
  height?: number;
};

const SERIF = "'Noto Serif CJK SC', 'Songti SC', 'SimSun', serif";
const SANS = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
const RED = "#c8161d";
const INK = "#1d1d1b";
const PAPER = "#fbf8f1";
const GREY_TEXT = "#c9c4b8";

export { escapeXml, wrapText } from "./svg-text";
export { photoPlaceholderSvg } from "./photo-placeholder";

// ── page furniture ──

function insideHeader(input: PageImageInput, W: number, H: number, s: number): string {
  const y = HEADER_BOTTOM * H;
  const date = `${chineseDate(input.date)} ${chineseWeekday(input.date)}`;
  const label = `第${input.pageNumber}版`;
  return [
    `<rect x="${n(30 * s)}" y="${n(y - 52 * s)}" width="${n(86 * s)}" height="${n(38 * s)}" fill="${RED}"/>`,
    textEl(73 * s, y - 25 * s, 22 * s, label, `fill="#fff" font-weight="700" text-anchor="middle" font-family="${SANS}"`),
    textEl(130 * s, y - 23 * s, 28 * s, input.pageName, `fill="${INK}" font-weight="700"`),
    textEl(W / 2, y - 24 * s, 24 * s, input.publicationName, `fill="${RED}" font-weight="700" text-anchor="middle"`),
    textEl(W - 30 * s, y - 24 * s, 16 * s, date, `fill="${INK}" text-anchor="end" font-family="${SANS}"`),
    `<rect x="${n(30 * s)}" y="${n(y - 6 * s)}" width="${n(W - 60 * s)}" height="${n(3 * s)}" fill="${RED}"/>`,
    `<rect x="${n(30 * s)}" y="${n(y)}" width="${n(W - 60 * s)}" height="${n(1 * s)}" fill="${RED}"/>`,
  ].join("");
}

/** A decorative QR-like box. It encodes nothing: the real code would point at the site and belongs to the print layout. */
function qrBox(x: number, y: number, size: number, seed: string): string {
  const modules = 25;
  const m = size / modules;
  const rand = prng(seed);
  const finder = (r: number, c: number) => {
    const inBox = (r0: number, c0: number) => r >= r0 && r < r0 + 7 && c >= c0 && c < c0 + 7;
    for (const [r0, c0] of [[0, 0], [0, modules - 7], [modules - 7, 0]] as const) {
      if (inBox(r0, c0)) {
        const dr = r - r0, dc = c - c0;
        const ring = Math.min(dr, dc, 6 - dr, 6 - dc);
        return ring !== 1;
      }
    }
    return null;
  };
  let d = "";
  for (let r = 0; r < modules; r++) {
    for (let c = 0; c < modules; c++) {
      const f = finder(r, c);
      const separator = (r === 7 && (c <= 7 || c >= modules - 8)) || (c === 7 && (r <= 7 || r >= modules - 8)) || (c === modules - 8 && r <= 7) || (r === modules - 8 && c <= 7);
      const on = f ?? (!separator && rand() < 0.48);
      if (on) d += `M${n(x + c * m)} ${n(y + r * m)}h${n(m)}v${n(m)}h-${n(m)}z`;
    }
  }
  return `<rect x="${n(x - 4)}" y="${n(y - 4)}" width="${n(size + 8)}" height="${n(size + 8)}" fill="#fff" stroke="${INK}" stroke-width="1"/><path d="${d}" fill="${INK}"/>`;
}

function frontMasthead(input: PageImageInput, W: number, H: number, s: number): string {
  const m = input.masthead;
  const bottom = MASTHEAD_BOTTOM * H;
  const out: string[] = [];
  out.push(textEl(30 * s, 128 * s, 118 * s, input.publicationName, `fill="${RED}" font-weight="900" letter-spacing="${n(6 * s)}"`));
  const nameRight = 30 * s + textWidth(input.publicationName) * 124 * s + 24 * s;
  if (m) {
    const cjkAt = m.slogan.search(/[\u3400-\u9fff]/);
    const sloganLines = cjkAt > 0 ? [m.slogan.slice(0, cjkAt).trim(), m.slogan.slice(cjkAt).trim()] : [m.slogan];
    out.push(textEl(nameRight, 62 * s, 17 * s, sloganLines[0]!, `fill="${INK}" font-style="italic"`));
    if (sloganLines[1]) out.push(textEl(nameRight, 92 * s, 24 * s, sloganLines[1], `fill="${RED}" font-weight="700" letter-spacing="${n(2 * s)}"`));
    const facts = [
      m.sponsor && `主管主办: ${m.sponsor}`,
      m.publisher && `${m.publisher}出版`,
    ].filter(Boolean).join("  ");
    if (facts) out.push(textEl(nameRight, 124 * s, 14 * s, facts, `fill="${INK}" font-family="${SANS}"`));
    out.push(textEl(nameRight, 146 * s, 14 * s, `国内统一连续出版物号: ${m.cnNumber}`, `fill="${INK}" font-family="${SANS}"`));
    const qrSize = 112 * s;
    const qrX = W - 34 * s - qrSize;
    out.push(qrBox(qrX, 22 * s, qrSize, input.publicationName + m.cnNumber));
    out.push(textEl(qrX + qrSize / 2, 158 * s, 12.5 * s, m.qrLabel ?? "扫码关注本报网站", `fill="${INK}" text-anchor="middle" font-family="${SANS}"`));
  }
  const stripTop = 170 * s;
  out.push(`<rect x="${n(30 * s)}" y="${n(stripTop)}" width="${n(W - 60 * s)}" height="${n(2.5 * s)}" fill="${RED}"/>`);
  out.push(`<rect x="${n(30 * s)}" y="${n(bottom - 3 * s)}" width="${n(W - 60 * s)}" height="${n(1 * s)}" fill="${RED}"/>`);
  const stripY = (stripTop + bottom) / 2 + 6 * s;
  const attrs = `fill="${INK}" font-family="${SANS}"`;
  out.push(textEl(34 * s, stripY, 15 * s, `${chineseDate(input.date)} ${chineseWeekday(input.date)}`, attrs + ` font-weight="700"`));
  const pages = m?.pageCount ? `  今日${m.pageCount}版` : "";
  out.push(textEl(W / 2, stripY, 15 * s, `总第${input.issueNumber}期${pages}  第${input.pageNumber}版 ${input.pageName}`, attrs + ` text-anchor="middle"`));
  if (m?.hotline) out.push(textEl(W - 34 * s, stripY, 15 * s, `新闻热线: ${m.hotline}`, attrs + ` text-anchor="end"`));
  return out.join("");
}

function footer(input: PageImageInput, W: number, H: number, s: number): string {
  const y = H - 14 * s;
  const attrs = `fill="#555" font-family="${SANS}"`;
  return [
    `<rect x="${n(30 * s)}" y="${n(y - 18 * s)}" width="${n(W - 60 * s)}" height="${n(0.8 * s)}" fill="#999"/>`,
    input.editor ? textEl(30 * s, y, 12 * s, `责任编辑: ${input.editor}`, attrs) : "",
    textEl(W - 30 * s, y, 12 * s, `${input.publicationName}  ${chineseDate(input.date)}  第${input.pageNumber}版`, attrs + ` text-anchor="end"`),
  ].join("");
}

// ── article blocks ──

function photoIcon(x: number, y: number, w: number, h: number): string {
  const r = Math.min(w, h) * 0.08;
  const mountains = [
    [x + w * 0.08, y + h * 0.88],
    [x + w * 0.36, y + h * 0.45],
    [x + w * 0.54, y + h * 0.7],
    [x + w * 0.7, y + h * 0.52],
    [x + w * 0.92, y + h * 0.88],
  ]
    .map(([px, py]) => `${n(px!)},${n(py!)}`)
    .join(" ");
  return [
    `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="#dcdcdc" stroke="#b5b5b5" stroke-width="1"/>`,
    `<circle cx="${n(x + w * 0.74)}" cy="${n(y + h * 0.28)}" r="${n(r)}" fill="#bdbdbd"/>`,
    `<polygon points="${mountains}" fill="#bdbdbd"/>`,
  ].join("");
}

type Slot = { x: number; y: number; width: number };

/** Text line positions flowing down one column, then the next, as print does. */
function lineSlots(x: number, y: number, w: number, h: number, lineHeight: number, s: number): { slots: Slot[]; columnWidth: number } {
  const gutter = 16 * s;
  const columns = Math.max(1, Math.floor((w + gutter) / (170 * s)));
  const columnWidth = (w - gutter * (columns - 1)) / columns;
  const rows = Math.max(0, Math.floor(h / lineHeight));
  const slots: Slot[] = [];
  for (let c = 0; c < columns; c++) {
    for (let r = 0; r < rows; r++) slots.push({ x: x + c * (columnWidth + gutter), y: y + (r + 1) * lineHeight, width: columnWidth });
  }
  return { slots, columnWidth };
}

const PARAGRAPH_LINES = [6, 4, 8, 5, 3, 7, 5, 9, 4];
const LAST_LINE_RATIO = [0.55, 0.8, 0.35, 0.7, 0.45, 0.9, 0.6];

function blockSvg(block: PageBlock, index: number, W: number, H: number, s: number): string {
  const pts = block.zone.map(([px, py]) => [px * W, py * H] as const);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const bx = Math.min(...xs), by = Math.min(...ys);
  const bw = Math.max(...xs) - bx, bh = Math.max(...ys) - by;
  const pad = 12 * s;
  const x = bx + pad, w = bw - 2 * pad, bottom = by + bh - pad;
  let y = by + pad;
  const polygon = pts.map(([px, py]) => `${n(px)},${n(py)}`).join(" ");
  const clipId = `zone-${index}`;
  const out: string[] = [];

  if (block.kicker) {
    y += 15 * s;
    out.push(textEl(x, y, 15 * s, block.kicker, `fill="${RED}" font-weight="700" font-family="${SANS}"`));
    y += 8 * s;
  }
  if (block.title) {
    const byArea = Math.sqrt(bw * bh) / 14;
    const size = Math.max(20 * s, Math.min(46 * s, byArea));
    for (const line of headlineLines(block.title, w / size).slice(0, 3)) {
      y += size * 1.18;
      out.push(
        block.boxed
          ? textEl(x + w / 2, y, size, line, `fill="${INK}" font-weight="900" text-anchor="middle"`)
          : textEl(x, y, size, line, `fill="${INK}" font-weight="900"`),
      );
    }
    y += 8 * s;
    if (block.subtitle) {
      const sub = Math.max(15 * s, size * 0.52);
      for (const line of wrapText(block.subtitle, w / sub).slice(0, 2)) {
        y += sub * 1.3;
        out.push(textEl(x, y, sub, line, `fill="#444" font-weight="700"`));
      }
      y += 8 * s;
    }
    if (block.byline) {
      y += 16 * s;
      out.push(textEl(x, y, 13 * s, block.byline, `fill="#555" font-family="${SANS}"`));
      y += 8 * s;
    }
  }
  if (block.hasPhoto) {
    let photoH = Math.max(0, Math.min(w * 0.6, (bottom - y) * 0.6));
    // Content is laid out in the bounding box; in an L-shaped zone keep the photo out of the notch.
    while (photoH > 40 * s && !(insidePolygon(x, y + photoH, pts) && insidePolygon(x + w, y + photoH, pts))) photoH *= 0.9;
    out.push(photoIcon(x, y + 4 * s, w, photoH));
    y += photoH + 10 * s;
  }

  const fontSize = 14 * s;
  const lineHeight = 21 * s;
  const laid = lineSlots(x, y, w, bottom - y, lineHeight, s);
  const columnWidth = laid.columnWidth;
  // Skip line positions outside the polygon, so non-rectangular zones fill only their own area.
  const slots = laid.slots.filter((at) => insidePolygon(at.x, at.y - 6 * s, pts) && insidePolygon(at.x + at.width, at.y - 6 * s, pts));
  let slot = 0;
  if (block.text) {
    const paragraphs = block.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    // A notice ends with its signature (落款): short closing lines set flush right.
    let signatureFrom = paragraphs.length;
    while (block.boxed && signatureFrom > 1 && textWidth(paragraphs[signatureFrom - 1]!) <= 12) signatureFrom--;
    for (const [k, paragraph] of paragraphs.entries()) {
      if (k >= signatureFrom) {
        const at = slots[slot++];
        if (at) out.push(textEl(at.x + at.width, at.y - 5 * s, fontSize, paragraph, `fill="${INK}" text-anchor="end"`));
        continue;
      }
      // First line indented two characters, as Chinese body text is.
      const first = wrapText(paragraph, columnWidth / fontSize - 2)[0] ?? "";
      const rest = wrapText(paragraph.slice(first.length).trimStart(), columnWidth / fontSize);
      for (const [i, line] of [first, ...rest].entries()) {
        const at = slots[slot++];
        if (!at) break;
        out.push(textEl(at.x + (i === 0 ? 2 * fontSize : 0), at.y - 5 * s, fontSize, line, `fill="${INK}"`));
      }
    }
  }
  if (!block.textIsComplete) {
    let p = index;
    while (slot < slots.length) {
      const count = PARAGRAPH_LINES[p % PARAGRAPH_LINES.length]!;
      for (let i = 0; i < count && slot < slots.length; i++) {
        const at = slots[slot++]!;
        const indent = i === 0 ? 2 * fontSize : 0;
        const ratio = i === count - 1 ? LAST_LINE_RATIO[p % LAST_LINE_RATIO.length]! : 1;
        out.push(`<rect x="${n(at.x + indent)}" y="${n(at.y - 11 * s)}" width="${n((at.width - indent) * ratio)}" height="${n(6 * s)}" fill="${GREY_TEXT}"/>`);
      }
      p++;
    }
  }

  if (block.isSample) {
    const label = "示例内容 SAMPLE";
    const bw2 = textWidth(label) * 13 * s + 16 * s;
    const cx = bx + bw / 2, cy = by + bh / 2;
    out.push(
      textEl(cx, cy, Math.min(bw, bh) / 5, "示例 SAMPLE", `fill="${RED}" fill-opacity="0.07" font-weight="900" text-anchor="middle" transform="rotate(-24 ${n(cx)} ${n(cy)})" font-family="${SANS}"`),
      `<rect x="${n(bx + bw - pad - bw2)}" y="${n(by + pad - 2 * s)}" width="${n(bw2)}" height="${n(22 * s)}" fill="#fff" stroke="${RED}" stroke-width="${n(1.5 * s)}" rx="${n(3 * s)}"/>`,
      textEl(bx + bw - pad - bw2 / 2, by + pad + 14 * s, 13 * s, label, `fill="${RED}" font-weight="700" text-anchor="middle" font-family="${SANS}"`),
    );
  }

  const frame = block.boxed
    ? `<polygon points="${polygon}" fill="#fff" stroke="${INK}" stroke-width="${n(2 * s)}"/>`
    : `<polygon points="${polygon}" fill="none" stroke="#d6cfbf" stroke-width="${n(1 * s)}"/>`;
  return `<g>${frame}<clipPath id="${clipId}"><polygon points="${polygon}"/></clipPath><g clip-path="url(#${clipId})">${out.join("")}</g></g>`;
}

/** The SVG of one page, deterministic for a given input. */
export function pageImageSvg(input: PageImageInput): string {
  const W = input.width ?? PAGE_IMAGE_WIDTH;
  const H = input.height ?? PAGE_IMAGE_HEIGHT;
  const s = W / PAGE_IMAGE_WIDTH;
  const title = `${input.publicationName} ${chineseDate(input.date)} 第${input.pageNumber}版 ${input.pageName}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${SERIF}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${W}" height="${H}" fill="${PAPER}"/>`,
    input.isFront ? frontMasthead(input, W, H, s) : insideHeader(input, W, H, s),
    ...input.blocks.map((block, i) => blockSvg(block, i, W, H, s)),
    footer(input, W, H, s),
    `</svg>`,
  ].join("\n");
}
