import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { articles, issues } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { freshDatabase } from "@/db/testing/fresh-database";
import { issueByDate, issueContents } from "@/lib/editions";
import { resetEnvCache } from "@/lib/env";
import { getArticleForPublic } from "@/lib/reading";
import { SHARE_IMAGE_SIZE, shareCardSvg, shareImagePng } from "./share-image";
import { articleShareCard, articleShareMetadata, homeShareMetadata, issueShareCard, issueShareMetadata } from "./share-metadata";

const MARKER = "内蒙古将聚焦三大目标,推动人工智能发展迈上新台阶。";
const site = { appUrl: "https://e.caixinbao.test", paperName: "财信报" };
let db: Db;
let drop: () => Promise<void>;
let storageDir: string;

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  storageDir = mkdtempSync(path.join(os.tmpdir(), "caixin-share-media-"));
  process.env.DATA_DIR = storageDir;
  resetEnvCache();
  await seedDemo(db, { demoAccounts: false });
}, 120_000);

afterAll(async () => {
  await drop?.();
  rmSync(storageDir, { recursive: true, force: true });
});

const aiArticle = async () => {
  const [row] = await db.select({ id: articles.id }).from(articles).where(eq(articles.title, "内蒙古全面推动人工智能赋能千行百业"));
  return (await getArticleForPublic(row!.id))!;
};

describe("article metadata", () => {
  it("has Open Graph, Twitter and canonical tags from the headline and teaser", async () => {
    const article = await aiArticle();
    const meta = articleShareMetadata(article, site);
    expect(meta.metadataBase?.toString()).toBe("https://e.caixinbao.test/");
    expect(meta.alternates?.canonical).toBe(`/articles/${article.id}`);
    expect(meta.openGraph).toMatchObject({
      type: "article",
      title: "内蒙古全面推动人工智能赋能千行百业",
      url: `/articles/${article.id}`,
      siteName: "财信报 数字报",
      publishedTime: "2026-04-30T06:00:00+08:00",
      images: [{ url: `/og/articles/${article.id}`, width: 1200, height: 630 }],
    });
    expect(meta.twitter).toMatchObject({ card: "summary_large_image", title: "内蒙古全面推动人工智能赋能千行百业" });
    expect(String(meta.description)).toBe(article.summary.length > 120 ? `${[...article.summary].slice(0, 119).join("")}…` : article.summary);
  });

  it("never carries gated text, for any published article", async () => {
    const ids = await db.select({ id: articles.id }).from(articles).innerJoin(issues, eq(issues.id, articles.issueId)).where(eq(issues.status, "published")).orderBy(asc(articles.id));
    expect(ids.length).toBeGreaterThan(20);
    for (const { id } of ids) {
      const article = (await getArticleForPublic(id))!;
      const text = JSON.stringify(articleShareMetadata(article, site)) + shareCardSvg(articleShareCard(article, site));
      expect(text).not.toContain(MARKER);
      expect(text).not.toContain(MARKER.slice(0, 10));
    }
  });
});

