import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, issues, pages, pauses, publication, users } from "@/db/schema";
import { demoPublication } from "@/db/seed/content";
import { freshDatabase } from "@/db/testing/fresh-database";
import { FORBIDDEN } from "./actions";
import { nextIssueDefaults } from "./calendar";
import {
  createIssue,
  formatPaperTime,
  instantToWallTime,
  PAST_TIME_REFUSAL,
  PAUSED_DAY_REFUSAL,
  publishDueIssues,
  publishIssue,
  scheduleIssue,
  unpublishIssue,
  wallTimeToInstant,
} from "./issues-admin";

// 2026-05-01 in Shanghai (a Friday): after issue 1253 (Thursday 4-30), before the 劳动节 pause on Monday 5-4.
const now = new Date("2026-05-01T02:00:00Z");

describe("issues-admin: creating, publishing and scheduling issues", () => {
  let db: Db;
  let drop: () => Promise<void>;
  const actors = { editor: "", admin: "", member: "" };

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    await db.insert(publication).values(demoPublication);
    await db.insert(pauses).values({ startsOn: "2026-05-04", endsOn: "2026-05-04", reason: "劳动节" });
    await db.insert(issues).values({ date: "2026-04-30", number: 1253, pageCount: 1, status: "published", publishedAt: new Date("2026-04-29T22:00:00Z") });
    for (const role of ["editor", "admin", "member"] as const) {
      const [user] = await db.insert(users).values({ email: `${role}@issues.test`, role }).returning();
      actors[role] = user!.id;
    }
  });
  afterAll(async () => drop());

  const count = async () => ({ issues: (await db.select().from(issues)).length, pages: (await db.select().from(pages)).length });

  it("defaults to the next publication day after the last issue, skipping the pause, numbered on", async () => {
    expect(await nextIssueDefaults("2026-05-01")).toEqual({ date: "2026-05-07", number: 1254 });
  });

  it("creates the issue as a draft with its empty pages 第1版…第N版", async () => {
    const result = await createIssue(actors.editor, { date: "2026-05-07", number: "1254", pageCount: "4" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.issue).toMatchObject({ date: "2026-05-07", number: 1254, pageCount: 4, status: "draft", publishAt: null, publishedAt: null });
    const rows = await db.select({ number: pages.number, name: pages.name }).from(pages).where(eq(pages.issueId, result.issue.id)).orderBy(pages.number);
    expect(rows).toEqual([1, 2, 3, 4].map((n) => ({ number: n, name: `第${n}版` })));
  });

  it("refuses a taken date or number with field errors, writing nothing", async () => {
    const before = await count();
    const sameDate = await createIssue(actors.editor, { date: "2026-05-07", number: 1300, pageCount: 4 });
    expect(sameDate).toMatchObject({ ok: false, fieldErrors: { date: ["该日已有一期(总第1254期)"] } });
    const sameNumber = await createIssue(actors.editor, { date: "2026-05-11", number: 1254, pageCount: 4 });
    expect(sameNumber).toMatchObject({ ok: false, fieldErrors: { number: ["总第1254期已存在(2026-05-07)"] } });
    const both = await createIssue(actors.admin, { date: "2026-04-30", number: 1253, pageCount: 4 });
    expect(both.ok).toBe(false);
    if (!both.ok) expect(Object.keys(both.fieldErrors ?? {}).sort()).toEqual(["date", "number"]);
    expect(await count()).toEqual(before);
  });

  it("refuses a page count outside 1–32 and a malformed date", async () => {
    const before = await count();
    for (const pageCount of [0, 33, "x"]) {
      const result = await createIssue(actors.editor, { date: "2026-05-11", number: 1255, pageCount });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.fieldErrors?.pageCount?.join(" ")).toMatch(/1至32/);
    }
    const badDate = await createIssue(actors.editor, { date: "2026-02-30", number: 1255, pageCount: 4 });
    expect(badDate.ok ? null : badDate.fieldErrors?.date).toBeTruthy();
    expect(await count()).toEqual(before);
  });

  it("requires the override for a paused day and for a non-publication day, giving the reason", async () => {
    const before = await count();
    const paused = await createIssue(actors.editor, { date: "2026-05-04", number: 1255, pageCount: 2 });
    expect(paused).toMatchObject({ ok: false, fieldErrors: { override: ["该日休刊(劳动节),不能出版"] } });
    const tuesday = await createIssue(actors.editor, { date: "2026-05-12", number: 1255, pageCount: 2, override: "" });
    expect(tuesday).toMatchObject({ ok: false, fieldErrors: { override: ["该日不是出版日"] } });
    expect(await count()).toEqual(before);

    const forced = await createIssue(actors.editor, { date: "2026-05-12", number: 1255, pageCount: 2, override: "on" });
    expect(forced).toMatchObject({ ok: true, issue: { date: "2026-05-12", number: 1255 } });
    const forcedPaused = await createIssue(actors.admin, { date: "2026-05-04", number: 1256, pageCount: 1, override: true });
    expect(forcedPaused.ok).toBe(true);
  });

  it("refuses a member (and an unknown user) in every rule", async () => {
    const before = await count();
    const [issue] = await db.select().from(issues).where(eq(issues.number, 1254));
    for (const actor of [actors.member, "no-such-user"]) {
      expect(await createIssue(actor, { date: "2026-05-14", number: 1260, pageCount: 1 })).toEqual({ ok: false, error: FORBIDDEN });
      expect(await publishIssue(actor, issue!.id)).toEqual({ ok: false, error: FORBIDDEN });
      expect(await unpublishIssue(actor, issue!.id)).toEqual({ ok: false, error: FORBIDDEN });
      expect(await scheduleIssue(actor, issue!.id, new Date("2026-05-06T22:00:00Z"), { now })).toEqual({ ok: false, error: FORBIDDEN });
    }
    expect(await count()).toEqual(before);
    expect((await db.select().from(issues).where(eq(issues.id, issue!.id)))[0]!.status).toBe("draft");
  });

  it("writes issue and pages atomically: a failing page insert leaves no issue behind", async () => {
    // A test-only trigger makes the page insert fail after the issue row went in.
    await db.execute(sql`create function refuse_page() returns trigger language plpgsql as $$ begin raise exception 'no pages today'; end $$`);
    await db.execute(sql`create trigger refuse_page before insert on pages for each row when (new.name = '第3版') execute function refuse_page()`);
    try {
      const before = await count();
      await expect(createIssue(actors.editor, { date: "2026-05-14", number: 1257, pageCount: 3 })).rejects.toThrow();
      expect(await count()).toEqual(before);
      expect(await db.select().from(issues).where(eq(issues.number, 1257))).toEqual([]);
    } finally {
      await db.execute(sql`drop trigger refuse_page on pages`);
      await db.execute(sql`drop function refuse_page()`);
    }
  });

  it("publishes now and withdraws back to draft", async () => {
    const [issue] = await db.select().from(issues).where(eq(issues.number, 1254));
    const published = await publishIssue(actors.editor, issue!.id, { now });
    expect(published).toMatchObject({ ok: true, issue: { status: "published", publishedAt: now, publishAt: null } });
    const again = await publishIssue(actors.editor, issue!.id, { now: new Date("2026-05-02T00:00:00Z") });
    expect(again).toMatchObject({ ok: true, issue: { publishedAt: now } });
    const withdrawn = await unpublishIssue(actors.admin, issue!.id);
    expect(withdrawn).toMatchObject({ ok: true, issue: { status: "draft", publishedAt: null }, previous: { status: "published" } });
    expect(await publishIssue(actors.editor, 999_999)).toMatchObject({ ok: false });
  });

  it("refuses to schedule an issue dated on a paused day, or for a time in the past", async () => {
    const [onPause] = await db.select().from(issues).where(eq(issues.date, "2026-05-04"));
    const paused = await scheduleIssue(actors.editor, onPause!.id, new Date("2026-05-03T22:00:00Z"), { now });
    expect(paused).toMatchObject({ ok: false, error: PAUSED_DAY_REFUSAL });
    const [issue] = await db.select().from(issues).where(eq(issues.number, 1254));
    const past = await scheduleIssue(actors.editor, issue!.id, new Date("2026-05-01T01:59:00Z"), { now });
    expect(past).toMatchObject({ ok: false, error: PAST_TIME_REFUSAL });
    const rows = await db.select({ status: issues.status }).from(issues).where(eq(issues.status, "scheduled"));
    expect(rows).toEqual([]);
  });

  it("publishDueIssues publishes only scheduled issues that are due, and only once", async () => {
    const [a] = await db.select().from(issues).where(eq(issues.number, 1254));
    const [b] = await db.select().from(issues).where(eq(issues.number, 1255));
    const dueAt = new Date("2026-05-06T22:00:00Z"); // 5-7 06:00 in Shanghai
    expect(await scheduleIssue(actors.editor, a!.id, dueAt, { now })).toMatchObject({ ok: true, issue: { status: "scheduled", publishAt: dueAt } });
    expect(await scheduleIssue(actors.editor, b!.id, new Date("2026-05-11T22:00:00Z"), { now })).toMatchObject({ ok: true });

    expect((await publishDueIssues(new Date("2026-05-06T21:59:00Z"))).published).toEqual([]);
    const runAt = new Date("2026-05-06T22:05:00Z");
    const first = await publishDueIssues(runAt);
    expect(first.published.map((i) => i.number)).toEqual([1254]);
    expect(first.published[0]).toMatchObject({ status: "published", publishedAt: runAt });
    expect((await publishDueIssues(new Date("2026-05-06T22:10:00Z"))).published).toEqual([]);
    const [still] = await db.select().from(issues).where(eq(issues.id, b!.id));
    expect(still).toMatchObject({ status: "scheduled" });
    const [done] = await db.select().from(issues).where(eq(issues.id, a!.id));
    expect(done!.publishedAt).toEqual(runAt);
  });
});

