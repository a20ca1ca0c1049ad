import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { articles, images, issues, pages } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { anyIssuePage, previewArticle, previewContents, previewImage } from "./issue-preview";

describe("issue-preview: staff reads of issues in any status", () => {
  let db: Db;
  let drop: () => Promise<void>;
  const ids = { draft: 0, published: 0, gated: 0, otherArticle: 0, photo: 0 };

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    const [draft] = await db.insert(issues).values({ date: "2026-05-07", number: 1254, pageCount: 2, status: "draft" }).returning();
    const [published] = await db.insert(issues).values({ date: "2026-04-30", number: 1253, pageCount: 1, status: "published" }).returning();
    ids.draft = draft!.id;
    ids.published = published!.id;
    const [p1, p2] = await db
      .insert(pages)
      .values([
        { issueId: ids.draft, number: 1, name: "要闻", imageKey: "d/1.png", imageWidth: 1000, imageHeight: 1414 },
        { issueId: ids.draft, number: 2, name: "综合" },
      ])
      .returning();
    const [op] = await db.insert(pages).values({ issueId: ids.published, number: 1, name: "要闻" }).returning();
    const [gated] = await db
      .insert(articles)
      .values({ issueId: ids.draft, pageId: p2!.id, title: "未出版的订阅文章", body: "第一段。\n\n第二段只给订阅读者。", access: "subscribers" })
      .returning();
    ids.gated = gated!.id;
    await db.insert(articles).values({ issueId: ids.draft, pageId: p1!.id, title: "头条", body: "正文", position: 0 });
    const [other] = await db.insert(articles).values({ issueId: ids.published, pageId: op!.id, title: "已出版", body: "正文" }).returning();
    ids.otherArticle = other!.id;
    const [photo] = await db.insert(images).values({ articleId: ids.gated, fileKey: "d/photo.jpg" }).returning();
    ids.photo = photo!.id;
  });
  afterAll(async () => drop());

  it("loads a draft's pages with their articles in order, and any page of it", async () => {
    const contents = await previewContents(ids.draft);
    expect(contents.map((p) => [p.number, p.articles.map((a) => a.title)])).toEqual([
      [1, ["头条"]],
      [2, ["未出版的订阅文章"]],
    ]);
    expect(await anyIssuePage(ids.draft, 2)).toMatchObject({ issue: { status: "draft" }, page: { name: "综合", imageKey: null } });
    expect(await anyIssuePage(ids.draft, 3)).toBeNull();
  });

  it("gives the whole article, as a subscriber would read it, only within its own issue", async () => {
    const article = await previewArticle(ids.draft, ids.gated);
    expect(article).toMatchObject({ title: "未出版的订阅文章", complete: true, issue: { status: "draft" }, page: { number: 2 } });
    expect(article!.blocks.join("")).toContain("第二段只给订阅读者");
    expect(article!.images.map((i) => i.id)).toEqual([ids.photo]);
    expect(await previewArticle(ids.draft, ids.otherArticle)).toBeNull();
    expect(await previewArticle(ids.published, ids.gated)).toBeNull();
  });

  it("finds a photo only through the issue its article belongs to", async () => {
    expect(await previewImage(ids.draft, ids.photo)).toMatchObject({ fileKey: "d/photo.jpg" });
    expect(await previewImage(ids.published, ids.photo)).toBeNull();
  });
});
