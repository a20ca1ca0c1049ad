import { describe, expect, it } from "vitest";
import { customLandingHtml, defaultLandingHtml, esc, friendlyPageHtml, landingLocale, safeHref, type LandingContext } from "./landing-html";

const ctx: LandingContext = {
  paper: { name: "财信报", slogan: null, hotline: "(0471) 3122969" },
  latest: null,
  nextIssueDate: "2026-12-03",
  inApp: null,
  subscribeHref: "/subscribe",
};

describe("landing HTML: zero-JS pages with inert staff text", () => {
  it("escapes everything that could open a tag or leave an attribute", () => {
    expect(esc(`<script>"x" & 'y'</script>`)).toBe("&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;");
  });

  it.each([
    ["/subscribe?promo=A", "/subscribe?promo=A"],
    ["https://example.com/a b", "https://example.com/a%20b"],
    ["javascript:alert(1)", null],
    ["JaVaScRiPt:alert(1)", null],
    ["data:text/html,<script>", null],
    ["//evil.example/", null],
    ["/\\evil.example/", null],
    ["http://example.com/", null],
    ["https://user:pw@example.com/", null],
    ["/a\nb", null],
    ["", null],
  ])("only same-site paths and https URLs are links: %s", (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });

  it("keeps a landing text with <script> inert, in attributes as in text", () => {
    const html = customLandingHtml(ctx, { title: `"><script>alert(1)</script>`, text: "<script>alert(2)</script>", ctaLabel: `"onmouseover="x`, ctaHref: `/" onclick="alert(3)` }, null);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\sonclick=|\sonmouseover=/i);
    expect(html).toContain("<title>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; · 财信报</title>");
    expect(html).toContain('<a class="cta" href="/subscribe">&quot;onmouseover=&quot;x</a>');
  });

  it("gives the friendly page the paper, home, the next issue and the subscription even with no issue yet", () => {
    const html = friendlyPageHtml(ctx, "unknown");
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("未找到这个二维码");
    expect(html).toContain('<a href="/">返回首页 Home</a>');
    expect(html).toContain("下期出版:2026年12月3日 星期四");
    expect(html).toContain('<a class="cta" href="/subscribe">');
    expect(html).not.toMatch(/<script/i);
  });

  it.each([
    ["wechat", "您正在微信内浏览"],
    ["alipay", "您正在支付宝内浏览"],
    ["qq", "您正在QQ内浏览"],
    ["weibo", "您正在微博内浏览"],
    ["other", "您正在应用内浏览"],
  ] as const)("tells an in-app (%s) visitor to open the system browser", (inApp, text) => {
    const html = friendlyPageHtml({ ...ctx, inApp }, "unknown");
    expect(html).toContain(text);
    expect(html).toContain("点击右上角 ··· 选择「在浏览器打开」");
  });

  it("speaks the visitor's language, from the language cookie", () => {
    expect(landingLocale(null)).toBe("zh-CN");
    expect(landingLocale("a=1; cxb_locale=en; b=2")).toBe("en");
    expect(landingLocale("cxb_locale=fr")).toBe("zh-CN");
    const html = friendlyPageHtml({ ...ctx, locale: "en", inApp: "wechat" }, "unknown");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<h1>QR code not found</h1>");
    expect(html).toContain("Next issue: Thursday 3 December 2026");
    expect(html).toContain("<strong>You are browsing inside WeChat.</strong> Files cannot be downloaded here");
    expect(defaultLandingHtml({ ...ctx, locale: "en" })).toContain("<h1>Welcome to the 财信报 e-edition</h1>");
    expect(html).not.toMatch(/首页|今日报纸|浏览/);
  });
});
