import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accessWindows, articleReadsDaily, articles, issues, pages, plans, subscriptions, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import {
  activeSubscribersBySource,
  countArticleRead,
  formatYuan,
  isBotUserAgent,
  monthlyRecurringRevenueFen,
  newVsEndedPerDay,
  nextScheduledIssue,
  readsPerDay,
  todaysIssue,
  topArticlesToday,
} from "./dashboard";

// 2026-05-01 12:00 in Beijing.
const now = new Date("2026-05-01T04:00:00Z");
const at = (iso: string) => new Date(iso);

let db: Db;
let drop: () => Promise<void>;
const u: Record<string, string> = {};
const art: Record<string, number> = {};

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  for (let i = 1; i <= 11; i++) {
    const [row] = await db.insert(users).values({ email: `u${i}@dash.test` }).returning({ id: users.id });
    u[`u${i}`] = row!.id;
  }
  const w = (user: string, source: "subscription" | "prepaid" | "gift" | "comp", startsAt: string, endsAt: string | null) => ({
    userId: u[user]!,
    source,
    startsAt: at(startsAt),
    endsAt: endsAt ? at(endsAt) : null,
  });
  await db.insert(accessWindows).values([
    // u1: subscription since 4-30 23:59 Beijing, plus an overlapping comp window: counts once, as subscription.
    w("u1", "subscription", "2026-04-30T15:59:00Z", "2026-05-30T15:59:00Z"),
    w("u1", "comp", "2026-04-30T20:00:00Z", null),
    // u2: a gift, then a prepaid term continuing it without a gap: not new, not ended on 4-25.
    w("u2", "gift", "2026-04-01T00:00:00Z", "2026-04-25T00:00:00Z"),
    w("u2", "prepaid", "2026-04-25T00:00:00Z", "2026-06-01T00:00:00Z"),
    w("u3", "gift", "2026-04-30T02:00:00Z", "2026-07-30T02:00:00Z"),
    w("u4", "comp", "2026-03-01T00:00:00Z", null),
    // u5: 4-11 00:30 to 4-20 01:00 Beijing (4-10 and 4-19 in UTC).
    w("u5", "prepaid", "2026-04-10T16:30:00Z", "2026-04-19T17:00:00Z"),
    // u6: starts tomorrow.
    w("u6", "prepaid", "2026-05-02T00:00:00Z", "2026-06-02T00:00:00Z"),
    // u11: two windows at the same instants: one reader arriving and leaving.
    w("u11", "gift", "2026-04-15T02:00:00Z", "2026-04-16T02:00:00Z"),
    w("u11", "comp", "2026-04-15T02:00:00Z", "2026-04-16T02:00:00Z"),
  ]);

  const plan = (key: string, kind: "recurring" | "prepaid", interval: "month" | "year" | null, months: number, amountFen: number) => ({
    key,
    name: key,
    description: key,
    kind,
    interval,
    months,
    amountFen,
  });
  await db.insert(plans).values([
    plan("monthly", "recurring", "month", 1, 2800),
    plan("yearly", "recurring", "year", 12, 28800),
    plan("prepaid-3", "prepaid", null, 3, 8000),
  ]);
  const sub = (id: string, user: string, planKey: string, status: string, endedAt: Date | null = null) => ({ id, userId: u[user]!, planKey, status, endedAt, stateAt: now });
  await db.insert(subscriptions).values([
    sub("sub_1", "u1", "monthly", "active"),
    sub("sub_7", "u7", "yearly", "active"),
    sub("sub_8", "u8", "monthly", "trialing"),
    sub("sub_9", "u9", "yearly", "canceled", at("2026-04-20T00:00:00Z")),
    sub("sub_10", "u10", "monthly", "past_due"),
  ]);

  const [published] = await db.insert(issues).values({ date: "2026-04-30", number: 1253, pageCount: 1, status: "published", publishedAt: at("2026-04-29T22:00:00Z") }).returning();
  const [today] = await db.insert(issues).values({ date: "2026-05-01", number: 1254, pageCount: 1, status: "scheduled", publishAt: at("2026-05-01T06:00:00Z") }).returning();
  await db.insert(issues).values({ date: "2026-05-04", number: 1255, pageCount: 1, status: "scheduled", publishAt: at("2026-05-03T22:00:00Z") });
  for (const [key, issue] of [["published", published!], ["draft", today!]] as const) {
    const [page] = await db.insert(pages).values({ issueId: issue.id, number: 1, name: "第1版" }).returning();
    const [a] = await db.insert(articles).values({ issueId: issue.id, pageId: page!.id, title: `${key} article`, body: "x" }).returning();
    art[key] = a!.id;
  }
  const [second] = await db.insert(articles).values({ issueId: published!.id, pageId: (await db.select().from(pages))[0]!.id, title: "second article", body: "y" }).returning();
  art.second = second!.id;
});
afterAll(async () => drop());