describe("wall time in Asia/Shanghai", () => {
  it("reads a datetime-local value as Shanghai time, whatever the server's zone", () => {
    expect(wallTimeToInstant("2026-05-07T06:00")?.toISOString()).toBe("2026-05-06T22:00:00.000Z");
    expect(wallTimeToInstant("2026-01-01T00:30")?.toISOString()).toBe("2025-12-31T16:30:00.000Z");
    expect(wallTimeToInstant("2026-02-30T06:00")).toBeNull();
    expect(wallTimeToInstant("2026-05-07 06:00")).toBeNull();
    expect(wallTimeToInstant("2026-05-07T24:00")).toBeNull();
  });
  it("writes an instant back as Shanghai wall time", () => {
    expect(instantToWallTime(new Date("2026-05-06T22:00:00Z"))).toBe("2026-05-07T06:00");
    expect(formatPaperTime(new Date("2026-05-06T22:00:00Z"))).toBe("2026年5月7日 06:00");
    expect(wallTimeToInstant("2026-07-01T12:00", "America/New_York")?.toISOString()).toBe("2026-07-01T16:00:00.000Z");
  });
});

describe("issues-admin: the audit log", () => {
  let db: Db;
  let drop: () => Promise<void>;
  const actors = { editor: "", admin: "", member: "" };

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    await db.insert(publication).values(demoPublication);
    for (const role of ["editor", "admin", "member"] as const) {
      const [user] = await db.insert(users).values({ email: `${role}@issues.test`, role }).returning();
      actors[role] = user!.id;
    }
  });
  afterAll(async () => drop());

  it("every change is in the audit log with who, what and before/after; a refused change writes none", async () => {
    const before = (await db.select().from(auditLog)).length;
    const created = await createIssue(actors.editor, { date: "2026-06-01", number: 1300, pageCount: 2 });
    expect(created.ok).toBe(true);
    const issueId = created.ok ? created.issue.id : 0;
    await publishIssue(actors.admin, issueId, { now });
    expect((await publishIssue(actors.member, issueId, { now })).ok).toBe(false);
    const rows = await db.select().from(auditLog).where(eq(auditLog.entityId, String(issueId))).orderBy(auditLog.id);
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ["issue.create", actors.editor],
      ["issue.publish", actors.admin],
    ]);
    expect(rows[0]!.actorLabel).toBe("editor@issues.test");
    expect(rows[1]!.before).toMatchObject({ status: "draft" });
    expect(rows[1]!.after).toMatchObject({ status: "published", number: 1300 });
    expect((await db.select().from(auditLog)).length).toBe(before + 2);
  });
});
