import "server-only";
import sharp from "sharp";
import { escapeXml, headlineLines, n, textWidth, wrapText } from "@/lib/svg-text";

/**
 * The card shown when an article or issue is shared (WeChat, Weibo, X, …):
 * the paper's name, the headline and the date, 1200×630. Drawn as SVG and
 * rasterised by sharp (librsvg finds the system's CJK font through
 * fontconfig), because satori cannot read the .ttc collection Chinese fonts
 * ship as, and a multi-megabyte font file has no place in the bundle.
 *
 * Only public text goes in: headline, kicker, date, page. Never a body.
 */

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

export type ShareCard = {
  paperName: string;
  /** The headline, or the title. */
  title: string;
  /** A short line above the title (引题 or 栏目), in red. */
  kicker?: string | null;
  /** The small word beside the paper's name: 数字报, e-edition. */
  label: string;
  /** Date and issue line, e.g. "2026年4月30日 星期四 · 总第1253期 · 第1版 要闻". */
  dateLine: string;
  /** The site's host, printed small at the bottom. */
  host?: string;
};

const RED = "#c8161d";
const INK = "#1d1d1b";
const PAPER = "#faf7f0";
const SANS = "'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Zen Hei','PingFang SC','Microsoft YaHei',sans-serif";
const SERIF = "'Noto Serif CJK SC','Source Han Serif SC','WenQuanYi Zen Hei','Songti SC',serif";

const MAX_TITLE_LINES = 3;

/** At most `max` lines; the last one ends with an ellipsis when the title goes on. */
function clampLines(lines: string[], max: number, maxEm: number): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = kept[max - 1]!;
  while (last.length > 1 && textWidth(last) + 1 > maxEm) last = [...last].slice(0, -1).join("");
  kept[max - 1] = `${last}…`;
  return kept;
}

export function shareCardSvg(card: ShareCard): string {
  const { width: W, height: H } = SHARE_IMAGE_SIZE;
  const margin = 72;
  const textWidthPx = W - margin * 2;
  const titleSize = textWidth(card.title) > 36 ? 54 : 64;
  const maxEm = textWidthPx / titleSize;
  const lines = clampLines(headlineLines(card.title, maxEm).flatMap((l) => (textWidth(l) > maxEm ? wrapText(l, maxEm) : [l])), MAX_TITLE_LINES, maxEm);
  const kicker = card.kicker ? clampLines(wrapText(card.kicker, textWidthPx / 30), 1, textWidthPx / 30)[0] : null;

  const lineHeight = titleSize * 1.3;
  const blockHeight = (kicker ? 52 : 0) + lines.length * lineHeight;
  // The headline block sits in the middle band between masthead and footer.
  let y = 200 + Math.max(0, (300 - blockHeight) / 2);
  const out: string[] = [
    `<rect width="${W}" height="${H}" fill="${PAPER}"/>`,
    `<rect width="${W}" height="14" fill="${RED}"/>`,
    `<text x="${margin}" y="112" font-size="72" font-weight="700" fill="${RED}" font-family="${SERIF}">${escapeXml(card.paperName)}</text>`,
    `<text x="${W - margin}" y="108" font-size="26" text-anchor="end" fill="${INK}" font-family="${SANS}">${escapeXml(card.label)}</text>`,
    `<rect x="${margin}" y="146" width="${textWidthPx}" height="3" fill="${RED}"/>`,
  ];
  if (kicker) {
    y += 30;
    out.push(`<text x="${margin}" y="${n(y)}" font-size="30" font-weight="700" fill="${RED}" font-family="${SANS}">${escapeXml(kicker)}</text>`);
    y += 22;
  }
  for (const line of lines) {
    y += lineHeight;
    out.push(`<text x="${margin}" y="${n(y - lineHeight * 0.22)}" font-size="${titleSize}" font-weight="700" fill="${INK}" font-family="${SERIF}">${escapeXml(line)}</text>`);
  }
  out.push(
    `<rect x="${margin}" y="${H - 104}" width="${textWidthPx}" height="1.5" fill="${INK}" opacity="0.35"/>`,
    `<text x="${margin}" y="${H - 52}" font-size="28" fill="${INK}" font-family="${SANS}">${escapeXml(card.dateLine)}</text>`,
  );
  if (card.host) out.push(`<text x="${W - margin}" y="${H - 52}" font-size="24" text-anchor="end" fill="#6b6b66" font-family="${SANS}">${escapeXml(card.host)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${out.join("")}</svg>`;
}

export async function shareImagePng(card: ShareCard): Promise<Buffer> {
  return sharp(Buffer.from(shareCardSvg(card))).png({ compressionLevel: 9 }).toBuffer();
}

/** The PNG as a response that browsers and CDNs may keep: the card of a published article hardly changes. */
export function shareImageResponse(png: Buffer): Response {
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Length": String(png.byteLength),
      "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
