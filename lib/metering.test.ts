import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accessWindows, articles, auditLog, issues, meteredReads, pages, publication, users } from "@/db/schema";
import { demoPublication } from "@/db/seed/content";
import { freshDatabase } from "@/db/testing/fresh-database";
import type { Viewer } from "@/lib/access";
import { articleBodyAnswer, type ArticleBodyAnswer } from "./article-body-answer";
import { meterCookieOptions, meterDevice, meterMonth } from "./metering";
import { ONLY_ADMINS, updateMetering } from "./publication-settings";
import { addUnlock } from "./qr/unlock";

/**
 * Metered free articles, through the body API's answer: who gets the gated
 * text of a subscriber-only article under which allowance, and that nobody who
 * has used theirs does.
 */
let db: Db;
let drop: () => Promise<void>;
const ids: Record<"a" | "b" | "c" | "d" | "free", number> = { a: 0, b: 0, c: 0, d: 0, free: 0 };
/** More subscriber-only articles, for bursts of parallel requests. */
let many: number[] = [];
let admin: Viewer;
let editor: Viewer;
let subscriber: Viewer;
const DAY = 86_400_000;
// 2026-05-12 10:00 in Beijing, and the last and first minutes of April/May there.
const MAY = new Date("2026-05-12T02:00:00Z");
const LAST_MINUTE_OF_APRIL = new Date("2026-04-30T15:59:00Z");
const FIRST_MINUTE_OF_MAY = new Date("2026-04-30T16:01:00Z");

let emails = 0;
const viewer = async (role: Viewer["role"] = "member"): Promise<Viewer> => {
  const email = `reader${++emails}@meter.test`;
  const [row] = await db.insert(users).values({ email, role }).returning();
  return { id: row!.id, email, name: null, role };
};

const secondParagraph = (key: keyof typeof ids) => `${key}文的第二段,订阅内容。`;
const gatedTextOf = (answer: ArticleBodyAnswer) => JSON.stringify(answer.body);

/** Reads like the route does: the device's meter cookie in, the new one kept when the answer sets it. */
function device() {
  let cookie: string | undefined;
  return {
    get cookie() {
      return cookie;
    },
    set cookie(value) {
      cookie = value;
    },
    async read(key: keyof typeof ids, now = MAY) {
      const answer = await articleBodyAnswer(ids[key], null, undefined, now, cookie);
      if (answer.status === 200 && answer.meterCookie) cookie = answer.meterCookie;
      return answer;
    },
  };
}

const setMeter = async (anonymousPerMonth: number, memberPerMonth: number) => {
  const result = await updateMetering(admin.id, { anonymousPerMonth, memberPerMonth });
  expect(result).toMatchObject({ ok: true });
};

const memberReads = async (userId: string) =>
  (await db.select({ articleId: meteredReads.articleId, month: meteredReads.month }).from(meteredReads).where(eq(meteredReads.userId, userId))).map(
    (r) => `${r.month}:${Object.entries(ids).find(([, id]) => id === r.articleId)![0]}`,
  );

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  await db.insert(publication).values(demoPublication);
  const [issue] = await db.insert(issues).values({ date: "2026-04-30", number: 1253, pageCount: 8, status: "published", publishedAt: new Date("2026-04-29T22:00:00Z") }).returning();
  const [page] = await db.insert(pages).values({ issueId: issue!.id, number: 1, name: "第1版 要闻", imageKey: "p1.svg", imageWidth: 1000, imageHeight: 1414 }).returning();
  for (const key of ["a", "b", "c", "d", "free"] as const) {
    const [row] = await db
      .insert(articles)
      .values({ issueId: issue!.id, pageId: page!.id, title: `${key}文`, body: `${key}文导语。\n\n${secondParagraph(key)}\n\n${key}文的第三段。`, access: key === "free" ? "free" : "subscribers" })
      .returning();
    ids[key] = row!.id;
  }
  many = (
    await db
      .insert(articles)
      .values([...Array(12)].map((_, i) => ({ issueId: issue!.id, pageId: page!.id, title: `丛文${i}`, body: `丛文${i}导语。\n\n丛文${i}的第二段。`, access: "subscribers" as const })))
      .returning({ id: articles.id })
  ).map((r) => r.id);
  admin = await viewer("admin");
  editor = await viewer("editor");
  subscriber = await viewer();
  // Access is decided at the real "now" (lib/access.ts), metering at the test's: the window covers both.
  await db.insert(accessWindows).values({ userId: subscriber.id, source: "comp", startsAt: new Date(Math.min(MAY.getTime(), Date.now()) - DAY), endsAt: new Date(Math.max(MAY.getTime(), Date.now()) + DAY) });
});
afterAll(async () => drop());

