import { describe, expect, it } from "vitest";
import { splitParagraphs, toArticleView } from "./article-view";
import type { ArticleRecord } from "./editions";

const record = (access: "free" | "subscribers"): ArticleRecord =>
  ({
    id: 1,
    access,
    title: "标题",
    body: "第一段。\n\n第二段,订阅内容。\n\n第三段。",
    images: [{ id: 9, fileKey: "images/x.svg" }],
    createdAt: new Date(),
  }) as unknown as ArticleRecord;

describe("article view", () => {
  it("gives readers without access the first paragraph only, and no photos", () => {
    const view = toArticleView(record("subscribers"), false);
    expect(view.paragraphs).toEqual(["第一段。"]);
    expect(view.images).toEqual([]);
    expect(view.complete).toBe(false);
    expect(JSON.stringify(view)).not.toContain("订阅内容");
  });

  it("gives subscribers and free articles everything", () => {
    expect(toArticleView(record("subscribers"), true).paragraphs).toHaveLength(3);
    expect(toArticleView(record("free"), false).complete).toBe(true);
  });

  it("joins lines broken inside a paragraph", () => {
    expect(splitParagraphs("新一代\n智能终端\n\n下一段")).toEqual(["新一代智能终端", "下一段"]);
  });
});
