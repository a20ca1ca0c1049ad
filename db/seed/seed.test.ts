import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accessWindows, articles, images, issues, pages, pauses, publication, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { resetEnvCache } from "@/lib/env";
import { deleteObject, getObject } from "@/lib/storage";
import { DEMO_PASSWORD, seedDemo } from "./index";
import { seedIssue } from "./issues";
import { issue1253 } from "./content";

const MARKER = "内蒙古将聚焦三大目标,推动人工智能发展迈上新台阶。";

const ALL_TABLES = [
  "publication",
  "issues",
  "pages",
  "articles",
  "images",
  "pauses",
  "users",
  "accounts",
  "sessions",
  "verification_tokens",
  "auth_tokens",
  "access_windows",
  "rate_limits",
  "outbox",
];

let db: Db;
let drop: () => Promise<void>;
let storageDir: string;
const quiet = () => {};

/** Every seeded row, in a stable order, for before/after comparisons. */
async function snapshot() {
  return {
    publication: await db.select().from(publication),
    issues: await db.select().from(issues).orderBy(asc(issues.id)),
    pages: await db.select().from(pages).orderBy(asc(pages.id)),
    articles: await db.select().from(articles).orderBy(asc(articles.id)),
    images: await db.select().from(images).orderBy(asc(images.id)),
    pauses: await db.select().from(pauses).orderBy(asc(pauses.id)),
    users: await db.select().from(users).orderBy(asc(users.email)),
    accessWindows: await db.select().from(accessWindows).orderBy(asc(accessWindows.id)),
  };
}