describe("the metering setting", () => {
  it("is off by default: nobody without a subscription gets gated text, and no cookie is set", async () => {
    const member = await viewer();
    expect(await articleBodyAnswer(ids.a, null, undefined, MAY)).toEqual({ status: 401, body: { error: "请先登录" } });
    const denied = await articleBodyAnswer(ids.a, member, undefined, MAY);
    expect(denied.status).toBe(403);
    expect(denied.body).not.toHaveProperty("wall");
    expect(await memberReads(member.id)).toEqual([]);
  });

  it("is changed by admins only, as whole numbers 0 to 100, and audited", async () => {
    expect(await updateMetering(editor.id, { anonymousPerMonth: 3, memberPerMonth: 5 })).toEqual({ error: ONLY_ADMINS });
    for (const bad of [
      { anonymousPerMonth: -1, memberPerMonth: 0 },
      { anonymousPerMonth: 101, memberPerMonth: 0 },
      { anonymousPerMonth: 1.5, memberPerMonth: 0 },
      { anonymousPerMonth: "", memberPerMonth: "0" },
      { anonymousPerMonth: "3 篇", memberPerMonth: "0" },
    ]) {
      const result = await updateMetering(admin.id, bad);
      expect(result, JSON.stringify(bad)).toMatchObject({ error: "请检查填写的内容", fieldErrors: { anonymousPerMonth: [expect.stringContaining("0 到 100 的整数")] } });
    }
    const [row] = await db.select().from(publication);
    expect([row!.meterAnonymousPerMonth, row!.meterMemberPerMonth]).toEqual([0, 0]);

    expect(await updateMetering(admin.id, { anonymousPerMonth: "3", memberPerMonth: "0" })).toEqual({ ok: true, changed: ["anonymousPerMonth"] });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "publication.metering"));
    expect(entry).toMatchObject({ actorId: admin.id, before: { anonymousPerMonth: 0 }, after: { anonymousPerMonth: 3 } });
    expect(await updateMetering(admin.id, { anonymousPerMonth: 3, memberPerMonth: 0 })).toEqual({ ok: true, changed: [] });
    await setMeter(0, 0);
  });
});

