import { and, eq, gt, inArray, lte } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { accessWindows, gifts, payments, plans } from "@/db/schema";
import { hasAccessAt } from "@/lib/access-rule";
import { dateInZone, daysBetween, todayInPaperZone } from "@/lib/dates";
import { prepaidEndingMail } from "@/lib/mail/billing-templates";
import { appLink, sendAll, type Notice } from "./webhook/notices";

/**
 * Prepaid and gift terms do not renew, so their readers are told before the
 * end: once when the last day is 7 days away, and once on the last day (both
 * on the paper's Asia/Shanghai calendar; the last day is the day of endsAt − 1 ms).
 * A run that was missed catches up: a term 3 days from its end that never got
 * the 7-day mail gets it then (the text names the actual date). Nobody is told
 * whose access continues anyway (a subscription or a next term picks up).
 */
const REMIND_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

type Candidate = { id: number; userId: string; endsAt: Date; planName: string | null };

export function reminderKind(endsAt: Date, now: Date): "7d" | "today" | null {
  const daysLeft = daysBetween(todayInPaperZone(now), dateInZone(new Date(endsAt.getTime() - 1)));
  if (daysLeft === 0) return "today";
  if (daysLeft > 0 && daysLeft <= REMIND_DAYS) return "7d";
  return null;
}

async function candidates(db: Db, now: Date): Promise<Candidate[]> {
  const rows = await db
    .select({
      id: accessWindows.id,
      userId: accessWindows.userId,
      endsAt: accessWindows.endsAt,
      paidPlan: plans.name,
      giftPlanKey: gifts.planKey,
    })
    .from(accessWindows)
    .leftJoin(payments, eq(payments.windowId, accessWindows.id))
    .leftJoin(plans, eq(plans.key, payments.planKey))
    .leftJoin(gifts, eq(gifts.windowId, accessWindows.id))
    .where(
      and(
        inArray(accessWindows.source, ["prepaid", "gift"]),
        gt(accessWindows.endsAt, now),
        lte(accessWindows.endsAt, new Date(now.getTime() + (REMIND_DAYS + 2) * DAY_MS)),
      ),
    );
  const giftPlanKeys = [...new Set(rows.map((r) => r.giftPlanKey).filter((k): k is string => k !== null))];
  const giftPlans = giftPlanKeys.length > 0 ? await db.select({ key: plans.key, name: plans.name }).from(plans).where(inArray(plans.key, giftPlanKeys)) : [];
  const giftPlanName = new Map(giftPlans.map((p) => [p.key, p.name]));
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    endsAt: r.endsAt!,
    planName: r.paidPlan ?? (r.giftPlanKey ? (giftPlanName.get(r.giftPlanKey) ?? null) : null),
  }));
}

/** The reminders due at `now`; sentNotices makes each go out at most once per window. */
export async function dueReminders(db: Db, now: Date): Promise<Notice[]> {
  const notices: Notice[] = [];
  for (const window of await candidates(db, now)) {
    const kind = reminderKind(window.endsAt, now);
    if (!kind) continue;
    const others = await db
      .select({ id: accessWindows.id, startsAt: accessWindows.startsAt, endsAt: accessWindows.endsAt, source: accessWindows.source })
      .from(accessWindows)
      .where(eq(accessWindows.userId, window.userId));
    if (hasAccessAt(others.filter((w) => w.id !== window.id), window.endsAt)) continue;
    const daysLeft = daysBetween(todayInPaperZone(now), dateInZone(new Date(window.endsAt.getTime() - 1)));
        notices.push({
      key: `prepaid-ending-${kind}:${window.id}`,
      userId: window.userId,
      compose: async ({ locale }) => prepaidEndingMail(locale, { planName: window.planName, endsAt: window.endsAt, daysLeft, renewLink: appLink("/subscribe") }),
    });
  }
  return notices;
}

/** Everything `npm run jobs:daily` does. */
export async function runDailyJobs(now = new Date()): Promise<{ sent: number }> {
  const db = await getDb();
  return { sent: await sendAll(db, await dueReminders(db, now)) };
}