async function count(table: string): Promise<number> {
  const rows = await db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from "${table}"`));
  // postgres-js returns an array of rows, PGlite an object with `rows`.
  const list = (Array.isArray(rows) ? rows : (rows as unknown as { rows: { n: number }[] }).rows) as { n: number }[];
  return list[0]!.n;
}

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  // Page images go to a temp folder too (freshDatabase only sets DATA_DIR for PGlite).
  storageDir = mkdtempSync(path.join(os.tmpdir(), "caixin-seed-media-"));
  process.env.DATA_DIR = storageDir;
  resetEnvCache();
});

afterAll(async () => {
  await drop?.();
  rmSync(storageDir, { recursive: true, force: true });
});

describe("seedDemo", () => {
  let afterContent: Awaited<ReturnType<typeof snapshot>>;

  it("starts from a freshly migrated, empty database", async () => {
    for (const table of ALL_TABLES) expect(await count(table), table).toBe(0);
  });

  it("seeds the paper without demo accounts when asked not to", async () => {
    await seedDemo(db, { demoAccounts: false, log: quiet });
    afterContent = await snapshot();
    expect(afterContent.publication).toHaveLength(1);
    expect(afterContent.publication[0]).toMatchObject({ id: 1, name: "财信报", cnNumber: "CN 15-0042", weekdays: [1, 4], timeZone: "Asia/Shanghai" });
    expect(afterContent.issues.map((i) => [i.number, i.date, i.status])).toEqual([
      [1249, "2026-04-16", "published"],
      [1250, "2026-04-20", "published"],
      [1251, "2026-04-23", "published"],
      [1252, "2026-04-27", "published"],
      [1253, "2026-04-30", "published"],
    ]);
    expect(afterContent.pauses).toMatchObject([{ startsOn: "2026-05-04", endsOn: "2026-05-04", reason: "劳动节" }]);
    expect(afterContent.users).toEqual([]);
    expect(afterContent.accessWindows).toEqual([]);
  });

  it("gives issue 1253 eight pages and the four front-page items with their access levels", async () => {
    const [issue] = await db.select().from(issues).where(eq(issues.number, 1253));
    expect(issue!.publishedAt?.toISOString()).toBe("2026-04-29T22:00:00.000Z");
    expect(issue!.pageCount).toBe(8);
    const issuePages = await db.select().from(pages).where(eq(pages.issueId, issue!.id)).orderBy(asc(pages.number));
    expect(issuePages.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const front = await db.select().from(articles).where(eq(articles.pageId, issuePages[0]!.id)).orderBy(asc(articles.position));
    expect(front.map((a) => [a.title, a.access, a.isSample])).toEqual([
      ["内蒙古全面推动人工智能赋能千行百业", "subscribers", false],
      ["“五一”临近 旅游升温", "free", false],
      ["休刊公告", "free", false],
      ["内蒙古推出知识产权赋能措施", "subscribers", false],
    ]);
    const ai = front[0]!;
    const [firstParagraph] = ai.body.split("\n\n");
    expect(firstParagraph).not.toContain(MARKER);
    expect(ai.body).toContain(MARKER);
    expect(ai).toMatchObject({ byline: "记者 韩雪茹", source: "据《内蒙古日报》" });

    const photo = await db.select().from(images).where(eq(images.articleId, front[1]!.id));
    expect(photo).toMatchObject([
      {
        fileKey: "images/1253/wuyi-travel.svg",
        caption: "“五一”假期临近,各地文旅市场持续升温。图为4月27日,游客在重庆市黔江区阿蓬江国家湿地公园花卉园赏花、游玩。",
        credit: "据新华社杨敏/摄",
      },
    ]);
    expect((await getObject("images/1253/wuyi-travel.svg"))?.contentType).toBe("image/svg+xml");

    const inside = await db.select().from(articles).where(eq(articles.issueId, issue!.id));
    expect(inside.filter((a) => a.pageId !== issuePages[0]!.id).every((a) => a.isSample)).toBe(true);
  });

  it("stores a page image for every page", async () => {
    const all = await db.select().from(pages);
    expect(all.length).toBe(8 + 4 * 4);
    for (const p of all) {
      expect(p).toMatchObject({ imageWidth: 1000, imageHeight: 1414 });
      const file = await getObject(p.imageKey!);
      expect(file?.contentType, p.imageKey!).toBe("image/svg+xml");
      expect(file!.body.toString("utf8")).toMatch(/^<svg /);
    }
    const front = (await getObject("pages/2026-04-30/1.svg"))!.body.toString("utf8");
    expect(front).toContain("扫码关注本报网站");
    expect(front).not.toContain(MARKER); // the image is public: gated text stays out
  });

  it("adds the demo accounts later without touching the content", async () => {
    await seedDemo(db, { demoAccounts: true, log: quiet });
    const now = await snapshot();
    expect({ ...now, users: [], accessWindows: [] }).toEqual({ ...afterContent, users: [], accessWindows: [] });
    expect(now.users.map((u) => [u.email, u.role, u.emailVerified !== null])).toEqual([
      ["admin@demo.test", "admin", true],
      ["editor@demo.test", "editor", true],
      ["lapsed@demo.test", "member", true],
      ["member@demo.test", "member", true],
      ["subscriber@demo.test", "member", true],
    ]);
    expect(await bcrypt.compare(DEMO_PASSWORD, now.users[0]!.passwordHash!)).toBe(true);
    const byUser = new Map(now.users.map((u) => [u.id, u.email]));
    expect(
      now.accessWindows.map((w) => [byUser.get(w.userId), w.source, w.reference, w.startsAt.toISOString(), w.endsAt?.toISOString()]).sort(),
    ).toEqual([
      ["lapsed@demo.test", "subscription", "demo", "2025-03-31T16:00:00.000Z", "2026-03-31T16:00:00.000Z"],
      ["subscriber@demo.test", "prepaid", "demo", "2025-12-31T16:00:00.000Z", "2027-12-31T16:00:00.000Z"],
    ]);
  });

  it("is idempotent: a second run leaves every row and id exactly as it was", async () => {
    const before = await snapshot();
    const lines: string[] = [];
    await seedDemo(db, { demoAccounts: true, log: (l) => lines.push(l) });
    expect(await snapshot()).toEqual(before);
    expect(lines.some((l) => /created/.test(l))).toBe(false);
  });

  it("restores a deleted seed file on the next run", async () => {
    await deleteObject("pages/2026-04-27/3.svg");
    await seedDemo(db, { demoAccounts: false, log: quiet });
    expect(await getObject("pages/2026-04-27/3.svg")).not.toBeNull();
  });

  it("writes an issue all or nothing", async () => {
    const before = await snapshot();
    const broken = {
      ...issue1253,
      number: 9999,
      date: "2026-05-11",
      pages: issue1253.pages.map((p, i) =>
        i === 3 ? { ...p, articles: [{ ...p.articles[0]!, title: null as unknown as string }] } : p,
      ),
    };
    await expect(seedIssue(db, broken, quiet)).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });
});
