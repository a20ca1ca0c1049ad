import { describe, expect, it } from "vitest";
import { htmlBlockToPlainText, markdownToPlainText, renderBodyBlocks, renderedArticleBody, sanitizeBodyHtml, sanitizeMarkdownSource } from "./article-body";

const ATTACKS = {
  script: "<script>alert(1)</script>",
  img: "<img src=x onerror=alert(1)>",
  jsLink: "[点我](javascript:alert(1))",
  iframe: '<iframe src="https://evil.example/"></iframe>',
  svg: "<svg onload=alert(1)><circle r=1></circle></svg>",
  encodedLink: "[点我](java&#x09;script:alert(1))",
  refLink: "[点我][evil]\n\n[evil]: javascript:alert(1)",
  dataLink: "[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  image: "![x](https://evil.example/x.png)",
  htmlLink: '<a href="javascript:alert(1)">点我</a>',
  nested: "<scr<script>ipt>alert(1)</script>",
  styled: '<p style="background:url(javascript:alert(1))" class="x">样式</p>',
};

/** Anything a browser would run, or load, from a body. */
const EXECUTABLE = /<script|<img|<iframe|<svg|<object|<embed|\son\w+\s*=|javascript:|vbscript:|data:|style=|class=/i;

describe("article bodies: Markdown, sanitised on save and on render", () => {
  for (const [name, attack] of Object.entries(ATTACKS)) {
    it(`neutralises ${name} in the stored source and in the rendered HTML`, () => {
      const body = `第一段。\n\n${attack}\n\n最后一段。`;
      const stored = sanitizeMarkdownSource(body);
      expect(stored).not.toMatch(EXECUTABLE);
      expect(stored).toContain("第一段。");
      expect(stored).toContain("最后一段。");
      // Stored source rendered by us, and the raw source rendered by us (say, a body written before this check).
      for (const html of [...renderBodyBlocks(stored), ...renderBodyBlocks(body)]) expect(html).not.toMatch(EXECUTABLE);
      // Rendered directly as HTML by another tool, the stored source is inert too.
      expect(sanitizeBodyHtml(stored)).not.toMatch(EXECUTABLE);
    });
  }

  it("keeps link text when the link goes, and keeps safe links with rel=nofollow noopener", () => {
    const [unsafe] = renderBodyBlocks("[点我](javascript:alert(1))");
    expect(unsafe).toBe("<p>点我</p>");
    const [safe] = renderBodyBlocks("见[本报网站](https://example.com/a?x=1&y=2)与[来信](mailto:desk@example.com)。");
    expect(safe).toBe(
      '<p>见<a href="https://example.com/a?x=1&amp;y=2" rel="nofollow noopener">本报网站</a>与<a href="mailto:desk@example.com" rel="nofollow noopener">来信</a>。</p>',
    );
    expect(renderBodyBlocks("[相对](/issues/2026-04-30) [协议相对](//evil.example)")).toEqual(["<p>相对 协议相对</p>"]);
  });

  it("renders normal Markdown: headings, lists, bold, quotes, rules", () => {
    const body = "# 大标题\n\n## 小标题\n\n**加粗**与*强调*\n\n- 甲\n- 乙\n\n1. 一\n2. 二\n\n> 引文\n\n---\n\n###### 六级";
    expect(renderBodyBlocks(body)).toEqual([
      "<h2>大标题</h2>",
      "<h2>小标题</h2>",
      "<p><strong>加粗</strong>与<em>强调</em></p>",
      "<ul>\n<li>甲</li>\n<li>乙</li>\n</ul>",
      "<ol>\n<li>一</li>\n<li>二</li>\n</ol>",
      "<blockquote>\n<p>引文</p>\n</blockquote>",
      "<hr />",
      "<h4>六级</h4>",
    ]);
  });

  it("keeps old plain-paragraph bodies rendering as before: one <p> per paragraph, Chinese line breaks joined", () => {
    const body = "4月23日,新一代\n智能终端发布。\n\nAI and\nrobots 进入千行百业。\n\n财信报社";
    expect(renderBodyBlocks(body)).toEqual(["<p>4月23日,新一代智能终端发布。</p>", "<p>AI and\nrobots 进入千行百业。</p>", "<p>财信报社</p>"]);
  });

  it("stores the Markdown the author typed, minus HTML", () => {
    const body = "## 标题\n\n> 引文 R&D 与 a < b\n\n见 <https://example.com/x> 与 [链接](https://example.com)\n\n正文<b>加粗</b>。";
    const stored = sanitizeMarkdownSource(body);
    expect(stored).toBe("## 标题\n\n> 引文 R&D 与 a < b\n\n见 https://example.com/x 与 [链接](https://example.com)\n\n正文加粗。");
    expect(sanitizeMarkdownSource(stored)).toBe(stored);
    expect(renderBodyBlocks(stored)[2]).toContain('<a href="https://example.com/x" rel="nofollow noopener">');
  });

  it("drops blocks that were only HTML and shows tables and code as plain paragraphs", () => {
    expect(renderBodyBlocks("甲\n\n<svg onload=alert(1)></svg>\n\n![x](https://e.x/x.png)\n\n乙")).toEqual(["<p>甲</p>", "<p>乙</p>"]);
    expect(renderBodyBlocks("| 项目 | 数 |\n|---|---|\n| <b>甲</b> | 1 |")).toEqual(["<p>项目 数<br />甲 1</p>"]);
    expect(renderBodyBlocks("```\n<script>x</script>\n```")).toEqual(["<p>&lt;script&gt;x&lt;/script&gt;</p>"]);
  });

  it("gives plain text for snippets", () => {
    expect(markdownToPlainText("## 标题\n\n**加粗**与[链接](https://e.x) R&amp;D\n\n<script>alert(1)</script>\n\n- 甲\n- 乙")).toBe("标题\n\n加粗与链接 R&D\n\n甲\n乙");
    expect(htmlBlockToPlainText("<p>甲 &amp; <strong>乙</strong></p>")).toBe("甲 & 乙");
  });

  it("memoises per article version and renders again when updatedAt changes", () => {
    const first = renderedArticleBody({ id: 1, updatedAt: new Date(1), body: "**甲** &amp; 乙\n\n丙" });
    expect(first).toEqual({ blocks: ["<p><strong>甲</strong> &amp; 乙</p>", "<p>丙</p>"], summary: "甲 & 乙" });
    expect(renderedArticleBody({ id: 1, updatedAt: new Date(1), body: "甲\n\n乙" })).toBe(first);
    expect(renderedArticleBody({ id: 1, updatedAt: new Date(2), body: "丁" }).blocks).toEqual(["<p>丁</p>"]);
  });
});
