import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { articles, issues, pages } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { freshDatabase } from "@/db/testing/fresh-database";
import { resetEnvCache } from "@/lib/env";
import { robotsRules, sitemapEntries } from "./site-index";

const APP_URL = "https://e.caixinbao.test";
let db: Db;
let drop: () => Promise<void>;
let storageDir: string;
let draftArticleId = 0;

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  storageDir = mkdtempSync(path.join(os.tmpdir(), "caixin-sitemap-media-"));
  process.env.DATA_DIR = storageDir;
  resetEnvCache();
  await seedDemo(db, { demoAccounts: false });
  const [draft] = await db.insert(issues).values({ date: "2026-05-07", number: 1254, pageCount: 1, status: "draft" }).returning();
  const [page] = await db.insert(pages).values({ issueId: draft!.id, number: 1, name: "要闻" }).returning();
  const [a] = await db.insert(articles).values({ issueId: draft!.id, pageId: page!.id, title: "草稿", body: "草稿。", access: "free" }).returning();
  draftArticleId = a!.id;
}, 120_000);

afterAll(async () => {
  await drop?.();
  rmSync(storageDir, { recursive: true, force: true });
});

describe("sitemap.xml", () => {
  it("lists the published issues, their 版面, articles and archive months with absolute URLs and dates", async () => {
    const entries = await sitemapEntries(APP_URL);
    const urls = entries.map((e) => e.url);
    expect(urls).toContain(`${APP_URL}/`);
    expect(urls).toContain(`${APP_URL}/issues/2026-04-30`);
    for (let n = 1; n <= 8; n++) expect(urls).toContain(`${APP_URL}/issues/2026-04-30/pages/${n}`);
    expect(urls).toContain(`${APP_URL}/archive`);
    expect(urls).toContain(`${APP_URL}/archive/2026-04`);
    const [issue] = await db.select().from(issues).where(eq(issues.date, "2026-04-30"));
    const published = await db.select({ id: articles.id }).from(articles).where(eq(articles.issueId, issue!.id));
    for (const { id } of published) expect(urls).toContain(`${APP_URL}/articles/${id}`);
    expect(entries.find((e) => e.url === `${APP_URL}/issues/2026-04-30`)?.lastModified).toEqual(new Date("2026-04-29T22:00:00Z"));
    for (const e of entries) expect(e.url.startsWith(`${APP_URL}/`)).toBe(true);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it("leaves out draft issues and their articles", async () => {
    const urls = (await sitemapEntries(APP_URL)).map((e) => e.url);
    expect(urls.some((u) => u.includes("2026-05-07"))).toBe(false);
    expect(urls).not.toContain(`${APP_URL}/articles/${draftArticleId}`);
  });
});

describe("robots.txt", () => {
  it("allows the reader pages, keeps crawlers out of private areas and names the sitemap", () => {
    const robots = robotsRules(APP_URL);
    const rules = Array.isArray(robots.rules) ? robots.rules[0]! : robots.rules;
    expect(rules.userAgent).toBe("*");
    expect(rules.allow).toBe("/");
    expect(rules.disallow).toEqual(expect.arrayContaining(["/admin", "/account", "/api", "/q", "/issues/*/pdf", "/issues/*/pages/*/pdf"]));
    expect(rules.disallow).not.toContain("/articles");
    expect(robots.sitemap).toBe(`${APP_URL}/sitemap.xml`);
  });
});
