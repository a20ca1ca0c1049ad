import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { qrAttributions, qrCodes, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { attributeSignup, qrCheckoutMetadata, qrRefFromMetadata, readQrRef, recordAttribution, refCookieValue } from "./attribution";

const DAY = 86_400_000;
const now = new Date("2026-05-08T08:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("QR attribution: the scan cookie and sign-ups", () => {
  let db: Db;
  let drop: () => Promise<void>;
  let codeId = 0;

  const member = async (email: string) => (await db.insert(users).values({ email }).returning())[0]!;
  const attributionsOf = (userId: string) => db.select().from(qrAttributions).where(eq(qrAttributions.userId, userId));

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    codeId = (await db.insert(qrCodes).values({ code: "FUNL234", label: "头版", placement: "masthead", destination: "landing" }).returning())[0]!.id;
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await drop();
  });

  it("reads back a signed scan for seven days, and nothing that is tampered, forged or too old", () => {
    const scannedAt = ago(DAY);
    const value = refCookieValue(codeId, scannedAt);
    expect(value).toMatch(new RegExp(`^${codeId}\\.${scannedAt.getTime()}\\.[\\w-]+$`));
    expect(readQrRef(value, now)).toEqual({ codeId, scannedAt });
    expect(readQrRef(refCookieValue(codeId, ago(7 * DAY)), now)).not.toBeNull();
    expect(readQrRef(refCookieValue(codeId, ago(7 * DAY + 1000)), now)).toBeNull();
    expect(readQrRef(refCookieValue(codeId, new Date(now.getTime() + DAY)), now)).toBeNull(); // from the future
    const [, ms, tag] = value.split(".");
    expect(readQrRef(`${codeId + 1}.${ms}.${tag}`, now)).toBeNull(); // another code
    expect(readQrRef(`${codeId}.${Number(ms) + 1}.${tag}`, now)).toBeNull(); // another time
    expect(readQrRef(refCookieValue(codeId, scannedAt, "another-secret-0123456789abcdefghijklmno"), now)).toBeNull();
    for (const bad of ["", "1.2", "x.y.z", `${value}.x`, `${codeId}.${ms}`, undefined, null]) expect(readQrRef(bad, now)).toBeNull();
  });

  it("carries the scan through Checkout metadata", () => {
    const ref = { codeId, scannedAt: ago(DAY) };
    const metadata = qrCheckoutMetadata(ref);
    expect(metadata).toEqual({ qr_code_id: String(codeId), qr_scanned_at: ref.scannedAt.toISOString() });
    expect(qrRefFromMetadata(metadata)).toEqual(ref);
    expect(qrCheckoutMetadata(null)).toEqual({});
    expect(qrRefFromMetadata({ userId: "u" })).toBeNull();
    expect(qrRefFromMetadata({ qr_code_id: "abc", qr_scanned_at: "2026-05-01T00:00:00Z" })).toBeNull();
  });

  it("attributes a sign-up within seven days of the scan, once", async () => {
    const reader = await member("scanned@attr.test");
    const scannedAt = ago(6 * DAY);
    expect(await attributeSignup(reader.id, refCookieValue(codeId, scannedAt), now)).toBe(true);
    expect(await attributeSignup(reader.id, refCookieValue(codeId, ago(DAY)), now)).toBe(false); // once per code and reader
    expect(await attributionsOf(reader.id)).toEqual([expect.objectContaining({ codeId, kind: "signup", scannedAt, at: now })]);
  });

  it("does not attribute a sign-up eight days after the scan", async () => {
    const reader = await member("late@attr.test");
    expect(await attributeSignup(reader.id, refCookieValue(codeId, ago(8 * DAY)), now)).toBe(false);
    expect(await attributionsOf(reader.id)).toEqual([]);
  });

  it("does not attribute a sign-up with a tampered cookie", async () => {
    const reader = await member("tampered@attr.test");
    const [, ms, tag] = refCookieValue(codeId, ago(DAY)).split(".");
    const otherCode = (await db.insert(qrCodes).values({ code: "OTHR234", label: "二版", placement: "campaign", destination: "landing" }).returning())[0]!.id;
    expect(await attributeSignup(reader.id, `${otherCode}.${ms}.${tag}`, now)).toBe(false);
    expect(await attributeSignup(reader.id, undefined, now)).toBe(false);
    expect(await attributionsOf(reader.id)).toEqual([]);
  });

  it("does not attribute to a code deleted since the scan, and never throws", async () => {
    const reader = await member("deleted@attr.test");
    const gone = (await db.insert(qrCodes).values({ code: "GONE234", label: "撤下", placement: "campaign", destination: "landing" }).returning())[0]!.id;
    const cookie = refCookieValue(gone, ago(DAY));
    await db.delete(qrCodes).where(eq(qrCodes.id, gone));
    expect(await attributeSignup(reader.id, cookie, now)).toBe(false);
    expect(await attributeSignup("no-such-user", refCookieValue(codeId, ago(DAY)), now)).toBe(false);
    expect(await attributionsOf(reader.id)).toEqual([]);
  });

  it("keeps sign-ups and subscriptions apart, one of each per code and reader", async () => {
    const reader = await member("both@attr.test");
    const ref = { codeId, scannedAt: ago(DAY) };
    expect(await recordAttribution(db, ref, reader.id, "signup", now)).toBe(true);
    expect(await recordAttribution(db, ref, reader.id, "subscription", now)).toBe(true);
    expect(await recordAttribution(db, ref, reader.id, "subscription", now)).toBe(false);
    expect((await attributionsOf(reader.id)).map((a) => a.kind).sort()).toEqual(["signup", "subscription"]);
  });
});
