import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accessWindows, articles, issues, pages, publication, users } from "@/db/schema";
import { demoPublication } from "@/db/seed/content";
import { freshDatabase } from "@/db/testing/fresh-database";
import type { Viewer } from "@/lib/access";
import { articleBodyAnswer } from "./article-body-answer";
import { addUnlock } from "./qr/unlock";

/** Who gets the gated text of /api/articles/ID/body, and who never does. */
describe("the article body API's answer", () => {
  let db: Db;
  let drop: () => Promise<void>;
  let a = 0; // subscriber-only, the scanned article
  let b = 0; // subscriber-only, not scanned
  let free = 0;
  let draftArticle = 0;
  let subscriber: Viewer;
  let member: Viewer;
  let editor: Viewer;
  const DAY = 86_400_000;

  const viewer = async (email: string, role: Viewer["role"] = "member"): Promise<Viewer> => {
    const [row] = await db.insert(users).values({ email, role }).returning();
    return { id: row!.id, email, name: null, role };
  };

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    await db.insert(publication).values(demoPublication);
    const [issue] = await db.insert(issues).values({ date: "2026-04-30", number: 1253, pageCount: 8, status: "published", publishedAt: new Date("2026-04-29T22:00:00Z") }).returning();
    const [draft] = await db.insert(issues).values({ date: "2026-12-31", number: 1330, pageCount: 4, status: "draft" }).returning();
    const [page] = await db.insert(pages).values({ issueId: issue!.id, number: 1, name: "第1版 要闻", imageKey: "p1.svg", imageWidth: 1000, imageHeight: 1414 }).returning();
    const [draftPage] = await db.insert(pages).values({ issueId: draft!.id, number: 1, name: "第1版 要闻", imageKey: "d1.svg", imageWidth: 1000, imageHeight: 1414 }).returning();
    const article = async (title: string, access: "free" | "subscribers", issueId = issue!.id, pageId = page!.id) =>
      (await db.insert(articles).values({ issueId, pageId, title, body: `${title}导语。\n\n${title}的第二段,订阅内容。\n\n${title}的第三段。`, access }).returning())[0]!.id;
    a = await article("甲文", "subscribers");
    b = await article("乙文", "subscribers");
    free = await article("免费文", "free");
    draftArticle = await article("未刊文", "subscribers", draft!.id, draftPage!.id);
    subscriber = await viewer("sub@body.test");
    await db.insert(accessWindows).values({ userId: subscriber.id, source: "comp", startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + 30 * DAY) });
    member = await viewer("member@body.test");
    editor = await viewer("editor@body.test", "editor");
  });
  afterAll(async () => drop());

  const unlockA = () => addUnlock(undefined, a, new Date());

  it("gives a device that scanned article A the rest of A, marked as unlocked by QR, signed in or not", async () => {
    for (const who of [null, member]) {
      const answer = await articleBodyAnswer(a, who, unlockA());
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ unlockedBy: "qr", photos: [] });
      const rest = (answer.body as { rest: string[] }).rest;
      expect(rest.join("")).toContain("甲文的第二段");
      expect(rest.join("")).not.toContain("甲文导语"); // the teaser is on the cached page already
    }
  });

  it("never gives gated text of article B for a cookie of article A", async () => {
    expect(await articleBodyAnswer(b, null, unlockA())).toEqual({ status: 401, body: { error: "请先登录" } });
    const denied = await articleBodyAnswer(b, member, unlockA());
    expect(denied.status).toBe(403);
    expect(JSON.stringify(denied.body)).not.toContain("乙文的第二段");
  });

  it("unlocks nothing with a tampered, expired or foreign-signed cookie", async () => {
    const cookie = unlockA();
    const [payload, tag] = cookie.split(".") as [string, string];
    const forgedForB = `${Buffer.from(JSON.stringify({ [b]: 4_000_000_000 })).toString("base64url")}.${tag}`;
    const flipped = `${payload}.${tag.slice(0, -1)}${tag.endsWith("A") ? "B" : "A"}`;
    const otherSecret = addUnlock(undefined, a, new Date(), "someone-elses-secret-0123456789abcdefghijk");
    for (const bad of [flipped, otherSecret, `${payload}.`, "garbage"]) {
      expect((await articleBodyAnswer(a, null, bad)).status).toBe(401);
      expect((await articleBodyAnswer(a, member, bad)).status).toBe(403);
    }
    expect((await articleBodyAnswer(b, null, forgedForB)).status).toBe(401);
    const eightDaysLater = new Date(Date.now() + 8 * DAY);
    expect((await articleBodyAnswer(a, null, cookie, eightDaysLater)).status).toBe(401);
    expect((await articleBodyAnswer(a, null, cookie, new Date(Date.now() + 6 * DAY))).status).toBe(200);
  });

  it("does not unlock an article whose issue is not published, cookie or not", async () => {
    expect(await articleBodyAnswer(draftArticle, null, addUnlock(undefined, draftArticle, new Date()))).toEqual({ status: 404, body: { error: "未找到该文章" } });
    expect((await articleBodyAnswer(null, null, undefined)).status).toBe(404);
  });

  it("answers subscribers, staff and free articles as before, without the QR mark", async () => {
    for (const [id, who, cookie] of [
      [a, subscriber, unlockA()],
      [b, subscriber, undefined],
      [b, editor, undefined],
      [free, null, undefined],
      [free, null, unlockA()],
    ] as const) {
      const answer = await articleBodyAnswer(id, who, cookie);
      expect(answer.status).toBe(200);
      expect(answer.body).not.toHaveProperty("unlockedBy");
      expect((answer.body as { rest: string[] }).rest.length).toBeGreaterThan(0);
    }
  });

  it("tells a signed-in reader without access why (403 with the access note), and a signed-out one to sign in (401)", async () => {
    expect(await articleBodyAnswer(b, null, undefined)).toEqual({ status: 401, body: { error: "请先登录" } });
    expect(await articleBodyAnswer(b, Promise.resolve(member), undefined)).toEqual({
      status: 403,
      body: { error: "订阅后可阅读全文", accessNote: expect.any(String) },
    });
  });
});