describe("dashboard: issues", () => {
  it("finds today's issue (Beijing) with its status, and the next scheduled one", async () => {
    expect(await todaysIssue(now)).toMatchObject({ date: "2026-05-01", number: 1254, status: "scheduled" });
    // At 23:30 UTC on 4-30 it is already 5-01 in Beijing.
    expect((await todaysIssue(at("2026-04-30T16:30:00Z")))?.date).toBe("2026-05-01");
    expect((await todaysIssue(at("2026-04-30T15:30:00Z")))?.date).toBe("2026-04-30");
    expect(await todaysIssue(at("2026-05-02T04:00:00Z"))).toBeNull();
    expect(await nextScheduledIssue()).toMatchObject({ number: 1254 });
  });
});

describe("dashboard: subscribers and money", () => {
  it("counts each reader with access now once, under the strongest source", async () => {
    expect(await activeSubscribersBySource(now)).toEqual({ subscription: 1, prepaid: 1, gift: 1, comp: 1, total: 4 });
  });

  it("MRR counts active and past-due recurring subscriptions, yearly ÷ 12, not trials or ended ones", async () => {
    expect(await monthlyRecurringRevenueFen()).toBe(2800 + 2400 + 2800);
    expect(formatYuan(8000)).toBe("¥80.00");
    expect(formatYuan(123456789)).toBe("¥1,234,567.89");
    expect(formatYuan(2333.33)).toBe("¥23.33");
  });

  it("new vs ended per Beijing day over 30 days, per reader, continuations not counted", async () => {
    const series = await newVsEndedPerDay(30, now);
    expect(series).toHaveLength(30);
    expect(series[0]!.day).toBe("2026-04-02");
    expect(series.at(-1)!.day).toBe("2026-05-01");
    const nonZero = series.filter((d) => d.started || d.ended);
    expect(nonZero).toEqual([
      { day: "2026-04-11", started: 1, ended: 0 },
      { day: "2026-04-15", started: 1, ended: 0 },
      { day: "2026-04-16", started: 0, ended: 1 },
      { day: "2026-04-20", started: 0, ended: 1 },
      { day: "2026-04-30", started: 2, ended: 0 },
    ]);
  });
});

describe("read counting", () => {
  it("counts reads of published articles with one upsert per read, concurrently safe", async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => countArticleRead(art.published!, now)));
    expect(results.every(Boolean)).toBe(true);
    await countArticleRead(art.second!, now);
    await countArticleRead(art.published!, at("2026-04-30T10:00:00Z"));
    const stored = await db.select().from(articleReadsDaily).orderBy(articleReadsDaily.day, articleReadsDaily.articleId);
    expect(stored).toEqual([
      { day: "2026-04-30", articleId: art.published, reads: 1 },
      { day: "2026-05-01", articleId: art.published, reads: 5 },
      { day: "2026-05-01", articleId: art.second, reads: 1 },
    ]);
  });

  it("refuses unpublished, unknown and malformed articles without writing", async () => {
    const before = await db.$count(articleReadsDaily);
    expect(await countArticleRead(art.draft!, now)).toBe(false);
    expect(await countArticleRead(999_999, now)).toBe(false);
    expect(await countArticleRead(Number.NaN, now)).toBe(false);
    expect(await db.$count(articleReadsDaily)).toBe(before);
  });

  it("reads per day (14 days, zeros filled) and today's top articles", async () => {
    const series = await readsPerDay(14, now);
    expect(series).toHaveLength(14);
    expect(series.at(-1)).toEqual({ day: "2026-05-01", count: 6 });
    expect(series.at(-2)).toEqual({ day: "2026-04-30", count: 1 });
    expect(series.slice(0, -2).every((d) => d.count === 0)).toBe(true);
    expect((await topArticlesToday(5, now)).map((a) => [a.title, a.reads, a.issueDate, a.pageNumber])).toEqual([
      ["published article", 5, "2026-04-30", 1],
      ["second article", 1, "2026-04-30", 1],
    ]);
  });

  it("tells bots from browsers", () => {
    expect(isBotUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0")).toBe(false);
    expect(isBotUserAgent("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).toBe(true);
    expect(isBotUserAgent("Mozilla/5.0 (compatible; Baiduspider/2.0)")).toBe(true);
    expect(isBotUserAgent("curl/8.5.0")).toBe(true);
    expect(isBotUserAgent(null)).toBe(true);
  });
});
