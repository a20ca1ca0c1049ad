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
import { feedXml, loadFeedIssues, rfc3339Shanghai } from "./feed";

const MARKER = "内蒙古将聚焦三大目标,推动人工智能发展迈上新台阶。";
const APP_URL = "https://e.caixinbao.test";

let db: Db;
let drop: () => Promise<void>;
let storageDir: string;
let xml: string;

/**
 * A strict enough XML well-formedness check for what a feed reader parses:
 * one root, tags nested and closed in order, attributes quoted, only the
 * predefined or numeric entities, no stray "<" or "&" in text.
 */
function parseXml(source: string): { root: string; elements: { name: string; attrs: Record<string, string>; text: string }[] } {
  const body = source.replace(/^<\?xml[^?]*\?>\s*/, "");
  const token = /<\/?([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  const stack: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const elements: { name: string; attrs: Record<string, string>; text: string }[] = [];
  let root = "";
  let index = 0;
  while (index < body.length) {
    token.lastIndex = index;
    const m = token.exec(body);
    if (!m) throw new Error(`Not well-formed at ${index}: ${JSON.stringify(body.slice(index, index + 60))}`);
    index = token.lastIndex;
    if (m[4] !== undefined) {
      const text = m[4];
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) throw new Error(`Bad entity in ${JSON.stringify(text.slice(0, 60))}`);
      if (stack.length === 0) {
        if (text.trim()) throw new Error("Text outside the root element");
        continue;
      }
      stack[stack.length - 1]!.text += text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
      continue;
    }
    const [whole, name, rawAttrs, selfClosing] = m;
    if (whole!.startsWith("</")) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      continue;
    }
    const attrs = Object.fromEntries([...rawAttrs!.matchAll(/([\w:.-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!.replace(/&amp;/g, "&")]));
    const element = { name: name!, attrs, text: "" };
    if (stack.length === 0) {
      if (root) throw new Error("Two root elements");
      root = name!;
    }
    elements.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length) throw new Error(`Unclosed <${stack.at(-1)!.name}>`);
  return { root, elements };
}

/** The entries as { title, content, links } from the parsed Atom document. */
function entries(doc: ReturnType<typeof parseXml>) {
  const result: { title: string; content: string; summary: string; link: string; published: string }[] = [];
  let current: (typeof result)[number] | null = null;
  for (const el of doc.elements) {
    if (el.name === "entry") result.push((current = { title: "", content: "", summary: "", link: "", published: "" }));
    else if (current && el.name === "title") current.title = el.text;
    else if (current && el.name === "content") current.content = el.text;
    else if (current && el.name === "summary") current.summary = el.text;
    else if (current && el.name === "published") current.published = el.text;
    else if (current && el.name === "link") current.link = el.attrs.href ?? "";
  }
  return result;
}

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  storageDir = mkdtempSync(path.join(os.tmpdir(), "caixin-feed-media-"));
  process.env.DATA_DIR = storageDir;
  resetEnvCache();
  await seedDemo(db, { demoAccounts: false });
  // A draft issue with a free article: never in the feed.
  const [draft] = await db.insert(issues).values({ date: "2026-05-07", number: 1254, pageCount: 1, status: "draft" }).returning();
  const [page] = await db.insert(pages).values({ issueId: draft!.id, number: 1, name: "要闻" }).returning();
  await db.insert(articles).values({ issueId: draft!.id, pageId: page!.id, title: "尚未出版的稿件", body: "草稿正文。", access: "free" });
  const issuesInFeed = await loadFeedIssues();
  xml = feedXml({ appUrl: APP_URL, paperName: "财信报", slogan: "好看 · 有用", issues: issuesInFeed });
}, 120_000);

afterAll(async () => {
  await drop?.();
  rmSync(storageDir, { recursive: true, force: true });
});

describe("feed.xml (Atom)", () => {
  it("is well-formed Atom with absolute links", () => {
    const doc = parseXml(xml);
    expect(doc.root).toBe("feed");
    expect(xml).toContain('xmlns="http://www.w3.org/2005/Atom"');
    const list = entries(doc);
    expect(list.length).toBeGreaterThan(10);
    for (const e of list) expect(e.link.startsWith(`${APP_URL}/`)).toBe(true);
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${APP_URL}/feed.xml"/>`);
  });

  it("lists the published issues newest first, with dates in +08:00", () => {
    const issueEntries = entries(parseXml(xml)).filter((e) => e.link.includes("/issues/"));
    expect(issueEntries[0]).toMatchObject({ title: "财信报 2026年4月30日 总第1253期", link: `${APP_URL}/issues/2026-04-30` });
    // 1253 was published at 06:00 in Shanghai (22:00 UTC the day before).
    expect(issueEntries[0]!.published).toBe("2026-04-30T06:00:00+08:00");
    for (const e of entries(parseXml(xml))) expect(e.published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(rfc3339Shanghai(new Date("2026-04-30T16:30:05Z"))).toBe("2026-05-01T00:30:05+08:00");
  });

  it("carries free articles in full", async () => {
    const [notice] = await db.select().from(articles).where(eq(articles.title, "休刊公告"));
    const entry = entries(parseXml(xml)).find((e) => e.link === `${APP_URL}/articles/${notice!.id}`)!;
    expect(entry.title).toBe("休刊公告");
    // The notice's last paragraphs, i.e. the whole body.
    expect(entry.content).toContain("<p>财信报社</p>");
    expect(entry.content).toContain("<p>2026年4月30日</p>");
    expect(entry.content).not.toContain("订阅后阅读全文");
  });

  it("carries a subscriber-only article as its teaser with a note, never the rest", async () => {
    const [ai] = await db.select().from(articles).where(eq(articles.title, "内蒙古全面推动人工智能赋能千行百业"));
    const entry = entries(parseXml(xml)).find((e) => e.link === `${APP_URL}/articles/${ai!.id}`)!;
    const teaser = ai!.body.split("\n\n")[0]!.slice(0, 20);
    expect(entry.content).toContain(teaser);
    expect(entry.content).toContain("订阅后阅读全文");
    expect(entry.content.match(/<p>/g)!.length).toBeLessThanOrEqual(4); // byline, teaser, note
    expect(xml).not.toContain(MARKER);
    expect(xml).not.toContain(MARKER.slice(0, 12));
  });

  it("leaves out unpublished issues and their articles", () => {
    expect(xml).not.toContain("尚未出版的稿件");
    expect(xml).not.toContain("2026-05-07");
  });
});