describe("an anonymous device", () => {
  it("reads N subscriber-only articles a month in full, then meets the wall with no gated text", async () => {
    await setMeter(2, 5);
    const reader = device();
    const first = await reader.read("a");
    expect(first.status).toBe(200);
    expect(gatedTextOf(first)).toContain(secondParagraph("a"));
    expect(first.body).toMatchObject({ meter: { used: 1, allowance: 2, signedIn: false } });
    const second = await reader.read("b");
    expect(second.body).toMatchObject({ meter: { used: 2, allowance: 2 } });

    const third = await reader.read("c");
    expect(third).toEqual({ status: 401, body: { error: "本月免费文章已读完", wall: { used: 2, allowance: 2, memberAllowance: 5 } } });
    expect(gatedTextOf(third)).not.toContain(secondParagraph("c"));
    expect(third).not.toHaveProperty("meterCookie");
    // Asking again changes nothing.
    expect((await reader.read("c")).status).toBe(401);
    expect((await reader.read("d")).status).toBe(401);
  });

  it("rereads an article already counted for free, even at the limit, without a new cookie", async () => {
    await setMeter(2, 0);
    const reader = device();
    await reader.read("a");
    await reader.read("b");
    const cookie = reader.cookie;
    const again = await reader.read("a");
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ meter: { used: 2, allowance: 2 } });
    expect(again).not.toHaveProperty("meterCookie");
    expect(reader.cookie).toBe(cookie);
    // With no members' allowance the wall offers none.
    expect((await reader.read("c")).body).toEqual({ error: "本月免费文章已读完", wall: { used: 2, allowance: 2 } });
  });

  it("does not count free articles or articles unlocked by a QR scan", async () => {
    await setMeter(1, 0);
    const reader = device();
    const free = await reader.read("free");
    expect(free.status).toBe(200);
    expect(free.body).not.toHaveProperty("meter");
    const scanned = await articleBodyAnswer(ids.d, null, addUnlock(undefined, ids.d, MAY), MAY, reader.cookie);
    expect(scanned).toMatchObject({ status: 200, body: { unlockedBy: "qr" } });
    expect(scanned.body).not.toHaveProperty("meter");
    expect(scanned).not.toHaveProperty("meterCookie");
    expect((await reader.read("a")).status).toBe(200); // still the first of one
    expect((await reader.read("b")).status).toBe(401);
  });

  it("starts a new count when the month turns in Beijing, not in UTC", async () => {
    await setMeter(1, 0);
    const reader = device();
    expect((await reader.read("a", LAST_MINUTE_OF_APRIL)).status).toBe(200);
    expect((await reader.read("b", LAST_MINUTE_OF_APRIL)).status).toBe(401);
    expect(meterMonth(FIRST_MINUTE_OF_MAY)).toBe("2026-05");
    expect((await reader.read("b", FIRST_MINUTE_OF_MAY)).status).toBe(200);
    expect((await reader.read("c", FIRST_MINUTE_OF_MAY)).status).toBe(401);
    // The cookie itself is gone when the month ends: April's last minute leaves 60 seconds.
    expect(meterCookieOptions(LAST_MINUTE_OF_APRIL)).toMatchObject({ maxAge: 60, path: "/api/articles", httpOnly: true, sameSite: "lax" });
  });

  it("gets nothing with a cookie it edited, forged or brought from elsewhere, not even the articles it lists", async () => {
    await setMeter(3, 0);
    const reader = device();
    await reader.read("a");
    const honest = reader.cookie!;
    const [payload, tag] = honest.split(".") as [string, string];
    const edited = `${Buffer.from(JSON.stringify({ m: "2026-05", a: [] })).toString("base64url")}.${tag}`;
    const flipped = `${payload}.${tag.slice(0, -1)}${tag.endsWith("A") ? "B" : "A"}`;
    const otherSecret = meterDevice(undefined, ids.a, 3, MAY, "someone-elses-secret-0123456789abcdefghijk");
    const qrCookie = addUnlock(undefined, ids.a, MAY); // signed, but for another purpose
    for (const bad of [edited, flipped, otherSecret.allowed ? otherSecret.cookie! : "", qrCookie, `${payload}.`, "garbage", "x".repeat(5000)]) {
      for (const key of ["a", "b"] as const) {
        const answer = await articleBodyAnswer(ids[key], null, undefined, MAY, bad);
        expect(answer, `${key} with ${bad.slice(0, 20)}`).toEqual({ status: 401, body: { error: "本月免费文章已读完", wall: { used: 3, allowance: 3 } } });
      }
    }
    // The honest cookie still works.
    expect((await articleBodyAnswer(ids.b, null, undefined, MAY, honest)).status).toBe(200);
  });

  it("keeps rereads when staff lower the allowance, and reads nothing once it is 0", async () => {
    await setMeter(3, 0);
    const reader = device();
    for (const key of ["a", "b", "c"] as const) expect((await reader.read(key)).status).toBe(200);
    await setMeter(1, 0);
    expect((await reader.read("b")).status).toBe(200);
    expect((await reader.read("d")).status).toBe(401);
    await setMeter(0, 0);
    expect(await reader.read("b")).toEqual({ status: 401, body: { error: "请先登录" } });
  });
});

