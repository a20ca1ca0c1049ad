import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accessWindows, users } from "@/db/schema";
import { recordAudit, summarize } from "@/lib/audit";
import { addCalendarMonths } from "@/lib/billing/windows";
import { defaultLocale } from "@/lib/i18n/config";
import { catalogs } from "@/lib/i18n/messages";

/**
 * Complimentary access (赠阅) granted by staff. The rule lives here, on the
 * server: only admins may grant or revoke it, whatever page or action asks.
 * The actor's role is read from the database, never taken from a session.
 * Each change and its audit entry commit together or not at all.
 */
export type CompResult = { ok: true; windowId: number } | { error: string };

export const COMP_NOTE_MAX = 200;
/** The refusals in the default language; the functions below answer in the staff member's language. */
export const ONLY_ADMINS_GRANT = catalogs[defaultLocale].account.comp.onlyAdminsGrant;
export const ONLY_ADMINS_REVOKE = catalogs[defaultLocale].account.comp.onlyAdminsRevoke;
/** Imported when needed: next-intl cannot load in the scripts that import this module (lib/reader-csv.ts's benchmark). */
const messages = async () => (await import("@/lib/i18n/translate")).requestTranslator("account.comp");

/** The lengths the reader page offers; "open" has no end until revoked. */
export const COMP_DURATIONS = {
  week: { label: "1周", english: "1 week" },
  month: { label: "1个月", english: "1 month" },
  half_year: { label: "6个月", english: "6 months" },
  year: { label: "1年", english: "1 year" },
  open: { label: "长期(直到收回)", english: "Open-ended" },
} as const;
export type CompDuration = keyof typeof COMP_DURATIONS;

/** When a comp of `duration` granted at `now` ends (exclusive); null = open-ended. */
export function compEnd(duration: CompDuration, now = new Date()): Date | null {
  switch (duration) {
    case "week":
      return new Date(now.getTime() + 7 * 86_400_000);
    case "month":
      return addCalendarMonths(now, 1);
    case "half_year":
      return addCalendarMonths(now, 6);
    case "year":
      return addCalendarMonths(now, 12);
    case "open":
      return null;
  }
}

/**
 * lib/access is imported when needed, not at the top: it loads Next's navigation
 * runtime, which plain Node scripts (the import benchmark) cannot.
 */
const access = () => import("@/lib/access");
const isAdmin = async (actorId: string) => (await (await access()).currentRole(actorId)) === "admin";

/** The window's reference: who granted it, and their note, so the reader's page can say why. */
export const compReference = (actorId: string, note: string): string => `comp:${actorId}${note ? `:${note}` : ""}`;

const windowKeys = ["userId", "source", "startsAt", "endsAt", "reference"] as const;

export async function grantComplimentaryAccess(
  actorId: string,
  grant: { userId: string; until: Date | null; note: string },
  now = new Date(),
): Promise<CompResult> {
  const t = await messages();
  if (!(await isAdmin(actorId))) return { error: t("onlyAdminsGrant") };
  if (grant.until && grant.until <= now) return { error: t("endInPast") };
  const note = grant.note.trim().slice(0, COMP_NOTE_MAX);
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<CompResult> => {
    const [reader] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, grant.userId)).limit(1);
    if (!reader) return { error: t("noReader") };
    const [window] = await tx
      .insert(accessWindows)
      .values({ userId: reader.id, startsAt: now, endsAt: grant.until, source: "comp", reference: compReference(actorId, note) })
      .returning();
    await recordAudit(tx, {
      actorId,
      action: "reader.comp.grant",
      entity: "access_window",
      entityId: window!.id,
      after: { ...summarize(window!, windowKeys), email: reader.email, note },
    });
    return { ok: true, windowId: window!.id };
  });
  (await access()).forgetAccess(grant.userId);
  return result;
}

/** Ends a complimentary window now. Paid windows are never touched here: refunds go through Stripe. */
export async function revokeComplimentaryAccess(actorId: string, windowId: number, now = new Date()): Promise<CompResult> {
  const t = await messages();
  if (!(await isAdmin(actorId))) return { error: t("onlyAdminsRevoke") };
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<CompResult & { userId?: string }> => {
    const [before] = await tx
      .select()
      .from(accessWindows)
      .where(and(eq(accessWindows.id, windowId), eq(accessWindows.source, "comp")))
      .for("update")
      .limit(1);
    if (!before) return { error: t("noComp") };
    // An ended or not-yet-started comp is closed at its start, never stretched to now.
    const endsAt = before.startsAt > now ? before.startsAt : before.endsAt && before.endsAt <= now ? before.endsAt : now;
    const [after] = await tx.update(accessWindows).set({ endsAt }).where(eq(accessWindows.id, windowId)).returning();
    await recordAudit(tx, {
      actorId,
      action: "reader.comp.revoke",
      entity: "access_window",
      entityId: windowId,
      before: summarize(before, windowKeys),
      after: summarize(after!, windowKeys),
    });
    return { ok: true, windowId, userId: before.userId };
  });
  if ("userId" in result && result.userId) {
    (await access()).forgetAccess(result.userId);
    return { ok: true, windowId };
  }
  return result;
}
