/**
 * Text in generated SVGs: XML escaping and line breaking measured by character
 * width, since Chinese has no spaces to break at.
 */
export const INVALID_XML_CHARS = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for element content and attribute values, dropping characters XML cannot carry at all. */
export function escapeXml(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export const n = (v: number) => String(Math.round(v * 10) / 10);

/** Advance width in em. Chinese has no spaces, so wrapping is by measured characters, not words. */
export function charWidth(ch: string): number {
  if (ch === " ") return 0.3;
  const code = ch.codePointAt(0)!;
  if (code < 0x7f) return /[A-Z0-9]/.test(ch) ? 0.62 : 0.52;
  // Curly quotes, middle dot and dashes are full-width in CJK fonts.
  return 1;
}

export const textWidth = (s: string) => [...s].reduce((sum, ch) => sum + charWidth(ch), 0);

/** Characters that must not start a line (they hang at the end of the previous one). */
export const NO_LINE_START = new Set([..."，。、；：！？）》」』】〕”’,.;:!?)]%…—·"]);
/** Characters that must not end a line. */
export const NO_LINE_END = new Set([..."（《「『【〔“‘(["]);

/** Greedy line breaking by width (in em), keeping Latin words and numbers whole. */
export function wrapText(text: string, maxEm: number): string[] {
  const tokens = text.match(/[A-Za-z0-9]+|[\s\S]/gu) ?? [];
  const lines: string[] = [];
  let line: string[] = [];
  let width = 0;
  for (const token of tokens) {
    const w = textWidth(token);
    if (width + w > maxEm && line.length > 0 && !NO_LINE_START.has(token)) {
      const carried: string[] = [];
      while (line.length > 1 && NO_LINE_END.has(line[line.length - 1]!)) carried.unshift(line.pop()!);
      lines.push(line.join("").trimEnd());
      line = carried;
      width = textWidth(carried.join(""));
      if (token === " ") continue;
    }
    line.push(token);
    width += w;
  }
  if (line.length) lines.push(line.join("").trimEnd());
  return lines;
}

/** Headline lines: break at the spaces papers use between phrases, else balance the lines. */
export function headlineLines(title: string, maxEm: number): string[] {
  const parts = title.split(/\s+/).filter(Boolean);
  if (parts.length > 1 && parts.every((p) => textWidth(p) <= maxEm) && textWidth(title) > maxEm) return parts;
  const count = Math.ceil(textWidth(title) / maxEm);
  if (count <= 1) return [title];
  return wrapText(title, Math.min(maxEm, Math.ceil(textWidth(title) / count) + 0.5));
}

export function textEl(x: number, y: number, size: number, content: string, attrs = ""): string {
  return `<text x="${n(x)}" y="${n(y)}" font-size="${n(size)}"${attrs ? " " + attrs : ""}>${escapeXml(content)}</text>`;
}

/** Ray casting: whether a point lies inside a polygon (pixel coordinates). */
export function insidePolygon(x: number, y: number, polygon: readonly (readonly [number, number])[]): boolean {
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** Small deterministic PRNG so identical input gives byte-identical images. */
export function prng(seedText: string): () => number {
  let h = 2166136261;
  for (const ch of seedText) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}
