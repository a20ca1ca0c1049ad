import "server-only";
import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { cache } from "react";
import { z } from "zod";
import { getDb } from "@/db/client";
import { publication, scheduleChanges } from "@/db/schema";
import { currentRole } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import { PAPER_TIME_ZONE, todayInPaperZone } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { requestTranslator, translatorFor } from "@/lib/i18n/translate";
import { forgetMeterSettings, METER_MAX, type MeterSettings } from "@/lib/metering";
import { WEEKDAY_KEYS, weekdaysOn } from "@/lib/schedule";
import { logger } from "@/lib/log";
import { putObject } from "@/lib/storage";
import { abandonFiles, claimFiles, discardFiles, recordPendingFiles, removeDiscarded } from "@/lib/storage/journal";

const log = logger.child({ module: "publication" });

/**
 * The publication profile (报社资料) admins edit: name, slogan, CN number,
 * 主管主办, publisher, hotline, logo. The publication weekdays are not edited
 * here: they change with dated entries on /admin/schedule. The time zone is
 * validated as an IANA name and must keep Beijing time, because dates across
 * the portal (publication days, scheduled publishing, statistics) are computed
 * in Asia/Shanghai.
 */
export type PublicationRow = typeof publication.$inferSelect;
type Failure = { error: string; fieldErrors?: Record<string, string[]> };

/** The refusal in Chinese (what tests compare with); the functions answer in the caller's language. */
export const ONLY_ADMINS = "只有管理员可以修改报社资料";
export const LOGO_MAX_WIDTH = 800;

/** Messages for the profile and metering forms, in the request's language (Chinese outside a request). */
type ErrorsT = ReturnType<typeof translatorFor<"adminPublishing.settings.errors">>;
const errorsT = () => requestTranslator("adminPublishing.settings.errors");

const text = (t: ErrorsT, field: "name" | "slogan" | "cnNumber" | "sponsor" | "publisher" | "hotline", max: number, min = 1) => {
  const label = t(`fields.${field}`);
  return z
    .string({ error: t("required", { label }) })
    .trim()
    .min(min, t("required", { label }))
    .max(max, t("tooLong", { label, max }));
};

/** A valid IANA name. */
export function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{1,60}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const offsetMinutes = (zone: string, at: Date) => {
  const part = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
};

/** Keeps the same wall clock as Asia/Shanghai every month since 1990 (PRC, Asia/Chongqing, …). */
export function isPaperEquivalentZone(zone: string): boolean {
  if (!isIanaTimeZone(zone)) return false;
  for (let year = 1990; year <= 2040; year++) {
    for (const month of [0, 3, 6, 9]) {
      const at = new Date(Date.UTC(year, month, 15));
      if (offsetMinutes(zone, at) !== offsetMinutes(PAPER_TIME_ZONE, at)) return false;
    }
  }
  return true;
}

export const publicationSettingsSchema = (t: ErrorsT) =>
  z.object({
    name: text(t, "name", 40),
    slogan: text(t, "slogan", 200, 0),
    cnNumber: text(t, "cnNumber", 30).regex(/^CN\s?\d{2}-\d{4}(\/[A-Z0-9]{1,4})?$/i, t("cnNumberFormat")),
    sponsor: text(t, "sponsor", 100),
    publisher: text(t, "publisher", 100),
    hotline: text(t, "hotline", 40).regex(/^[0-9()（）+\-\s转,、]{5,40}$/, t("hotlineFormat")),
    timeZone: z
      .string({ error: t("timeZoneRequired") })
      .trim()
      .refine(isIanaTimeZone, t("timeZoneInvalid"))
      .refine(isPaperEquivalentZone, t("timeZoneNotBeijing")),
  });
export type PublicationSettingsInput = z.input<ReturnType<typeof publicationSettingsSchema>>;

const PROFILE_KEYS = ["name", "slogan", "cnNumber", "sponsor", "publisher", "hotline", "timeZone"] as const;

export async function getPublicationProfile(): Promise<PublicationRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(publication).limit(1);
  return row ?? null;
}

const pick = (row: PublicationRow) => Object.fromEntries(PROFILE_KEYS.map((k) => [k, row[k]])) as Record<(typeof PROFILE_KEYS)[number], string>;