describe("issue metadata", () => {
  it("names the issue and 版, with canonical URLs and a share image", async () => {
    const issue = (await issueByDate("2026-04-30"))!;
    const pages = await issueContents(issue.id);
    const headlines = pages[0]!.articles.map((a) => a.title);
    const meta = issueShareMetadata(issue, site, { headlines });
    expect(meta.title).toBe("2026年4月30日 总第1253期");
    expect(meta.alternates?.canonical).toBe("/issues/2026-04-30");
    expect(String(meta.description)).toContain("内蒙古全面推动人工智能赋能千行百业");
    expect(meta.openGraph).toMatchObject({ images: [{ url: "/og/issues/2026-04-30" }] });
    expect(meta.twitter).toMatchObject({ card: "summary_large_image" });

    const pageMeta = issueShareMetadata(issue, site, { page: pages[2]!, headlines: pages[2]!.articles.map((a) => a.title) });
    expect(pageMeta.alternates?.canonical).toBe("/issues/2026-04-30/pages/3");
    expect(pageMeta.title).toBe(`第3版 ${pages[2]!.name} · 2026年4月30日 总第1253期`);

    const home = homeShareMetadata(issue, site, headlines);
    expect(home.alternates?.canonical).toBe("/");
    expect(JSON.stringify([meta, pageMeta, home])).not.toContain(MARKER);
  });

  it("words the English pages' metadata in English, around the paper's own text", async () => {
    const issue = (await issueByDate("2026-04-30"))!;
    const pages = await issueContents(issue.id);
    const meta = issueShareMetadata(issue, site, { page: pages[2]!, headlines: ["甲", "乙"] }, "en");
    expect(meta.title).toBe(`Page 3, ${pages[2]!.name} · 30 April 2026, issue No. 1253`);
    expect(String(meta.description)).toBe(`财信报, 30 April 2026, issue No. 1253, page 3, ${pages[2]!.name}: 甲; 乙`);
    expect(meta.openGraph).toMatchObject({ siteName: "财信报 e-edition", locale: "en_GB" });
    expect(homeShareMetadata(issue, site, [], "en").title).toBe("Today's issue");
    expect(homeShareMetadata(null, site, [], "en").title).toBe("Today's issue");
  });

  it("points the English pages to the English share cards and leaves the Chinese addresses as they were", async () => {
    const issue = (await issueByDate("2026-04-30"))!;
    const pages = await issueContents(issue.id);
    const article = await aiArticle();
    expect(issueShareMetadata(issue, site, { headlines: [] }, "en").openGraph).toMatchObject({ images: [{ url: "/og/en/issues/2026-04-30" }] });
    expect(issueShareMetadata(issue, site, { page: pages[1]!, headlines: [] }, "en").twitter).toMatchObject({ images: [{ url: "/og/en/issues/2026-04-30/pages/2" }] });
    expect(articleShareMetadata(article, site, "en").openGraph).toMatchObject({ images: [{ url: `/og/en/articles/${article.id}` }] });
    expect(issueShareMetadata(issue, site, { page: pages[1]!, headlines: [] }, "zh-CN").openGraph).toMatchObject({ images: [{ url: "/og/issues/2026-04-30/pages/2" }] });
  });
});

describe("share image", () => {
  it("is a 1200×630 PNG with the headline, the paper's name and the date, escaped", async () => {
    const article = await aiArticle();
    const card = articleShareCard(article, site);
    expect(card).toMatchObject({ paperName: "财信报", title: article.title, dateLine: "2026年4月30日 星期四 · 总第1253期 · 第1版 要闻" });
    const png = await shareImagePng(card);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", SHARE_IMAGE_SIZE.width, SHARE_IMAGE_SIZE.height]);

    const svg = shareCardSvg({ ...card, title: '<script>alert("x")</script> & 很长的标题'.repeat(6) });
    expect(svg).not.toContain("<script>");
    expect(svg.match(/font-size="(54|64)"/g)!.length).toBeLessThanOrEqual(3);
    expect(svg).toContain("…");
    const issueCard = issueShareCard({ date: "2026-04-30", number: 1253 }, site, undefined, "头条");
    expect(issueCard).toMatchObject({ title: "头条", kicker: "头版要闻", label: "数字报", dateLine: "2026年4月30日 星期四 · 总第1253期" });
    expect(shareCardSvg(issueCard)).toContain(">数字报</text>");
  });

  it("in English, words the date and labels in English and prints the headline as written", async () => {
    const article = await aiArticle();
    const card = articleShareCard(article, site, "en");
    expect(card).toMatchObject({ title: article.title, label: "e-edition", dateLine: "Thursday 30 April 2026 · issue No. 1253 · page 1, 要闻" });
    const svg = shareCardSvg(card);
    expect(svg).toContain(">e-edition</text>");
    expect(svg).toContain(">Thursday 30 April 2026 · issue No. 1253 · page 1, 要闻</text>");
    expect(svg).not.toContain("数字报");

    const page = { number: 2, name: "要闻二" };
    expect(issueShareCard({ date: "2026-04-30", number: 1253 }, site, page, "头条", "en")).toMatchObject({
      title: "头条",
      kicker: "Page 2 · 要闻二",
      dateLine: "Thursday 30 April 2026 · issue No. 1253",
    });
    expect(issueShareCard({ date: "2026-04-30", number: 1253 }, site, undefined, undefined, "en")).toMatchObject({ title: "30 April 2026, e-edition", kicker: "Front page" });
    expect(issueShareCard({ date: "2026-04-30", number: 1253 }, site, page)).toMatchObject({ title: "2026年4月30日 第2版 要闻二", kicker: "第2版 · 要闻二" });
  });
});
