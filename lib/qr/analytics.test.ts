import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { qrAttributions, qrCodes, qrScans, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { campaignTotals, qrScansToday, qrSummary, scanCsvLines, scansPerDay, statsByCode } from "./analytics";

// 2026-05-02 10:00 in Beijing.
const now = new Date("2026-05-02T02:00:00Z");

describe("QR analytics", () => {
  let db: Db;
  let drop: () => Promise<void>;
  const ids = { a: 0, b: 0, c: 0 };

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    const [a, b, c] = await db
      .insert(qrCodes)
      .values([
        { code: "AAAAAAA", label: "=HYPERLINK(\"evil\")", placement: "campaign", campaign: "五一", destination: "subscribe" },
        { code: "BBBBBBB", label: "报头", placement: "masthead", campaign: "五一", destination: "landing", landing: { title: "t", text: "x" } },
        { code: "CCCCCCC", label: "其他", placement: "masthead", destination: "subscribe" },
      ])
      .returning();
    Object.assign(ids, { a: a!.id, b: b!.id, c: c!.id });
    const scan = (at: string, codeId: number | null, visitorHash: string, extra: Partial<typeof qrScans.$inferInsert> = {}) => ({
      at: new Date(at),
      codeId,
      requestedCode: codeId === ids.a ? "AAAAAAA" : codeId === ids.b ? "BBBBBBB" : codeId === ids.c ? "CCCCCCC" : "ZZZZZZZ",
      outcome: codeId ? "ok" : "unknown",
      device: "ios",
      visitorHash,
      ...extra,
    });
    await db.insert(qrScans).values([
      // 2026-05-01 23:59:59 Beijing = still May 1.
      scan("2026-05-01T15:59:59Z", ids.a, "v1", { inApp: "wechat" }),
      scan("2026-05-01T15:00:00Z", ids.a, "v1", { inApp: "wechat" }),
      // 2026-05-02 00:00 Beijing = May 2, though still May 1 in UTC.
      scan("2026-05-01T16:00:00Z", ids.a, "v2", { device: "android", inApp: "wechat", hasReferrer: true }),
      scan("2026-05-02T01:00:00Z", ids.a, "v3", { device: "desktop" }),
      scan("2026-05-02T01:30:00Z", ids.a, "v3", { device: "desktop" }),
      scan("2026-05-02T01:40:00Z", ids.a, "bot1", { device: "other", isBot: true }),
      scan("2026-05-02T01:41:00Z", ids.a, "bot1", { device: "other", isBot: true }),
      scan("2026-05-02T01:00:00Z", ids.b, "v9", { inApp: "alipay" }),
      scan("2026-05-02T01:00:00Z", ids.c, "v9"),
      scan("2026-05-02T01:00:00Z", null, "v8"),
      // Yesterday in UTC, before Beijing's May 2 started: not today.
      scan("2026-05-01T15:30:00Z", ids.c, "v7"),
    ]);
    const people = await db
      .insert(users)
      .values([1, 2, 3].map((n) => ({ email: `reader${n}@qr.test` })))
      .returning();
    await db.insert(qrAttributions).values([
      { codeId: ids.a, userId: people[0]!.id, kind: "signup", scannedAt: new Date("2026-05-01T15:00:00Z"), at: new Date("2026-05-01T15:10:00Z") },
      { codeId: ids.a, userId: people[0]!.id, kind: "subscription", scannedAt: new Date("2026-05-01T15:00:00Z"), at: new Date("2026-05-01T15:20:00Z") },
      { codeId: ids.b, userId: people[1]!.id, kind: "signup", scannedAt: new Date("2026-05-02T01:00:00Z"), at: new Date("2026-05-02T01:05:00Z") },
      { codeId: ids.c, userId: people[2]!.id, kind: "subscription", scannedAt: new Date("2026-05-02T01:00:00Z"), at: new Date("2026-05-02T01:05:00Z") },
    ]);
  });
  afterAll(async () => drop());

  it("counts scans per Beijing day, bots left out, unique visitors per day", async () => {
    const series = await scansPerDay({ codeId: ids.a }, 3, now);
    expect(series).toEqual({ days: ["2026-04-30", "2026-05-01", "2026-05-02"], scans: [0, 2, 3], visitors: [0, 1, 2] });
  });

  it("summarises a code: bots apart, devices, in-app browsers, referrers and the funnel", async () => {
    const s = await qrSummary({ codeId: ids.a }, 30, now);
    expect(s).toMatchObject({ scans: 5, visitors: 3, bots: 2, withReferrer: 1, signups: 1, subscriptions: 1 });
    expect(s.devices).toEqual([
      { key: "desktop", count: 2 },
      { key: "ios", count: 2 },
      { key: "android", count: 1 },
    ]);
    expect(s.inApp).toEqual([
      { key: "wechat", count: 3 },
      { key: "none", count: 2 },
    ]);
  });

  it("totals a campaign across its codes, and lists per-code stats for the last 7 days", async () => {
    const s = await qrSummary({ campaign: "五一" }, null, now);
    expect(s).toMatchObject({ scans: 6, bots: 2, signups: 2, subscriptions: 1 });
    expect(await campaignTotals()).toEqual([{ campaign: "五一", codes: 2, scans: 6, visitors: 4, bots: 2, signups: 2, subscriptions: 1 }]);
    const stats = await statsByCode([ids.a, ids.b, ids.c], 7, now);
    expect(stats.get(ids.a)).toEqual({ scans: 5, visitors: 3 });
    expect(stats.get(ids.c)).toEqual({ scans: 2, visitors: 2 });
  });

  it("reports today's scans for the dashboard (Beijing day, orphans counted, bots not)", async () => {
    expect(await qrScansToday(now)).toEqual({ scans: 6, visitors: 4 });
  });

  it("exports CSV with a BOM, Beijing times and formula-safe cells", async () => {
    let csv = "";
    for await (const chunk of scanCsvLines({ codeId: ids.a }, 90, now)) csv += chunk;
    expect(csv.startsWith("\uFEFF\"time_beijing\",")).toBe(true);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(8);
    expect(csv).toContain(`"2026-05-02 00:00","AAAAAAA","'=HYPERLINK(""evil"")","五一","ok","android","wechat","yes","no"`);
    expect(csv).toContain(`"2026-05-01 23:59"`);
    expect(lines.filter((l) => l.endsWith(`"yes"`) && l.includes(`"other"`))).toHaveLength(2);
  });
});
