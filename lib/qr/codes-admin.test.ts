import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { articles, auditLog, issues, pages, qrCodes, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { FORBIDDEN } from "@/lib/actions";
import { QR_ALPHABET } from "./code";
import { createQrCode, createQrCodesForIssue, deleteQrCode, setQrCodeEnabled, updateQrCode, type QrCodeInput } from "./codes-admin";

describe("codes-admin: staff create and change printed QR codes", () => {
  let db: Db;
  let drop: () => Promise<void>;
  const actors = { editor: "", admin: "", member: "" };
  let issueId = 0;
  let articleIds: number[] = [];

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    for (const role of ["editor", "admin", "member"] as const) {
      const [user] = await db.insert(users).values({ email: `${role}@qr.test`, role }).returning();
      actors[role] = user!.id;
    }
    const [issue] = await db.insert(issues).values({ date: "2026-04-30", number: 1253, pageCount: 2, status: "published", publishedAt: new Date("2026-04-29T22:00:00Z") }).returning();
    issueId = issue!.id;
    const pageRows = await db
      .insert(pages)
      .values([1, 2].map((number) => ({ issueId, number, name: `第${number}版` })))
      .returning();
    const rows = await db
      .insert(articles)
      .values([
        { issueId, pageId: pageRows[0]!.id, title: "头版头条", body: "正文", position: 0 },
        { issueId, pageId: pageRows[0]!.id, title: "第二篇", body: "正文", position: 1 },
        { issueId, pageId: pageRows[1]!.id, title: "二版稿件", body: "正文", position: 0 },
      ])
      .returning();
    articleIds = rows.map((r) => r.id);
  });
  afterAll(async () => drop());

  const audits = async (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action));
  const landing: QrCodeInput = { label: "报头二维码", placement: "masthead", destination: "landing", landingTitle: "欢迎读者", landingText: "扫码关注本报网站", enabled: "on" };

  it("creates a code with a random short code, and audits it", async () => {
    const result = await createQrCode(actors.editor, { ...landing, landingCtaLabel: "订阅", landingCtaHref: "/subscribe", activeFrom: "2026-05-01T00:00", activeUntil: "2026-06-01T00:00" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.code.code).toMatch(new RegExp(`^[${QR_ALPHABET}]{7}$`));
    expect(result.code).toMatchObject({
      label: "报头二维码",
      placement: "masthead",
      destination: "landing",
      enabled: true,
      createdBy: actors.editor,
      landing: { title: "欢迎读者", text: "扫码关注本报网站", ctaLabel: "订阅", ctaHref: "/subscribe" },
    });
    // Wall time in Beijing: midnight there is 16:00 UTC the day before.
    expect(result.code.activeFrom?.toISOString()).toBe("2026-04-30T16:00:00.000Z");
    const [entry] = await audits("qr.create");
    expect(entry).toMatchObject({ actorId: actors.editor, entity: "qr_code", entityId: String(result.code.id) });
    expect(entry!.after).toMatchObject({ code: result.code.code, label: "报头二维码" });
  });

  it("updates a code (never its printed code), enables/disables and deletes it, each audited", async () => {
    const created = await createQrCode(actors.admin, landing);
    if (!created.ok) throw new Error(created.error);
    const updated = await updateQrCode(actors.editor, created.code.id, {
      label: "订阅推广",
      placement: "campaign",
      campaign: "五一",
      destination: "subscribe",
      promotion: "MAY-DAY_2026",
      enabled: "on",
    });
    expect(updated).toMatchObject({ ok: true, code: { code: created.code.code, label: "订阅推广", destination: "subscribe", promotionCode: "MAY-DAY_2026", campaign: "五一", landing: null } });
    const [entry] = await audits("qr.update");
    expect(entry).toMatchObject({ before: { label: "报头二维码", destination: "landing" }, after: { label: "订阅推广", destination: "subscribe" } });

    expect(await setQrCodeEnabled(actors.editor, created.code.id, false)).toMatchObject({ ok: true, code: { enabled: false } });
    expect(await audits("qr.disable")).toHaveLength(1);
    expect(await deleteQrCode(actors.admin, created.code.id)).toMatchObject({ ok: true });
    expect(await db.select().from(qrCodes).where(eq(qrCodes.id, created.code.id))).toHaveLength(0);
    expect(await audits("qr.delete")).toHaveLength(1);
    expect(await deleteQrCode(actors.admin, created.code.id)).toMatchObject({ ok: false });
  });

  it("refuses a member, writing nothing", async () => {
    const before = (await db.select().from(qrCodes)).length;
    expect(await createQrCode(actors.member, landing)).toEqual({ ok: false, error: FORBIDDEN });
    expect(await createQrCodesForIssue(actors.member, issueId)).toEqual({ ok: false, error: FORBIDDEN });
    const [any] = await db.select().from(qrCodes).limit(1);
    expect(await setQrCodeEnabled(actors.member, any!.id, false)).toEqual({ ok: false, error: FORBIDDEN });
    expect(await deleteQrCode(actors.member, any!.id)).toEqual({ ok: false, error: FORBIDDEN });
    expect(await updateQrCode(actors.member, any!.id, { label: "" })).toEqual({ ok: false, error: FORBIDDEN });
    expect((await db.select().from(qrCodes)).length).toBe(before);
  });

  it("refuses http:// and script URLs, protocol-relative links, bad promotion codes and a reversed window", async () => {
    const external = await createQrCode(actors.editor, { label: "外链", placement: "masthead", destination: "external", externalUrl: "http://example.com/" });
    expect(external).toMatchObject({ ok: false, fieldErrors: { externalUrl: ["外部链接必须以 https:// 开头"] } });
    for (const externalUrl of ["javascript:alert(1)", "https://user:pw@example.com/", "//example.com"]) {
      expect((await createQrCode(actors.editor, { label: "外链", placement: "masthead", destination: "external", externalUrl })).ok).toBe(false);
    }
    expect((await createQrCode(actors.editor, { label: "外链", placement: "masthead", destination: "external", externalUrl: "https://example.com/x" })).ok).toBe(true);
    for (const landingCtaHref of ["//evil.example/", "/\\evil.example", "javascript:alert(1)", "http://example.com"]) {
      const r = await createQrCode(actors.editor, { ...landing, landingCtaLabel: "去看看", landingCtaHref });
      expect(r).toMatchObject({ ok: false, fieldErrors: { landingCtaHref: [expect.any(String)] } });
    }
    const promo = await createQrCode(actors.editor, { label: "订阅", placement: "masthead", destination: "subscribe", promotion: "bad code!" });
    expect(promo).toMatchObject({ ok: false, fieldErrors: { promotion: [expect.any(String)] } });
    const window = await createQrCode(actors.editor, { ...landing, activeFrom: "2026-06-01T00:00", activeUntil: "2026-05-01T00:00" });
    expect(window).toMatchObject({ ok: false, fieldErrors: { activeUntil: ["结束时间须晚于开始时间"] } });
  });

  it("checks the placement and destination against the paper: missing articles and pages are field errors", async () => {
    const missing = await createQrCode(actors.editor, { label: "稿件", placement: "article", placementArticleId: "999999", destination: "article", destinationArticleId: "999999" });
    expect(missing).toMatchObject({ ok: false, fieldErrors: { placementArticleId: [expect.any(String)], destinationArticleId: [expect.any(String)] } });
    const page = await createQrCode(actors.editor, { label: "版面", placement: "page", placementIssueId: String(issueId), placementPageNumber: "9", destination: "page", destinationIssueId: String(issueId), destinationPageNumber: "2" });
    expect(page).toMatchObject({ ok: false, fieldErrors: { placementPageNumber: ["该期没有第9版"] } });
    const ok = await createQrCode(actors.editor, { label: "版面", placement: "page", placementIssueId: String(issueId), placementPageNumber: "1", destination: "page", destinationIssueId: String(issueId), destinationPageNumber: "2", externalUrl: "https://ignored.example/" });
    expect(ok).toMatchObject({ ok: true, code: { destinationPageNumber: 2, externalUrl: null } });
  });

  it("creates one code per article of an issue, and a second run adds none", async () => {
    const first = await createQrCodesForIssue(actors.editor, issueId);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.created).toHaveLength(3);
    expect(first.created.map((c) => c.label)).toEqual(["头版头条", "第二篇", "二版稿件"]);
    expect(first.created.every((c, i) => c.placement === "article" && c.destination === "article" && c.placementArticleId === articleIds[i] && c.destinationArticleId === articleIds[i])).toBe(true);
    expect(new Set(first.created.map((c) => c.code)).size).toBe(3);
    const second = await createQrCodesForIssue(actors.editor, issueId);
    expect(second).toMatchObject({ ok: true, created: [], existing: 3 });
    expect(await db.select().from(qrCodes).where(eq(qrCodes.destination, "article"))).toHaveLength(3);
    expect(await audits("qr.create.issue")).toHaveLength(1);
    expect(await createQrCodesForIssue(actors.editor, 999999)).toMatchObject({ ok: false });
  });
});
