import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, articleSearch, issues, pages, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { createArticle, updateArticle } from "./articles-admin";
import { publishIssue } from "./issues-admin";
import { reindexAll } from "./search-index";
import { SEARCH_PAGE_SIZE, searchArticles, searchColumns, type SearchResult } from "./search";

// Only in the hidden part of a subscriber-only article.
const HIDDEN = "鲲鹏密钥";
const text = (parts: { text: string }[]) => parts.map((p) => p.text).join("");
const titles = (result: SearchResult | null) => result!.hits.map((h) => text(h.title));

describe("search: Chinese full text over published articles", () => {
  let db: Db;
  let drop: () => Promise<void>;
  let editor = "";
  let issueId = 0;
  let pageId = 0;
  let draftIssueId = 0;

  type Seed = Partial<typeof articles.$inferInsert> & { title: string; body: string };
  const add = async (seed: Seed, where = { issueId: 0, pageId: 0 }) => {
    const [row] = await db
      .insert(articles)
      .values({ access: "free", ...seed, issueId: where.issueId || issueId, pageId: where.pageId || pageId })
      .returning();
    return row!;
  };

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    const [user] = await db.insert(users).values({ email: "editor@search.test", role: "editor" }).returning();
    editor = user!.id;
    const [older, newer, draft] = await db
      .insert(issues)
      .values([
        { date: "2025-03-06", number: 1100, pageCount: 1, status: "published", publishedAt: new Date("2025-03-05T22:00:00Z") },
        { date: "2026-04-30", number: 1253, pageCount: 1, status: "published", publishedAt: new Date("2026-04-29T22:00:00Z") },
        { date: "2026-05-07", number: 1254, pageCount: 1, status: "draft" },
      ])
      .returning();
    issueId = newer!.id;
    draftIssueId = draft!.id;
    const [olderPage, page, draftPage] = await db
      .insert(pages)
      .values([
        { issueId: older!.id, number: 1, name: "要闻" },
        { issueId, number: 2, name: "经济" },
        { issueId: draftIssueId, number: 1, name: "要闻" },
      ])
      .returning();
    pageId = page!.id;

    await add({ title: "乳业振兴三年行动", column: "产业", body: "奶业是内蒙古的支柱产业。\n\n牧场扩建。" });
    await add({ title: "牧区见闻", column: "副刊", byline: "记者 乳业观察", body: "草原上的一天。" });
    await add({ title: "知识产权保护新规", column: "法治", body: "知识产权是创新的保障。人工智能生成内容的权属引发讨论。" });
    await add({ title: "科技周刊", column: "科技", body: "本期聚焦AI芯片与5G网络。人工，智能化改造仍在推进。" });
    await add({ title: "税收优惠延续", column: "财经", kicker: "减税降费", body: "企业所得税优惠政策延续。" }, { issueId: older!.id, pageId: olderPage!.id });
    await add({ title: "深度：数字经济", column: "财经", access: "subscribers", body: `数字经济的第一段，人人可见。\n\n第二段含有${HIDDEN}，只有订阅读者能读。` });
    await add({ title: "未出版的乳业稿件", column: "产业", body: "乳业草稿。" }, { issueId: draftIssueId, pageId: draftPage!.id });
    // Punctuation between 知 and 识 and between 乳 and 业: no bigram.
    await add({ title: "标点测试", column: "测试", body: "求知，识字；乳。业" });
    for (let i = 0; i < 45; i++) await add({ title: `税务简讯第${i + 1}号`, column: "简讯", body: "纳税服务便民举措。" });
    expect(await reindexAll(db)).toBe(53);
  });
  afterAll(async () => drop());

  it("finds two-character words inside Chinese text without spaces", async () => {
    const result = await searchArticles({ q: "知识" });
    expect(titles(result)).toEqual(["知识产权保护新规"]);
    expect(result!.total).toBe(1);
    expect(titles(await searchArticles({ q: "牧场" }))).toEqual(["乳业振兴三年行动"]);
  });

  it("finds one-character queries by their unigram", async () => {
    expect(titles(await searchArticles({ q: "奶" }))).toEqual(["乳业振兴三年行动"]);
    // 乳 occurs in the 标点测试 body too, as a character of its own.
    expect(new Set(titles(await searchArticles({ q: "乳" })))).toEqual(new Set(["乳业振兴三年行动", "牧区见闻", "标点测试"]));
  });

  it("finds three- and four-character queries only where the characters are adjacent", async () => {
    expect(titles(await searchArticles({ q: "内蒙古" }))).toEqual(["乳业振兴三年行动"]);
    expect(titles(await searchArticles({ q: "人工智能" }))).toEqual(["知识产权保护新规"]);
    // 科技周刊 has 人工 and 智能 but with a comma between them.
    expect(titles(await searchArticles({ q: "人工智能" }))).not.toContain("科技周刊");
  });

  it("does not match a bigram across punctuation", async () => {
    expect(titles(await searchArticles({ q: "知识" }))).not.toContain("标点测试");
    expect(titles(await searchArticles({ q: "乳业" }))).not.toContain("标点测试");
    expect(titles(await searchArticles({ q: "识字" }))).toEqual(["标点测试"]);
  });

  it("finds Latin and digits case-insensitively, mixed with Chinese", async () => {
    expect(titles(await searchArticles({ q: "ai" }))).toEqual(["科技周刊"]);
    expect(titles(await searchArticles({ q: "AI芯片" }))).toEqual(["科技周刊"]);
    expect(titles(await searchArticles({ q: "5G" }))).toEqual(["科技周刊"]);
  });

  it("searches kicker, byline and 栏目 as well", async () => {
    expect(titles(await searchArticles({ q: "减税" }))).toEqual(["税收优惠延续"]);
    expect(titles(await searchArticles({ q: "乳业观察" }))).toEqual(["牧区见闻"]);
    expect(titles(await searchArticles({ q: "法治" }))).toEqual(["知识产权保护新规"]);
  });

  it("ranks a title match above a byline match, and highlights the terms", async () => {
    const result = await searchArticles({ q: "乳业" });
    expect(titles(result)).toEqual(["乳业振兴三年行动", "牧区见闻"]);
    const [first] = result!.hits;
    expect(first!.title.filter((p) => p.mark).map((p) => p.text)).toEqual(["乳业"]);
    expect(first).toMatchObject({ date: "2026-04-30", issueNumber: 1253, pageNumber: 2, pageName: "经济", column: "产业", access: "free" });
  });

  it("ranks a title match above a body match", async () => {
    const body = await add({ title: "行业动态", column: "产业", body: "奶酪出口增长，奶酪品类丰富。" });
    const titled = await add({ title: "奶酪市场观察", column: "产业", body: "市场平稳。" });
    await reindexAll(db);
    const result = await searchArticles({ q: "奶酪" });
    expect(result!.hits.map((h) => h.id)).toEqual([titled.id, body.id]);
    expect(result!.hits[1]!.snippet.filter((p) => p.mark).map((p) => p.text)).toEqual(["奶酪", "奶酪"]);
  });

  it("filters by date range and 栏目", async () => {
    expect(titles(await searchArticles({ q: "税", from: "2025-01-01", to: "2025-12-31" }))).toEqual(["税收优惠延续"]);
    expect((await searchArticles({ q: "税", from: "2026-01-01" }))!.total).toBe(45);
    expect(titles(await searchArticles({ q: "税", column: "财经" }))).toEqual(["税收优惠延续"]);
    expect((await searchArticles({ q: "税", column: "简讯" }))!.total).toBe(45);
    // Reversed dates are swapped; malformed ones are ignored.
    expect((await searchArticles({ q: "税", from: "2025-12-31", to: "2025-01-01" }))!.total).toBe(1);
    expect((await searchArticles({ q: "税", from: "2025-02-30", to: "yesterday" }))!.total).toBe(46);
    expect(await searchColumns()).toContain("简讯");
    expect(await searchColumns()).not.toContain(null);
  });

  it("paginates 20 per page with the total, newest first among equals", async () => {
    const one = await searchArticles({ q: "纳税" });
    expect(one!.total).toBe(45);
    expect(one!.pageCount).toBe(3);
    expect(one!.hits).toHaveLength(SEARCH_PAGE_SIZE);
    const three = await searchArticles({ q: "纳税", page: "3" });
    expect(three!.hits).toHaveLength(5);
    const all = [one, await searchArticles({ q: "纳税", page: "2" }), three].flatMap((r) => r!.hits.map((h) => h.id));
    expect(new Set(all).size).toBe(45);
    expect((await searchArticles({ q: "纳税", page: "99" }))!.hits).toEqual([]);
  });

  it("pages through title matches first, then body-only matches, without gaps or repeats", async () => {
    const titled: number[] = [];
    const bodied: number[] = [];
    for (let i = 0; i < 25; i++) titled.push((await add({ title: `羊毛价格第${i + 1}期`, column: "农牧", body: "价格平稳。" })).id);
    for (let i = 0; i < 10; i++) bodied.push((await add({ title: `牧业简报${i + 1}`, column: "农牧", body: "今年羊毛收购量增加。" })).id);
    await reindexAll(db);
    const one = await searchArticles({ q: "羊毛" });
    const two = await searchArticles({ q: "羊毛", page: "2" });
    expect(one!.total).toBe(35);
    expect(one!.hits.map((h) => h.id).every((id) => titled.includes(id))).toBe(true);
    expect(two!.hits.slice(0, 5).every((h) => titled.includes(h.id))).toBe(true);
    // Body-only matches come newest first: the same date here, so the latest written first.
    expect(two!.hits.slice(5).map((h) => h.id)).toEqual([...bodied].reverse());
    expect(new Set([...one!.hits, ...two!.hits].map((h) => h.id)).size).toBe(35);
  });

  it("matches each term of a query in any field: one in the title, another in the body", async () => {
    expect(titles(await searchArticles({ q: "乳业 牧场" }))).toEqual(["乳业振兴三年行动"]);
    expect(titles(await searchArticles({ q: "乳业 芯片" }))).toEqual([]);
  });

  it("never finds or shows the hidden text of a subscriber-only article", async () => {
    expect((await searchArticles({ q: HIDDEN }))!.total).toBe(0);
    expect((await searchArticles({ q: "鲲鹏" }))!.total).toBe(0);
    expect((await searchArticles({ q: "订阅读者" }))!.total).toBe(0);
    const teaser = await searchArticles({ q: "数字经济" });
    expect(titles(teaser)).toEqual(["深度：数字经济"]);
    expect(teaser!.hits[0]!.access).toBe("subscribers");
    const shown = JSON.stringify(teaser);
    expect(shown).not.toContain(HIDDEN);
    expect(shown).not.toContain("第二段");
    expect(text(teaser!.hits[0]!.snippet)).toBe("数字经济的第一段，人人可见。");
  });

  it("never shows articles of unpublished issues, and shows them once published", async () => {
    expect(titles(await searchArticles({ q: "草稿" }))).toEqual([]);
    expect(titles(await searchArticles({ q: "乳业" }))).not.toContain("未出版的乳业稿件");
    await publishIssue(editor, draftIssueId);
    expect(titles(await searchArticles({ q: "草稿" }))).toEqual(["未出版的乳业稿件"]);
    await db.update(issues).set({ status: "draft", publishedAt: null }).where(eq(issues.id, draftIssueId));
    expect(titles(await searchArticles({ q: "草稿" }))).toEqual([]);
  });

  it("keeps the index current when staff create and edit an article", async () => {
    const created = await createArticle(editor, issueId, { pageId: String(pageId), column: "产业", kicker: "", title: "羊绒产业升级", subtitle: "", byline: "", source: "", access: "free", body: "鄂尔多斯羊绒。", position: "" });
    expect(created.ok).toBe(true);
    const id = created.ok ? created.article.id : 0;
    expect(titles(await searchArticles({ q: "羊绒" }))).toEqual(["羊绒产业升级"]);
    // Made subscriber-only: the second paragraph leaves the index.
    await updateArticle(editor, id, { column: "产业", kicker: "", title: "羊绒产业升级", subtitle: "", byline: "", source: "", access: "subscribers", body: "第一段。\n\n鄂尔多斯羊绒。", position: "" });
    expect(titles(await searchArticles({ q: "鄂尔多斯" }))).toEqual([]);
    expect(titles(await searchArticles({ q: "羊绒" }))).toEqual(["羊绒产业升级"]);
    const [row] = await db.select().from(articleSearch).where(eq(articleSearch.articleId, id));
    expect(row!.body).not.toContain("鄂尔");
  });

  it("returns null for an empty query and never throws on odd input", async () => {
    expect(await searchArticles({ q: "" })).toBeNull();
    expect(await searchArticles({ q: "   " })).toBeNull();
    expect(await searchArticles({})).toBeNull();
    for (const q of ["%", "_", "%_%", "'", '"', "''; drop table articles; --", "😀", "乳😀业", "a:*", "!", "<->", "\\", "&|!()", "知".repeat(1000), "\u0000乳业", "ｉ̇"]) {
      const result = await searchArticles({ q, page: "-3", from: "'", to: "2026-13-40", column: "%" });
      expect(result === null || Array.isArray(result.hits)).toBe(true);
    }
    expect((await searchArticles({ q: "知".repeat(1000) }))!.filters.q).toHaveLength(50);
    expect((await searchArticles({ q: ["乳业", "x"], page: ["2"] }))!.filters.q).toBe("乳业");
    expect((await searchArticles({ q: "乳业", page: "1e9" }))!.filters.page).toBe(1);
  });
});
