import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { articles, issues, pages, pauses, publication, users } from "@/db/schema";
import { demoPublication } from "@/db/seed/content";
import { freshDatabase } from "@/db/testing/fresh-database";
import { FORBIDDEN } from "./actions";
import { attachPauseToIssue, deletePause, draftNoticeFor, savePause } from "./pauses";

// 2026-04-20 in Shanghai: a Monday, before the demo's 劳动节 pause.
const now = new Date("2026-04-20T02:00:00Z");
const at = { now };

describe("pauses: the rules of savePause, deletePause and attachPauseToIssue", () => {
  let db: Db;
  let drop: () => Promise<void>;
  const actors = { editor: { id: "" }, admin: { id: "" }, member: { id: "" }, ghost: { id: "no-such-user" } };
  const issueIds: Record<string, number> = {};

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    await db.insert(publication).values(demoPublication);
    for (const role of ["editor", "admin", "member"] as const) {
      const [user] = await db.insert(users).values({ email: `${role}@pauses.test`, role }).returning();
      actors[role].id = user!.id;
    }
    for (const [date, number, status] of [
      ["2026-04-30", 1253, "published"],
      ["2026-05-07", 1254, "published"],
      ["2026-05-11", 1255, "draft"],
    ] as const) {
      const [issue] = await db.insert(issues).values({ date, number, pageCount: 1, status }).returning();
      await db.insert(pages).values({ issueId: issue!.id, number: 1, name: "要闻" });
      issueIds[date] = issue!.id;
    }
  });
  afterAll(async () => drop());

  const count = async () => (await db.select().from(pauses)).length;
  const save = (input: Record<string, string>, actor = actors.editor) => savePause(actor, input, at);

  it("creates a single-day pause: the end defaults to the start and an empty notice is drafted", async () => {
    const result = await save({ startsOn: "2026-05-04", endsOn: "", reason: "劳动节", basis: "国务院办公厅关于2026年五一国际劳动节放假安排", noticeText: "" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pause).toMatchObject({ startsOn: "2026-05-04", endsOn: "2026-05-04", announceOn: null, basis: "国务院办公厅关于2026年五一国际劳动节放假安排" });
    expect(result.pause.noticeText).toBe(
      "根据国务院办公厅关于2026年五一国际劳动节放假安排,本报决定2026年5月4日休刊,5月7日恢复出报工作。休刊期间,本报新媒体持续更新,敬请关注。\n\n财信报社\n\n2026年4月27日",
    );
    expect(result.warnings).toEqual([]);
  });

  it("refuses malformed dates, an inverted range, over-long ranges and far-off dates, writing nothing", async () => {
    const before = await count();
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ startsOn: "2026-02-30", reason: "x" }, "startsOn", /有效日期/],
      [{ startsOn: "5/4/2026", reason: "x" }, "startsOn", /有效日期/],
      [{ startsOn: "2026-06-10", endsOn: "2026-06-08", reason: "x" }, "endsOn", /不能早于开始日期/],
      [{ startsOn: "2026-06-01", endsOn: "2026-07-31", reason: "x" }, "endsOn", /最长60天/],
      [{ startsOn: "2028-06-01", reason: "x" }, "startsOn", /两年以内/],
      [{ startsOn: "2026-06-01", reason: "" }, "reason", /休刊原因/],
      [{ startsOn: "2026-06-01", reason: "长".repeat(51) }, "reason", /最多50个字/],
      [{ startsOn: "2026-06-01", reason: "x", announceOn: "2026-06-02" }, "announceOn", /不能晚于/],
    ];
    for (const [input, field, message] of cases) {
      const result = await save(input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(result.fieldErrors?.[field]?.join(" ")).toMatch(message);
    }
    expect(await count()).toBe(before);
  });

  it("refuses a day that has a published issue, naming it, and writes no row", async () => {
    const before = await count();
    const single = await save({ startsOn: "2026-05-07", reason: "设备检修" });
    expect(single).toMatchObject({ ok: false, fieldErrors: { startsOn: ["该日已有已出版的报纸(总第1254期),请先撤回出版"] } });
    const range = await save({ startsOn: "2026-05-06", endsOn: "2026-05-08", reason: "设备检修" });
    expect(range).toMatchObject({ ok: false, fieldErrors: { startsOn: ["2026年5月7日已有已出版的报纸(总第1254期),请先撤回出版"] } });
    expect(await count()).toBe(before);
  });

  it("refuses an overlap with another pause, but an edit may keep its own dates", async () => {
    const before = await count();
    const overlap = await save({ startsOn: "2026-05-03", endsOn: "2026-05-05", reason: "重复" });
    expect(overlap).toMatchObject({ ok: false, fieldErrors: { startsOn: ["与已登记的休刊重叠:2026年5月4日(劳动节)"] } });
    expect(await count()).toBe(before);
    const [mayDay] = await db.select().from(pauses).where(eq(pauses.startsOn, "2026-05-04"));
    const edit = await save({ id: String(mayDay!.id), startsOn: "2026-05-04", reason: "劳动节", basis: "", noticeText: "本报5月4日休刊。" });
    expect(edit).toMatchObject({ ok: true, pause: { id: mayDay!.id, basis: null, noticeText: "本报5月4日休刊。" } });
  });

  it("allows a pause without a publication day and an unpublished issue on it, with warnings", async () => {
    const tuesday = await save({ startsOn: "2026-05-05", reason: "测试" });
    expect(tuesday).toMatchObject({ ok: true, warnings: ["该日不是出版日"] });
    const draftIssue = await save({ startsOn: "2026-05-11", reason: "检修" });
    expect(draftIssue).toMatchObject({ ok: true, warnings: ["2026年5月11日已排有未出版的期次(总第1255期),请改期"] });
  });

  it("refuses members and unknown users, whatever they send", async () => {
    const before = await count();
    for (const actor of [actors.member, actors.ghost]) {
      expect(await save({ startsOn: "2026-06-01", reason: "x" }, actor)).toEqual({ ok: false, error: FORBIDDEN });
      expect(await deletePause(actor, 1)).toEqual({ ok: false, error: FORBIDDEN });
      expect(await attachPauseToIssue(actor, 1, issueIds["2026-04-30"]!, at)).toEqual({ ok: false, error: FORBIDDEN });
      expect(await draftNoticeFor(actor, { startsOn: "2026-06-01", reason: "x" }, at)).toEqual({ ok: false, error: FORBIDDEN });
    }
    expect(await count()).toBe(before);
    const admin = await save({ startsOn: "2026-06-01", reason: "管理员登记" }, actors.admin);
    expect(admin.ok).toBe(true);
  });

  it("drafts the resume date past other pauses, and excludes the pause being edited", async () => {
    const later = await save({ startsOn: "2026-05-21", endsOn: "2026-05-28", reason: "检修" });
    if (!later.ok) throw new Error(later.error);
    // 5-21 to 5-28 and Monday 6-1 (the admin's pause above) are paused: after 5-18 the paper is back on Thursday 6-4.
    const draft = await draftNoticeFor(actors.editor, { startsOn: "2026-05-18", reason: "端午" }, at);
    expect(draft).toMatchObject({ ok: true });
    if (draft.ok) expect(draft.text).toContain("因端午,本报决定2026年5月18日休刊,6月4日恢复出报工作。");
    // Shortened to one day, the pause's own old dates no longer count: back on Monday 5-25.
    const shortened = await draftNoticeFor(actors.editor, { id: String(later.pause.id), startsOn: "2026-05-21", reason: "检修" }, at);
    expect(shortened.ok && shortened.text).toContain("本报决定2026年5月21日休刊,5月25日恢复出报工作。");
  });

  it("attaches the notice to page 1 of an issue once, rewrites it on re-attach, and deletes", async () => {
    const [mayDay] = await db.select().from(pauses).where(eq(pauses.startsOn, "2026-05-04"));
    const later = await attachPauseToIssue(actors.editor, mayDay!.id, issueIds["2026-05-07"]!, at);
    expect(later).toMatchObject({ ok: false, fieldErrors: { issue: ["休刊公告须刊登在休刊开始之前的一期上"] } });

    const first = await attachPauseToIssue(actors.editor, mayDay!.id, issueIds["2026-04-30"]!, at);
    expect(first).toMatchObject({ ok: true, issue: { date: "2026-04-30", number: 1253 }, previousIssueDate: null });
    await save({ id: String(mayDay!.id), startsOn: "2026-05-04", reason: "劳动节", noticeText: "新的公告文字。" });
    const again = await attachPauseToIssue(actors.editor, mayDay!.id, issueIds["2026-04-30"]!, at);
    expect(again).toMatchObject({ ok: true, articleId: first.ok ? first.articleId : -1 });
    const notices = await db.select().from(articles).where(eq(articles.title, "休刊公告"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ column: "休刊公告", access: "free", body: "新的公告文字。", issueId: issueIds["2026-04-30"] });
    expect((await db.select().from(pauses).where(eq(pauses.id, mayDay!.id)))[0]!.articleId).toBe(notices[0]!.id);

    // The printed notice of a published issue stays when its pause is deleted.
    expect(await deletePause(actors.editor, mayDay!.id)).toMatchObject({ ok: true, removedNoticeFrom: null });
    expect(await db.select().from(articles).where(eq(articles.id, notices[0]!.id))).toHaveLength(1);
    expect(await deletePause(actors.editor, mayDay!.id)).toMatchObject({ ok: false });
  });

  it("deletes the notice from an unpublished issue with its pause", async () => {
    const saved = await save({ startsOn: "2026-06-15", reason: "端午节" });
    if (!saved.ok) throw new Error(saved.error);
    const attached = await attachPauseToIssue(actors.editor, saved.pause.id, issueIds["2026-05-11"]!, at);
    if (!attached.ok) throw new Error(attached.error);
    expect(await deletePause(actors.admin, saved.pause.id)).toMatchObject({ ok: true, removedNoticeFrom: "2026-05-11" });
    expect(await db.select().from(articles).where(eq(articles.id, attached.articleId))).toHaveLength(0);
  });
});