describe("a signed-in member without a subscription", () => {
  it("reads M a month, counted on the server whatever the device, rereads free, then meets the wall", async () => {
    await setMeter(0, 2);
    const member = await viewer();
    const first = await articleBodyAnswer(ids.a, member, undefined, MAY);
    expect(first).toMatchObject({ status: 200, body: { meter: { used: 1, allowance: 2, signedIn: true } } });
    expect(first).not.toHaveProperty("meterCookie");
    expect((await articleBodyAnswer(ids.b, member, undefined, MAY)).body).toMatchObject({ meter: { used: 2, allowance: 2 } });
    expect((await articleBodyAnswer(ids.a, member, undefined, MAY)).body).toMatchObject({ meter: { used: 2, allowance: 2 } });
    const walled = await articleBodyAnswer(ids.c, member, undefined, MAY);
    expect(walled).toEqual({ status: 403, body: { error: "本月免费文章已读完", accessNote: expect.any(String), wall: { used: 2, allowance: 2 } } });
    expect(gatedTextOf(walled)).not.toContain(secondParagraph("c"));
    // A device cookie with room left does not help a signed-in member.
    const roomLeft = meterDevice(undefined, ids.d, 50, MAY);
    expect(roomLeft.allowed && roomLeft.cookie).toBeTruthy();
    expect((await articleBodyAnswer(ids.c, member, undefined, MAY, roomLeft.allowed ? roomLeft.cookie! : undefined)).status).toBe(403);
    expect((await memberReads(member.id)).sort()).toEqual(["2026-05:a", "2026-05:b"]);
    // Free articles never count.
    expect((await articleBodyAnswer(ids.free, member, undefined, MAY)).body).not.toHaveProperty("meter");
    expect(await memberReads(member.id)).toHaveLength(2);
  });

  it("gets a new allowance when the month turns in Beijing", async () => {
    await setMeter(0, 1);
    const member = await viewer();
    expect((await articleBodyAnswer(ids.a, member, undefined, LAST_MINUTE_OF_APRIL)).status).toBe(200);
    expect((await articleBodyAnswer(ids.b, member, undefined, LAST_MINUTE_OF_APRIL)).status).toBe(403);
    expect((await articleBodyAnswer(ids.b, member, undefined, FIRST_MINUTE_OF_MAY)).status).toBe(200);
    expect((await memberReads(member.id)).sort()).toEqual(["2026-04:a", "2026-05:b"]);
  });

  it("cannot exceed the allowance with parallel requests", async () => {
    await setMeter(0, 3);
    const member = await viewer();
    expect((await articleBodyAnswer(ids.a, member, undefined, MAY)).status).toBe(200);
    expect((await articleBodyAnswer(ids.b, member, undefined, MAY)).status).toBe(200);
    // One left: twelve different articles asked at once, and a reread of a among them.
    const answers = await Promise.all([...many, ids.a].map((id) => articleBodyAnswer(id, member, undefined, MAY)));
    expect(answers.at(-1)!.status).toBe(200);
    expect(answers.slice(0, -1).filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 403)).toHaveLength(11);
    const rows = await db.select().from(meteredReads).where(and(eq(meteredReads.userId, member.id), eq(meteredReads.month, "2026-05")));
    expect(rows).toHaveLength(3);

    // None left: another burst serves only rereads and counts nothing new.
    const read = new Set(rows.map((r) => r.articleId));
    const burst = await Promise.all([...many, ids.a, ids.b].map(async (id) => [id, (await articleBodyAnswer(id, member, undefined, MAY)).status] as const));
    for (const [id, status] of burst) expect(status).toBe(read.has(id) ? 200 : 403);
    expect(await db.select().from(meteredReads).where(eq(meteredReads.userId, member.id))).toHaveLength(3);
  });
});

describe("readers who may read everything", () => {
  it("are never metered: subscribers and staff read past any allowance, and nothing is counted", async () => {
    await setMeter(1, 1);
    for (const who of [subscriber, editor, admin]) {
      for (const key of ["a", "b", "c", "d"] as const) {
        const answer = await articleBodyAnswer(ids[key], who, undefined, MAY);
        expect(answer.status).toBe(200);
        expect(answer.body).not.toHaveProperty("meter");
        expect(answer).not.toHaveProperty("meterCookie");
      }
      expect(await memberReads(who.id)).toEqual([]);
    }
    await setMeter(0, 0);
  });
});
