import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { articles, auditLog, issues, pages, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { FORBIDDEN } from "./actions";
import { NO_ARTICLE, saveHotZones, WRONG_PAGE } from "./hot-zones-admin";
import { rectToPolygon, zonesSchema, type Zone } from "./hot-zones";

const rect = (x: number, y: number, w: number, h: number): Zone => ({ points: rectToPolygon({ x, y, w, h }) });

describe("hot-zones-admin: saving an article's zones", () => {
  let db: Db;
  let drop: () => Promise<void>;
  const actors = { editor: "", admin: "", member: "" };
  let issueId = 0;
  let pageId = 0;
  let articleId = 0;

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    const [issue] = await db.insert(issues).values({ date: "2026-05-07", number: 1254, pageCount: 2, status: "draft" }).returning();
    issueId = issue!.id;
    const [page] = await db
      .insert(pages)
      .values({ issueId, number: 2, name: "要闻", imageKey: "issues/2026-05-07/p2.png", imageWidth: 1000, imageHeight: 1414 })
      .returning();
    pageId = page!.id;
    const [article] = await db.insert(articles).values({ issueId, pageId, title: "港口吞吐量创新高", body: "正文" }).returning();
    articleId = article!.id;
    for (const role of ["editor", "admin", "member"] as const) {
      const [user] = await db.insert(users).values({ email: `${role}@zones.test`, role }).returning();
      actors[role] = user!.id;
    }
  });
  afterAll(async () => drop());

  const stored = async () => (await db.select({ hotZones: articles.hotZones }).from(articles).where(eq(articles.id, articleId)))[0]!.hotZones;
  const auditRows = () => db.select().from(auditLog).where(eq(auditLog.entityId, String(articleId))).orderBy(desc(auditLog.id));

  it("saves normalised zones with an audit entry of counts and bounding boxes", async () => {
    const result = await saveHotZones(actors.editor, articleId, [rect(0.1, 0.2, 0.30000001, 0.4), { points: [[0.5, 0.5], [0.9, 0.5], [0.7, 0.9], [0.7, 0.9]] }], {
      issueId,
      pageNumber: 2,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.issue).toMatchObject({ id: issueId, status: "draft", date: "2026-05-07" });
    expect(await stored()).toEqual([
      { points: [[0.1, 0.2], [0.4, 0.2], [0.4, 0.6], [0.1, 0.6]] },
      { points: [[0.5, 0.5], [0.9, 0.5], [0.7, 0.9]] },
    ]);
    const [entry] = await auditRows();
    expect(entry).toMatchObject({
      actorId: actors.editor,
      actorLabel: "editor@zones.test",
      action: "article.zones.update",
      entity: "article",
      before: { title: "港口吞吐量创新高", zoneCount: 0, boxes: [] },
      after: { title: "港口吞吐量创新高", zoneCount: 2, boxes: [[0.1, 0.2, 0.4, 0.6], [0.5, 0.5, 0.9, 0.9]] },
    });
  });

  it("refuses a member, and a demoted editor, writing nothing", async () => {
    const before = await stored();
    const audits = (await auditRows()).length;
    expect(await saveHotZones(actors.member, articleId, [])).toEqual({ ok: false, error: FORBIDDEN });
    await db.update(users).set({ role: "member" }).where(eq(users.id, actors.admin));
    expect(await saveHotZones(actors.admin, articleId, [])).toEqual({ ok: false, error: FORBIDDEN });
    await db.update(users).set({ role: "admin" }).where(eq(users.id, actors.admin));
    expect(await stored()).toEqual(before);
    expect(await auditRows()).toHaveLength(audits);
  });

  it("refuses invalid zones with a message naming the zone, writing nothing", async () => {
    const before = await stored();
    const offPage = await saveHotZones(actors.admin, articleId, [rect(0.1, 0.1, 0.2, 0.2), { points: [[0.1, 0.1], [1.5, 0.1], [0.5, 0.5]] }]);
    expect(offPage).toEqual({ ok: false, error: "第2个热区:坐标必须在版面内(0 至 1 之间)" });
    const line = await saveHotZones(actors.admin, articleId, [{ points: [[0.1, 0.1], [0.2, 0.2], [0.3, 0.3]] }]);
    expect(line.ok).toBe(false);
    expect(await saveHotZones(actors.admin, articleId, "not zones")).toMatchObject({ ok: false });
    expect(await stored()).toEqual(before);
  });

  it("refuses an unknown article, and one on another issue or page than the editor's", async () => {
    expect(await saveHotZones(actors.admin, 999_999, [])).toEqual({ ok: false, error: NO_ARTICLE });
    expect(await saveHotZones(actors.admin, articleId, [], { issueId: issueId + 1 })).toEqual({ ok: false, error: WRONG_PAGE });
    expect(await saveHotZones(actors.admin, articleId, [], { issueId, pageNumber: 1 })).toEqual({ ok: false, error: WRONG_PAGE });
    expect(await stored()).toHaveLength(2);
  });

  it("keeps zones valid and in place when the page image is replaced at another resolution", async () => {
    const before = await stored();
    await db.update(pages).set({ imageKey: "issues/2026-05-07/p2-rescan.png", imageWidth: 2480, imageHeight: 3508, thumbKey: "issues/2026-05-07/p2-thumb.png", thumbWidth: 400 }).where(eq(pages.id, pageId));
    const after = await stored();
    expect(after).toEqual(before);
    // Still valid page-relative zones, unchanged by validation: they scale with whatever image is shown.
    expect(zonesSchema.parse(after)).toEqual(after);
    const widthPx = (x: number) => Math.round(x * 2480);
    expect(after[0]!.points.map(([x]) => widthPx(x))).toEqual([248, 992, 992, 248]);
  });

  it("clears an article's zones with an empty list", async () => {
    const result = await saveHotZones(actors.admin, articleId, []);
    expect(result.ok).toBe(true);
    expect(await stored()).toEqual([]);
    const [entry] = await auditRows();
    expect(entry).toMatchObject({ actorId: actors.admin, before: { zoneCount: 2 }, after: { zoneCount: 0, boxes: [] } });
  });
});