/** Saves the profile; the audit entry holds only the fields that changed. */
export async function updatePublicationProfile(actorId: string, input: unknown): Promise<{ ok: true; changed: string[] } | Failure> {
  const t = await errorsT();
  if ((await currentRole(actorId)) !== "admin") return { error: t("onlyAdmins") };
  const parsed = publicationSettingsSchema(t).safeParse(input);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    return { error: flat.formErrors[0] ?? (await checkForm()), fieldErrors: flat.fieldErrors as Record<string, string[]> };
  }
  const next = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(publication).limit(1).for("update");
    if (!row) return { error: t("missing") };
    const before = pick(row);
    const changed = PROFILE_KEYS.filter((k) => before[k] !== next[k]);
    if (changed.length === 0) return { ok: true as const, changed: [] };
    await tx.update(publication).set({ ...next, updatedAt: new Date() }).where(eq(publication.id, row.id));
    await recordAudit(tx, {
      actorId,
      action: "publication.update",
      entity: "publication",
      entityId: row.id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, next[k]])),
    });
    return { ok: true as const, changed: [...changed] };
  });
}

const checkForm = async () => (await requestTranslator("adminPublishing.common"))("checkForm");

/** A whole number of articles a month, 0 (off) to METER_MAX; a form sends it as text. */
const allowance = (t: ErrorsT, field: "anonymousPerMonth" | "memberPerMonth") => {
  const message = t("allowance", { label: t(`fields.${field}`), max: METER_MAX });
  return z.preprocess(
    (v) => (typeof v === "string" && /^\s*\d{1,6}\s*$/.test(v) ? Number(v) : v),
    z.number({ error: message }).int(message).min(0, message).max(METER_MAX, message),
  );
};

/** Metered free articles (lib/metering.ts): how many subscriber-only articles a month readers without a subscription may read. */
export const meteringSchema = (t: ErrorsT) =>
  z.object({
    anonymousPerMonth: allowance(t, "anonymousPerMonth"),
    memberPerMonth: allowance(t, "memberPerMonth"),
  });

/** Saves the metering allowances (admins only); the audit entry holds only the ones that changed. */
export async function updateMetering(actorId: string, input: unknown): Promise<{ ok: true; changed: (keyof MeterSettings)[] } | Failure> {
  const t = await errorsT();
  if ((await currentRole(actorId)) !== "admin") return { error: t("onlyAdmins") };
  const parsed = meteringSchema(t).safeParse(input);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    return { error: flat.formErrors[0] ?? (await checkForm()), fieldErrors: flat.fieldErrors as Record<string, string[]> };
  }
  const next = parsed.data;
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(publication).limit(1).for("update");
    if (!row) return { error: t("missing") };
    const before: MeterSettings = { anonymousPerMonth: row.meterAnonymousPerMonth, memberPerMonth: row.meterMemberPerMonth };
    const changed = (["anonymousPerMonth", "memberPerMonth"] as const).filter((k) => before[k] !== next[k]);
    if (changed.length === 0) return { ok: true as const, changed: [] };
    await tx
      .update(publication)
      .set({ meterAnonymousPerMonth: next.anonymousPerMonth, meterMemberPerMonth: next.memberPerMonth, updatedAt: new Date() })
      .where(eq(publication.id, row.id));
    await recordAudit(tx, {
      actorId,
      action: "publication.metering",
      entity: "publication",
      entityId: row.id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, next[k]])),
    });
    return { ok: true as const, changed: [...changed] };
  });
  forgetMeterSettings();
  return result;
}

/**
 * Replaces the logo with an uploaded image: validated and re-encoded (at most
 * 800 px wide), stored under a fresh key so cached copies of the old one never
 * show the new one's URL. The new file is journaled (lib/storage/journal.ts):
 * a failed save deletes it, a crash leaves it to the sweep; the old file is
 * deleted only after the change committed.
 */
export async function replaceLogo(actorId: string, upload: Buffer): Promise<{ ok: true; logoKey: string } | Failure> {
  if ((await currentRole(actorId)) !== "admin") return { error: (await errorsT())("onlyAdmins") };
  // Loaded here, not at the top: the reader footer imports this module, and sharp is heavy.
  const { processImage } = await import("@/lib/uploads/image");
  const image = await processImage(upload, { maxWidth: LOGO_MAX_WIDTH });
  if (!image.ok) return { error: image.error };
  const key = `publication/logo-${randomBytes(8).toString("hex")}.${image.full.extension.replace(/^\./, "").toLowerCase()}`;
  await recordPendingFiles([key], "publication.logo");
  let previous: string | null;
  try {
    await putObject(key, image.full.data, image.full.contentType);
    previous = await swapLogoKey(actorId, key, { width: image.full.width, height: image.full.height });
  } catch (error) {
    await abandonFiles([key]);
    throw error;
  }
  if (previous) await removeDiscarded([previous]);
  return { ok: true, logoKey: key };
}

