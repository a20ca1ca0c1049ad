import { describe, expect, it } from "vitest";
import { toArticleView } from "./article-view";
import type { ArticleRecord } from "./editions";

let version = 0;
const record = (access: "free" | "subscribers", body = "第一段。\n\n## 第二段,订阅内容。\n\n第三段。"): ArticleRecord =>
  ({
    id: 1,
    access,
    title: "标题",
    body,
    images: [{ id: 9, fileKey: "images/x.svg" }],
    createdAt: new Date(),
    updatedAt: new Date(++version),
  }) as unknown as ArticleRecord;

describe("article view", () => {
  it("gives readers without access exactly the first block, and no photos", () => {
    const view = toArticleView(record("subscribers"), false);
    expect(view.blocks).toEqual(["<p>第一段。</p>"]);
    expect(view.summary).toBe("第一段。");
    expect(view.images).toEqual([]);
    expect(view.complete).toBe(false);
    expect(JSON.stringify(view)).not.toContain("订阅内容");
  });

  it("gives subscribers and free articles everything", () => {
    expect(toArticleView(record("subscribers"), true).blocks).toEqual(["<p>第一段。</p>", "<h2>第二段,订阅内容。</h2>", "<p>第三段。</p>"]);
    const free = toArticleView(record("free"), false);
    expect(free.complete).toBe(true);
    expect(free.blocks).toHaveLength(3);
  });

  it("joins lines broken inside a Chinese paragraph", () => {
    expect(toArticleView(record("free", "新一代\n智能终端\n\n下一段"), false).blocks).toEqual(["<p>新一代智能终端</p>", "<p>下一段</p>"]);
  });

  it("never lets a teaser carry script, even from a body stored before sanitising on save", () => {
    const view = toArticleView(record("subscribers", '<img src=x onerror=alert(1)>开头<script>alert(1)</script>\n\n订阅内容'), false);
    expect(view.blocks).toEqual(["<p>开头</p>"]);
  });
});
