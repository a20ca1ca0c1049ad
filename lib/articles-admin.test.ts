import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { articles, auditLog, images, issues, pages, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { FORBIDDEN } from "./actions";
import { toArticleView } from "./article-view";
import {
  addPhoto,
  articleForEditing,
  createArticle,
  deleteArticle,
  deletePhoto,
  issueArticleOverview,
  moveArticle,
  movePhoto,
  OTHER_ISSUE_PAGE,
  updateArticle,
  updatePhoto,
} from "./articles-admin";
import { articleRecord, publishedImage } from "./editions";
import { getObject, localFolderBackend, setStorageBackend } from "./storage";
import { processImage } from "./uploads/image";

const EXECUTABLE = /<script|<img|<iframe|<svg|\son\w+\s*=|javascript:/i;
const MARKER = "这句只给订阅读者看。";

describe("articles-admin: the 稿件 workflow", () => {
  let db: Db;
  let drop: () => Promise<void>;
  let storageDir: string;
  const actors = { editor: "", admin: "", member: "" };
  let issueId = 0;
  let otherIssueId = 0;
  const pageIds: number[] = [];
  let otherIssuePageId = 0;

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    storageDir = mkdtempSync(path.join(os.tmpdir(), "caixin-articles-"));
    setStorageBackend(localFolderBackend(storageDir));
    const [issue, other] = await db
      .insert(issues)
      .values([
        { date: "2026-04-30", number: 1253, pageCount: 2, status: "published", publishedAt: new Date("2026-04-29T22:00:00Z") },
        { date: "2026-05-07", number: 1254, pageCount: 1, status: "draft" },
      ])
      .returning();
    issueId = issue!.id;
    otherIssueId = other!.id;
    const rows = await db
      .insert(pages)
      .values([
        { issueId, number: 1, name: "要闻" },
        { issueId, number: 2, name: "经济" },
        { issueId: otherIssueId, number: 1, name: "要闻" },
      ])
      .returning();
    pageIds.push(rows[0]!.id, rows[1]!.id);
    otherIssuePageId = rows[2]!.id;
    for (const role of ["editor", "admin", "member"] as const) {
      const [user] = await db.insert(users).values({ email: `${role}@articles.test`, role }).returning();
      actors[role] = user!.id;
    }
  });
  afterAll(async () => {
    setStorageBackend(null);
    await drop();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const counts = async () => ({
    articles: (await db.select().from(articles)).length,
    images: (await db.select().from(images)).length,
    audit: (await db.select().from(auditLog)).length,
  });
  const auditActions = async (entityId: number) =>
    (await db.select().from(auditLog).orderBy(asc(auditLog.id))).filter((a) => a.entityId === String(entityId)).map((a) => a.action);

  const form = (overrides: Record<string, string> = {}) => ({
    pageId: String(pageIds[0]),
    column: "财信时讯",
    kicker: "",
    title: "内蒙古推出知识产权赋能措施",
    subtitle: "精准对接自贸试验区建设",
    byline: "记者 王某",
    source: "财信报",
    access: "subscribers",
    position: "",
    body: `第一段,人人可读。\n\n## 小标题\n\n${MARKER}**加粗**与[链接](https://example.com)。\n\n- 甲\n- 乙`,
    ...overrides,
  });

  let articleId = 0;

  it("creates an article on a page of the issue, at the end of the page, with an audit row", async () => {
    const first = await createArticle(actors.editor, issueId, form());
    expect(first).toMatchObject({ ok: true, article: { issueId, pageId: pageIds[0], position: 0, title: "内蒙古推出知识产权赋能措施", kicker: null } });
    const second = await createArticle(actors.admin, issueId, form({ title: "第二篇", access: "free", body: "正文" }));
    expect(second).toMatchObject({ ok: true, article: { position: 1, access: "free" } });
    if (!first.ok) return;
    articleId = first.article.id;
    expect(first.issue.status).toBe("published");
    expect(await auditActions(articleId)).toEqual(["article.create"]);
  });

  it("stores the Markdown body sanitised: no script, handler or javascript: link survives, normal Markdown does", async () => {
    const body = [
      "开头。<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "[点我](javascript:alert(1))",
      '<iframe src="https://evil.example"></iframe>',
      "<svg onload=alert(1)></svg>",
      "## 标题\n\n**加粗** [好链接](https://example.com)\n\n1. 一\n2. 二",
    ].join("\n\n");
    const result = await updateArticle(actors.editor, articleId, { ...form(), body });
    expect(result.ok).toBe(true);
    const [row] = await db.select().from(articles).where(eq(articles.id, articleId));
    expect(row!.body).not.toMatch(EXECUTABLE);
    expect(row!.body).toContain("## 标题\n\n**加粗** [好链接](https://example.com)\n\n1. 一\n2. 二");
    expect(row!.body).toContain("点我");
    const record = await articleRecord(articleId);
    const html = toArticleView(record!, true).blocks.join("");
    expect(html).not.toMatch(EXECUTABLE);
    expect(html).toContain("<h2>标题</h2>");
    expect(html).toContain('<a href="https://example.com" rel="nofollow noopener">好链接</a>');
    expect(html).toContain("<ol>");
  });

  it("gives a reader without access exactly the first block of a subscribers-only article", async () => {
    await updateArticle(actors.editor, articleId, form());
    const record = await articleRecord(articleId);
    const teaser = toArticleView(record!, false);
    expect(teaser.blocks).toEqual(["<p>第一段,人人可读。</p>"]);
    expect(JSON.stringify(teaser)).not.toContain(MARKER);
    const full = toArticleView(record!, true);
    expect(full.blocks).toHaveLength(4);
    expect(full.blocks.join("")).toContain(MARKER);
  });

  it("updates fields and updatedAt, keeping hot zones, with before/after in the audit log", async () => {
    await db.update(articles).set({ hotZones: [{ points: [[0, 0], [1, 0], [1, 1]] }], updatedAt: new Date("2026-01-01") }).where(eq(articles.id, articleId));
    const result = await updateArticle(actors.editor, articleId, form({ title: "新标题", access: "free", position: "5", kicker: "引题" }));
    expect(result).toMatchObject({ ok: true, article: { title: "新标题", access: "free", position: 5, kicker: "引题" } });
    if (!result.ok) return;
    expect(result.article.hotZones).toHaveLength(1);
    expect(result.article.updatedAt.getTime()).toBeGreaterThan(new Date("2026-01-02").getTime());
    const [entry] = (await db.select().from(auditLog).where(eq(auditLog.action, "article.update")).orderBy(asc(auditLog.id))).slice(-1);
    expect(entry).toMatchObject({ actorId: actors.editor, entity: "article", entityId: String(articleId) });
    expect(entry!.before).toMatchObject({ access: "subscribers" });
    expect(entry!.after).toMatchObject({ title: "新标题", access: "free", position: 5 });
  });

  it("refuses invalid input with field errors and writes nothing", async () => {
    const before = await counts();
    const [row] = await db.select().from(articles).where(eq(articles.id, articleId));
    const noTitle = await createArticle(actors.editor, issueId, form({ title: "  " }));
    expect(noTitle).toMatchObject({ ok: false, fieldErrors: { title: ["请填写标题"] } });
    const longTitle = await updateArticle(actors.editor, articleId, form({ title: "长".repeat(201) }));
    expect(longTitle).toMatchObject({ ok: false, fieldErrors: { title: ["标题不能超过200字"] } });
    const huge = await updateArticle(actors.editor, articleId, form({ body: "字".repeat(100_001) }));
    expect(huge.ok ? null : huge.fieldErrors?.body?.[0]).toMatch(/正文不能超过/);
    const otherPage = await createArticle(actors.editor, issueId, form({ pageId: String(otherIssuePageId) }));
    expect(otherPage).toMatchObject({ ok: false, fieldErrors: { pageId: [OTHER_ISSUE_PAGE] } });
    const badAccess = await createArticle(actors.editor, issueId, form({ access: "everyone" }));
    expect(badAccess.ok ? null : badAccess.fieldErrors?.access).toBeTruthy();
    const badPosition = await createArticle(actors.editor, issueId, form({ position: "-1" }));
    expect(badPosition.ok ? null : badPosition.fieldErrors?.position).toBeTruthy();
    expect(await counts()).toEqual(before);
    expect((await db.select().from(articles).where(eq(articles.id, articleId)))[0]).toEqual(row);
  });

  it("refuses a member (and an unknown user) in every call", async () => {
    const before = await counts();
    const [photo] = await db.insert(images).values({ articleId, fileKey: "images/x.webp" }).returning();
    const afterInsert = await counts();
    for (const actor of [actors.member, "no-such-user"]) {
      const refused = { ok: false, error: FORBIDDEN };
      expect(await createArticle(actor, issueId, form())).toEqual(refused);
      expect(await updateArticle(actor, articleId, form())).toEqual(refused);
      expect(await moveArticle(actor, articleId, pageIds[1]!)).toEqual(refused);
      expect(await deleteArticle(actor, articleId)).toEqual(refused);
      expect(await updatePhoto(actor, photo!.id, { caption: "x" })).toEqual(refused);
      expect(await updatePhoto(actor, photo!.id, { caption: "长".repeat(500) })).toEqual(refused);
      expect(await movePhoto(actor, photo!.id, "up")).toEqual(refused);
      expect(await deletePhoto(actor, photo!.id)).toEqual(refused);
    }
    expect(await counts()).toEqual(afterInsert);
    await db.delete(images).where(eq(images.id, photo!.id));
    expect(await counts()).toEqual(before);
  });

  it("moves an article to another page of the same issue only, clearing its hot zones", async () => {
    const before = await counts();
    const refused = await moveArticle(actors.editor, articleId, otherIssuePageId);
    expect(refused).toMatchObject({ ok: false, fieldErrors: { pageId: [OTHER_ISSUE_PAGE] } });
    expect(await counts()).toEqual(before);
    const moved = await moveArticle(actors.editor, articleId, String(pageIds[1]));
    expect(moved).toMatchObject({ ok: true, article: { pageId: pageIds[1], hotZones: [], position: 0 } });
    expect((await auditActions(articleId)).slice(-1)).toEqual(["article.move"]);
    const overview = await issueArticleOverview(issueId);
    expect(overview.map((p) => [p.number, p.articles.map((a) => a.title)])).toEqual([
      [1, ["第二篇"]],
      [2, ["新标题"]],
    ]);
  });

  let photoIds: number[] = [];

  it("adds photos with caption and credit, stores the file, and serves them in order", async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c00" } }).png().toBuffer();
    const processed = await processImage(png, { maxWidth: 1600 });
    expect(processed.ok).toBe(true);
    if (!processed.ok) return;
    const first = await addPhoto(actors.editor, articleId, processed.full, { caption: "图一", credit: "摄影 李某" });
    const second = await addPhoto(actors.editor, articleId, processed.full, { caption: "", credit: "" });
    expect(first).toMatchObject({ ok: true, photo: { articleId, caption: "图一", credit: "摄影 李某", width: 40, height: 30, position: 0 } });
    expect(second).toMatchObject({ ok: true, photo: { caption: null, credit: null, position: 1 } });
    if (!first.ok || !second.ok) return;
    photoIds = [first.photo.id, second.photo.id];
    expect(first.photo.fileKey).toMatch(/^images\/articles\/\d+\/[0-9a-f]{16}\.webp$/);
    expect(await getObject(first.photo.fileKey)).toMatchObject({ contentType: "image/webp" });
    expect((await auditActions(first.photo.id)).slice(-1)).toEqual(["article.photo.add"]);
    // What /media/images/ID serves to readers (the article was made free above, so the photo is public).
    expect(await publishedImage(first.photo.id)).toMatchObject({ access: "free", image: { fileKey: first.photo.fileKey } });
    expect(toArticleView((await articleRecord(articleId))!, false).images.map((i) => i.caption)).toEqual(["图一", null]);

    const refused = await addPhoto(actors.editor, articleId, processed.full, { caption: "长".repeat(301) });
    expect(refused.ok ? null : refused.fieldErrors?.caption).toBeTruthy();
    const missing = await addPhoto(actors.editor, 999_999, processed.full, {});
    expect(missing.ok).toBe(false);
    expect((await db.select().from(images)).length).toBe(2);
  });

  it("edits caption and credit, reorders and deletes photos (file removed after commit)", async () => {
    expect(await updatePhoto(actors.editor, photoIds[1]!, { caption: "图二", credit: "新华社" })).toMatchObject({ ok: true, photo: { caption: "图二", credit: "新华社" } });
    expect(await movePhoto(actors.editor, photoIds[1]!, "up")).toMatchObject({ ok: true, photo: { position: 0 } });
    const editing = await articleForEditing(issueId, articleId);
    expect(editing!.photos.map((p) => p.caption)).toEqual(["图二", "图一"]);
    expect(await articleForEditing(otherIssueId, articleId)).toBeNull();

    const [doomed] = await db.select().from(images).where(eq(images.id, photoIds[0]!));
    expect(await deletePhoto(actors.editor, photoIds[0]!)).toMatchObject({ ok: true });
    expect(await getObject(doomed!.fileKey)).toBeNull();
    expect((await auditActions(photoIds[0]!)).slice(-1)).toEqual(["article.photo.delete"]);
    expect(await deletePhoto(actors.editor, photoIds[0]!)).toMatchObject({ ok: false });
  });

  it("deletes an article with its photos and their files", async () => {
    const [photo] = await db.select().from(images).where(eq(images.articleId, articleId));
    expect(await getObject(photo!.fileKey)).not.toBeNull();
    const result = await deleteArticle(actors.admin, articleId);
    expect(result).toMatchObject({ ok: true, article: { id: articleId } });
    expect(await db.select().from(articles).where(eq(articles.id, articleId))).toEqual([]);
    expect(await db.select().from(images).where(eq(images.articleId, articleId))).toEqual([]);
    expect(await getObject(photo!.fileKey)).toBeNull();
    expect((await auditActions(articleId)).slice(-1)).toEqual(["article.delete"]);
    expect(await deleteArticle(actors.admin, articleId)).toMatchObject({ ok: false });
  });
});