/** Back to the drawn masthead. */
export async function removeLogo(actorId: string): Promise<{ ok: true } | Failure> {
  if ((await currentRole(actorId)) !== "admin") return { error: (await errorsT())("onlyAdmins") };
  const previous = await swapLogoKey(actorId, null);
  if (previous) await removeDiscarded([previous]);
  return { ok: true };
}

async function swapLogoKey(actorId: string, key: string | null, size?: { width: number; height: number }): Promise<string | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ id: publication.id, logoKey: publication.logoKey }).from(publication).limit(1).for("update");
    if (!row) throw new Error("The publication profile is missing: run `npm run db:seed`.");
    // Removing a logo that is not there changes nothing, and leaves no audit entry claiming it did.
    if (key === null && row.logoKey === null) return null;
    await tx.update(publication).set({ logoKey: key, updatedAt: new Date() }).where(eq(publication.id, row.id));
    await recordAudit(tx, {
      actorId,
      action: key ? "publication.logo" : "publication.logo.remove",
      entity: "publication",
      entityId: row.id,
      before: { logoKey: row.logoKey },
      after: { logoKey: key, ...(size ?? {}) },
    });
    if (key) await claimFiles(tx, [key]);
    await discardFiles(tx, [row.logoKey], key ? "publication.logo" : "publication.logo.remove");
    return row.logoKey;
  });
}

/** The logo's public URL; the key's random part in the query lets browsers cache it for good. */
export const logoUrl = (logoKey: string | null): string | null => (logoKey ? `/media/logo?v=${encodeURIComponent(logoKey.replace(/^publication\/logo-/, ""))}` : null);

/**
 * Weekdays as a list in `locale`, in the order given: "周一、周四" · "Monday and Thursday".
 * Pure (no cookie): cached reader pages pass their own locale.
 */
export function weekdayList(weekdays: readonly number[], locale: Locale = "zh-CN"): string {
  const t = translatorFor(locale, "adminPublishing.weekdays");
  const names = weekdays.map((d) => t(WEEKDAY_KEYS[d - 1] ?? "mon"));
  return locale === "zh-CN" ? names.join("、") : new Intl.ListFormat("en-GB", { type: "conjunction" }).format(names);
}

/** 每周一、周四出版 · Published every Monday and Thursday. Pure, like weekdayList: the reader footer calls it with the page's locale. */
export function weekdaysText(weekdays: readonly number[], locale: Locale = "zh-CN"): string {
  const t = translatorFor(locale, "adminPublishing.weekdays");
  if (weekdays.length === 7) return t("daily");
  if (weekdays.length === 0) return t("undecided");
  return t("every", { days: weekdayList([...weekdays].sort(), locale) });
}

export type FooterFacts = Pick<PublicationRow, "name" | "cnNumber" | "sponsor" | "publisher" | "hotline"> & { weekdays: readonly number[] };

/** What `next build` bakes into pages prerendered before any database exists; saving the profile re-renders them. */
const BUILD_TIME_FACTS: FooterFacts = {
  name: "财信报",
  cnNumber: "CN 15-0042",
  sponsor: "内蒙古新华报业中心",
  publisher: "财信报社",
  hotline: "(0471) 3122969",
  weekdays: [1, 4],
};

/** The reader footer's facts: the profile and the weekdays in force today (including dated schedule changes). */
export const footerFacts = cache(async (now = new Date()): Promise<FooterFacts> => {
  if (process.env.NEXT_PHASE === "phase-production-build") return BUILD_TIME_FACTS;
  let row: typeof publication.$inferSelect | undefined;
  let changes: { effectiveFrom: string; weekdays: number[] }[];
  try {
    const db = await getDb();
    [[row], changes] = await Promise.all([
      db.select().from(publication).limit(1),
      db.select({ effectiveFrom: scheduleChanges.effectiveFrom, weekdays: scheduleChanges.weekdays }).from(scheduleChanges).orderBy(asc(scheduleChanges.effectiveFrom)),
    ]);
  } catch (error) {
    // Every page's footer asks this: with the database away, the page's own error page must still render in the layout.
    log.warn({ err: error }, "Footer facts unavailable; showing the defaults");
    return BUILD_TIME_FACTS;
  }
  if (!row) return BUILD_TIME_FACTS;
  return {
    name: row.name,
    cnNumber: row.cnNumber,
    sponsor: row.sponsor,
    publisher: row.publisher,
    hotline: row.hotline,
    weekdays: weekdaysOn(todayInPaperZone(now), { weekdays: row.weekdays, changes }),
  };
});
