import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, publication, scheduleChanges, users } from "@/db/schema";
import { demoPublication } from "@/db/seed/content";
import { freshDatabase } from "@/db/testing/fresh-database";
import { getObject, localFolderBackend, setStorageBackend } from "@/lib/storage";
import {
  footerFacts,
  isIanaTimeZone,
  isPaperEquivalentZone,
  logoUrl,
  ONLY_ADMINS,
  removeLogo,
  replaceLogo,
  updatePublicationProfile,
  weekdaysText,
} from "./publication-settings";

let db: Db;
let drop: () => Promise<void>;
let storageDir: string;
const ids: Record<string, string> = {};

const profile = {
  name: "财信报",
  slogan: demoPublication.slogan,
  cnNumber: "CN 15-0042",
  sponsor: "内蒙古新华报业中心",
  publisher: "财信报社",
  hotline: "(0471) 3122969",
  timeZone: "Asia/Shanghai",
};

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  storageDir = mkdtempSync(path.join(os.tmpdir(), "caixin-logo-"));
  setStorageBackend(localFolderBackend(storageDir));
  await db.insert(publication).values(demoPublication);
  for (const role of ["admin", "editor"] as const) {
    const [row] = await db.insert(users).values({ email: `${role}@settings.test`, role }).returning({ id: users.id });
    ids[role] = row!.id;
  }
});
afterAll(async () => {
  setStorageBackend(null);
  rmSync(storageDir, { recursive: true, force: true });
  await drop();
});

const storedFiles = () => {
  try {
    return readdirSync(path.join(storageDir, "publication")).filter((f) => !f.endsWith(".meta.json"));
  } catch {
    return [];
  }
};

describe("publication profile", () => {
  it("is admin-only", async () => {
    expect(await updatePublicationProfile(ids.editor!, { ...profile, name: "改名" })).toEqual({ error: ONLY_ADMINS });
    expect((await db.select().from(publication))[0]!.name).toBe("财信报");
  });

  it("validates every field with a Chinese message", async () => {
    const result = await updatePublicationProfile(ids.admin!, { name: "", slogan: "x".repeat(201), cnNumber: "15-0042", sponsor: "", publisher: "p", hotline: "call us", timeZone: "Mars/Base" });
    expect(result).toMatchObject({ error: "请检查填写的内容" });
    const fields = Object.keys((result as { fieldErrors: object }).fieldErrors).sort();
    expect(fields).toEqual(["cnNumber", "hotline", "name", "slogan", "sponsor", "timeZone"]);
  });

  it("accepts only time zones that keep Beijing time", async () => {
    expect(isIanaTimeZone("Asia/Shanghai")).toBe(true);
    expect(isIanaTimeZone("Mars/Base")).toBe(false);
    expect(isPaperEquivalentZone("Asia/Shanghai")).toBe(true);
    expect(isPaperEquivalentZone("PRC")).toBe(true);
    expect(isPaperEquivalentZone("Asia/Tokyo")).toBe(false);
    expect(isPaperEquivalentZone("Europe/Berlin")).toBe(false);
    const tokyo = await updatePublicationProfile(ids.admin!, { ...profile, timeZone: "Asia/Tokyo" });
    expect((tokyo as { fieldErrors: Record<string, string[]> }).fieldErrors.timeZone?.[0]).toMatch(/北京时间/);
  });

  it("saves and audits only the changed fields", async () => {
    const result = await updatePublicationProfile(ids.admin!, { ...profile, hotline: "(0471) 6666666", sponsor: "  新主办单位  " });
    expect(result).toEqual({ ok: true, changed: ["sponsor", "hotline"] });
    const [row] = await db.select().from(publication);
    expect(row).toMatchObject({ hotline: "(0471) 6666666", sponsor: "新主办单位", weekdays: [1, 4] });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "publication.update"));
    expect(entry).toMatchObject({
      actorId: ids.admin,
      entity: "publication",
      before: { sponsor: "内蒙古新华报业中心", hotline: "(0471) 3122969" },
      after: { sponsor: "新主办单位", hotline: "(0471) 6666666" },
    });
    expect(await updatePublicationProfile(ids.admin!, { ...profile, hotline: "(0471) 6666666", sponsor: "新主办单位" })).toEqual({ ok: true, changed: [] });
  });

  it("the footer reads the saved facts and today's weekdays, following dated schedule changes", async () => {
    expect(await footerFacts(new Date("2026-05-01T04:00:00Z"))).toMatchObject({ hotline: "(0471) 6666666", sponsor: "新主办单位", weekdays: [1, 4] });
    await db.insert(scheduleChanges).values({ effectiveFrom: "2026-06-01", weekdays: [1, 3, 5] });
    expect((await footerFacts(new Date("2026-06-02T04:00:00Z"))).weekdays).toEqual([1, 3, 5]);
    expect(weekdaysText([1, 4])).toBe("每周一、周四出版");
    expect(weekdaysText([1, 3, 5])).toBe("每周一、周三、周五出版");
  });
});

describe("logo", () => {
  const png = () => sharp({ create: { width: 1600, height: 400, channels: 3, background: "#a51d24" } }).png().toBuffer();

  it("is admin-only and refuses a file that is not an image, storing nothing", async () => {
    expect(await replaceLogo(ids.editor!, await png())).toEqual({ error: ONLY_ADMINS });
    const bad = await replaceLogo(ids.admin!, Buffer.from("<html>not an image</html>"));
    expect(bad).toHaveProperty("error");
    expect(storedFiles()).toEqual([]);
    expect((await db.select().from(publication))[0]!.logoKey).toBeNull();
  });

  it("stores a re-encoded logo at most 800 px wide, replaces the old file, and audits", async () => {
    const first = await replaceLogo(ids.admin!, await png());
    expect(first).toMatchObject({ ok: true, logoKey: expect.stringMatching(/^publication\/logo-[0-9a-f]{16}\.(webp|jpg)$/) });
    const key = (first as { logoKey: string }).logoKey;
    const stored = await getObject(key);
    expect((await sharp(stored!.body).metadata()).width).toBe(800);
    expect(logoUrl(key)).toMatch(/^\/media\/logo\?v=[0-9a-f]{16}\.(webp|jpg)$/);

    const second = await replaceLogo(ids.admin!, await png());
    const secondKey = (second as { logoKey: string }).logoKey;
    expect(secondKey).not.toBe(key);
    expect(await getObject(key)).toBeNull();
    expect(storedFiles()).toHaveLength(1);
    const entries = await db.select().from(auditLog).where(eq(auditLog.action, "publication.logo")).orderBy(auditLog.id);
    expect(entries.at(-1)).toMatchObject({ before: { logoKey: key }, after: { logoKey: secondKey, width: 800, height: 200 } });

    expect(await removeLogo(ids.admin!)).toEqual({ ok: true });
    expect((await db.select().from(publication))[0]!.logoKey).toBeNull();
    expect(storedFiles()).toEqual([]);
  });
});
