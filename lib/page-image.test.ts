import { describe, expect, it } from "vitest";
import { escapeXml, pageImageSvg, photoPlaceholderSvg, wrapText, type PageImageInput } from "./page-image";

/**
 * A small well-formedness check (no XML parser in the dependencies): every tag
 * closes in order, attribute values are quoted, and every "&" starts an entity.
 */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    expect(text).not.toMatch(/>/);
    expect(text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, "")).not.toContain("&");
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    if (!m) throw new Error(`Malformed tag at ${lt}: ${xml.slice(lt, lt + 80)}`);
    const [, closing, name, attrs, selfClosing] = m;
    expect(attrs!.replace(/"[^"]*"/g, "")).not.toMatch(/[<&]/);
    for (const value of attrs!.match(/"[^"]*"/g) ?? []) {
      expect(value.replace(/&(amp|lt|gt|quot|apos);/g, "")).not.toContain("&");
    }
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name!);
    i = lt + m[0].length;
  }
  expect(stack).toEqual([]);
}

const rect = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

const base: PageImageInput = {
  publicationName: "财信报",
  date: "2026-04-30",
  issueNumber: 1253,
  pageNumber: 2,
  pageName: "综合新闻",
  isFront: false,
  blocks: [],
};

describe("pageImageSvg", () => {
  it("draws each block at exactly its hot zone, scaled to the image size", () => {
    const svg = pageImageSvg({
      ...base,
      blocks: [
        { title: "甲", zone: rect(0.1, 0.2, 0.5, 0.6) },
        { title: "乙", zone: [[0.5, 0.6], [0.9, 0.6], [0.9, 0.9], [0.7, 0.95]] },
      ],
    });
    expect(svg).toContain('<polygon points="100,282.8 500,282.8 500,848.4 100,848.4"');
    expect(svg).toContain('<polygon points="500,848.4 900,848.4 900,1272.6 700,1343.3"');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1000" height="1414"/);
    assertWellFormed(svg);
  });

  it("prints the running header of an inside page", () => {
    const svg = pageImageSvg(base);
    for (const text of ["财信报", "2026年4月30日 星期四", "第2版", "综合新闻"]) expect(svg).toContain(text);
  });

  it("prints the masthead with the QR-style box on the front page", () => {
    const svg = pageImageSvg({
      ...base,
      pageNumber: 1,
      pageName: "要闻",
      isFront: true,
      masthead: { slogan: "Attractable · Learnable · Available 好看 · 好学 · 好用", cnNumber: "CN 15-0042", hotline: "(0471) 3122969", pageCount: 8 },
    });
    for (const text of ["好看 · 好学 · 好用", "CN 15-0042", "总第1253期", "今日8版", "扫码关注本报网站", "(0471) 3122969"]) {
      expect(svg).toContain(text);
    }
    assertWellFormed(svg);
  });

  it("marks sample blocks and draws a photo placeholder when asked", () => {
    const plain = pageImageSvg({ ...base, blocks: [{ title: "真实", zone: rect(0, 0.1, 1, 0.5) }] });
    const sample = pageImageSvg({ ...base, blocks: [{ title: "示例", zone: rect(0, 0.1, 1, 0.5), isSample: true, hasPhoto: true }] });
    expect(plain).not.toContain("SAMPLE");
    expect(sample).toContain("示例内容 SAMPLE");
    expect(sample.match(/<circle/g)?.length).toBeGreaterThan(plain.match(/<circle/g)?.length ?? 0);
  });

  it("escapes hostile text everywhere and stays well-formed", () => {
    const evil = `<script>alert("x")</script> & 'quotes' ]]> \u0001`;
    const svg = pageImageSvg({
      ...base,
      publicationName: evil,
      pageName: evil,
      editor: evil,
      isFront: true,
      masthead: { slogan: evil, cnNumber: evil, sponsor: evil, publisher: evil, hotline: evil, qrLabel: evil },
      blocks: [{ title: evil, kicker: evil, subtitle: evil, byline: evil, text: evil, zone: rect(0.1, 0.2, 0.9, 0.9), isSample: true }],
    });
    expect(svg).not.toContain("<script");
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain("&quot;x&quot;");
    expect(svg).toContain("&amp;");
    expect(svg).not.toContain("\u0001");
    assertWellFormed(svg);
  });

  it("has no external references or scripts", () => {
    const svg = pageImageSvg({ ...base, blocks: [{ title: "甲", zone: rect(0.1, 0.2, 0.5, 0.6), hasPhoto: true }] });
    expect(svg).not.toMatch(/href|<script|<image|<foreignObject|url\((?!#)/i);
  });

  it("is deterministic", () => {
    const input = { ...base, blocks: [{ title: "甲", zone: rect(0.1, 0.2, 0.5, 0.6), isSample: true }] };
    expect(pageImageSvg(input)).toBe(pageImageSvg(input));
  });
});

describe("wrapText", () => {
  it("breaks Chinese by width and never starts a line with closing punctuation", () => {
    const lines = wrapText("一二三四五,六七八九十。", 5);
    expect(lines[0]).toBe("一二三四五,");
    expect(lines.every((l) => !/^[,。]/.test(l))).toBe(true);
    expect(lines.join("")).toBe("一二三四五,六七八九十。");
  });

  it("keeps Latin words and numbers whole", () => {
    expect(wrapText("年份2026年", 4)).toEqual(["年份", "2026年"]);
  });
});

describe("escapeXml", () => {
  it("escapes the five XML specials", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });
});

describe("photoPlaceholderSvg", () => {
  it("is a self-contained, labelled, well-formed illustration", () => {
    const svg = photoPlaceholderSvg({ width: 800, height: 533, label: "示意图 <“五一”> & 旅游" });
    expect(svg).toContain('width="800" height="533"');
    expect(svg).toContain("示意图 &lt;“五一”&gt; &amp; 旅游");
    expect(svg).not.toMatch(/href|<script|<image/i);
    assertWellFormed(svg);
  });
});
