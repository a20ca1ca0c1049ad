import "server-only";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { issues, scheduleChanges } from "@/db/schema";
import { currentRole } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import { isIsoDate, todayInPaperZone, type IsoDate } from "@/lib/dates";
import { requestTranslator, translatorFor } from "@/lib/i18n/translate";
import { isStaff } from "@/lib/roles";

/**
 * Dated schedule changes: from a day on the paper appears on other weekdays.
 * A change may only start after the last published issue and not before
 * tomorrow, so no issue that readers already have changes its schedule.
 */
export type ScheduleChangeResult = { ok: true; effectiveFrom: IsoDate } | { error: string; fieldErrors?: Record<string, string[]> };

type ErrorsT = ReturnType<typeof translatorFor<"adminPublishing.schedule.errors">>;

export const scheduleChangeSchema = (t: ErrorsT) =>
  z.object({
    effectiveFrom: z.string().refine(isIsoDate, t("invalidDate")),
    weekdays: z
      .array(z.coerce.number().int().min(1).max(7))
      .min(1, t("pickWeekday"))
      .max(7)
      .transform((days) => [...new Set(days)].sort()),
  });

const LOCK_KEY = 0x5ced01;

export async function addScheduleChange(actorId: string, input: unknown, now = new Date()): Promise<ScheduleChangeResult> {
  const t = await requestTranslator("adminPublishing.schedule.errors");
  if (!isStaff((await currentRole(actorId)) ?? undefined)) return { error: t("onlyStaff") };
  const parsed = scheduleChangeSchema(t).safeParse(input);
  if (!parsed.success) {
    const checkForm = (await requestTranslator("adminPublishing.common"))("checkForm");
    return { error: checkForm, fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  }
  const { effectiveFrom, weekdays } = parsed.data;
  const today = todayInPaperZone(now);
  if (effectiveFrom <= today) return { error: t("notBeforeTomorrow"), fieldErrors: { effectiveFrom: [t("notBeforeTomorrow")] } };
  const db = await getDb();
  return db.transaction(async (tx): Promise<ScheduleChangeResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY}::bigint)`);
    const [published] = await tx
      .select({ date: issues.date, number: issues.number })
      .from(issues)
      .where(and(eq(issues.status, "published"), gt(issues.date, sql`${effectiveFrom}::date - 1`)))
      .orderBy(desc(issues.date))
      .limit(1);
    if (published) {
      const message = t("publishedAfter", { date: published.date, number: published.number });
      return { error: message, fieldErrors: { effectiveFrom: [message] } };
    }
    await tx
      .insert(scheduleChanges)
      .values({ effectiveFrom, weekdays })
      .onConflictDoUpdate({ target: scheduleChanges.effectiveFrom, set: { weekdays } });
    await recordAudit(tx, { actorId, action: "schedule.change", entity: "schedule_change", entityId: effectiveFrom, after: { effectiveFrom, weekdays } });
    return { ok: true, effectiveFrom };
  });
}

/** Withdraws a change that has not taken effect yet. */
export async function deleteScheduleChange(actorId: string, id: number, now = new Date()): Promise<ScheduleChangeResult> {
  const t = await requestTranslator("adminPublishing.schedule.errors");
  if (!isStaff((await currentRole(actorId)) ?? undefined)) return { error: t("onlyStaff") };
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(scheduleChanges)
      .where(and(eq(scheduleChanges.id, id), gt(scheduleChanges.effectiveFrom, todayInPaperZone(now))))
      .returning({ effectiveFrom: scheduleChanges.effectiveFrom, weekdays: scheduleChanges.weekdays });
    if (deleted) await recordAudit(tx, { actorId, action: "schedule.change.delete", entity: "schedule_change", entityId: deleted.effectiveFrom, before: deleted });
    return deleted;
  });
  return row ? { ok: true, effectiveFrom: row.effectiveFrom } : { error: t("onlyFuture") };
}
