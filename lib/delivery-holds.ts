import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { deliveryHolds, issues, plans, publication, subscriptions, users } from "@/db/schema";
import { LIVE_SUBSCRIPTION_STATUSES } from "@/lib/billing/checkout";
import { loadSchedule } from "@/lib/calendar";
import { addDays, todayInPaperZone, type IsoDate } from "@/lib/dates";
import { requestLocale, requestTranslator, translatorFor } from "@/lib/i18n/translate";
import { checkHold, earliestHoldStart, expectedIssues, type ExpectedIssue, type HoldField, type HoldPolicy } from "@/lib/delivery-hold-rules";
import { publicationDaysBetween, type Schedule } from "@/lib/schedule";

/**
 * Delivery holds (暂停投递): a print subscriber asks distribution to skip their
 * paper for a while. Only the print delivery stops; digital access is
 * untouched. The rules live in lib/delivery-hold-rules.ts; this module loads,
 * locks and writes.
 */
export type PrintSubscription = { id: string; planName: string; shippingAddress: Record<string, unknown> | null };
export type HoldView = {
  id: number;
  startsOn: IsoDate;
  endsOn: IsoDate;
  canceledAt: Date | null;
  /** Only holds that have not started may be canceled: distribution has already planned the others. */
  cancelable: boolean;
  issues: ExpectedIssue[];
};
export type PlaceHoldResult = { ok: true; hold: HoldView } | { ok: false; field: HoldField | null; message: string };

/** The refusal in Chinese (tests compare with it); readers get it in their language. */
export const NOT_PRINT_SUBSCRIBER = "暂停投递仅适用于生效中的纸质版订阅";

const DEFAULT_POLICY: HoldPolicy = { leadPublicationDays: 2, maxWeeksPerYear: 5 };

/** The reader's live subscription that includes the printed paper, or null. */
async function printSubscriptionIn(db: Db | Tx, userId: string): Promise<PrintSubscription | null> {
  const [row] = await db
    .select({ id: subscriptions.id, planName: plans.name, shippingAddress: subscriptions.shippingAddress })
    .from(subscriptions)
    .innerJoin(plans, eq(plans.key, subscriptions.planKey))
    .where(and(eq(subscriptions.userId, userId), inArray(subscriptions.status, LIVE_SUBSCRIPTION_STATUSES), eq(plans.includesPrint, true)))
    .orderBy(desc(subscriptions.updatedAt))
    .limit(1);
  return row ?? null;
}

export const printSubscriptionFor = async (userId: string) => printSubscriptionIn(await getDb(), userId);

export async function loadHoldPolicy(): Promise<HoldPolicy> {
  const db = await getDb();
  const [row] = await db
    .select({ leadPublicationDays: publication.holdLeadPublicationDays, maxWeeksPerYear: publication.holdMaxWeeksPerYear })
    .from(publication)
    .limit(1);
  return row ?? DEFAULT_POLICY;
}

/** Issue numbers known so far (any status: drafts and scheduled issues already carry theirs). */
async function knownIssues(): Promise<{ date: IsoDate; number: number }[]> {
  const db = await getDb();
  return db.select({ date: issues.date, number: issues.number }).from(issues).orderBy(asc(issues.date));
}

function view(row: typeof deliveryHolds.$inferSelect, today: IsoDate, schedule: Schedule, known: { date: IsoDate; number: number }[]): HoldView {
  const days = publicationDaysBetween(row.startsOn, row.endsOn, schedule);
  return {
    id: row.id,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    canceledAt: row.canceledAt,
    cancelable: !row.canceledAt && row.startsOn > today,
    issues: expectedIssues(days, known, schedule, today),
  };
}

/**
 * Places a hold after checking every rule. The check and the insert run in one
 * transaction that first locks the reader's row in `users`: that row exists
 * even before their first hold (a lock on the holds themselves would lock
 * nothing then), so two racing requests take turns and the second one sees
 * the first one's hold when it counts the yearly allowance. NO KEY UPDATE does
 * not block the foreign-key checks of other tables that point at the user.
 */
export async function placeHold(userId: string, range: { startsOn: string; endsOn: string }, today: IsoDate = todayInPaperZone()): Promise<PlaceHoldResult> {
  const [schedule, policy, known, locale] = await Promise.all([loadSchedule(), loadHoldPolicy(), knownIssues(), requestLocale()]);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("no key update");
    const subscription = await printSubscriptionIn(tx, userId);
    if (!subscription) return { ok: false as const, field: null, message: translatorFor(locale, "adminPeople.holdRules")("notPrintSubscriber") };

    const existing = await tx
      .select({ startsOn: deliveryHolds.startsOn, endsOn: deliveryHolds.endsOn })
      .from(deliveryHolds)
      .where(and(eq(deliveryHolds.userId, userId), isNull(deliveryHolds.canceledAt)));
    const verdict = checkHold({ range, today, schedule, policy, existing, locale });
    if (!verdict.ok) return verdict;

    const [row] = await tx
      .insert(deliveryHolds)
      .values({ userId, subscriptionId: subscription.id, startsOn: range.startsOn, endsOn: range.endsOn })
      .returning();
    return { ok: true as const, hold: view(row!, today, schedule, known) };
  });
}

/** Cancels one of the reader's own holds that has not started yet. */
export async function cancelHold(userId: string, holdId: number, today: IsoDate = todayInPaperZone()): Promise<{ ok: true } | { ok: false; message: string }> {
  const db = await getDb();
  const [row] = await db
    .update(deliveryHolds)
    .set({ canceledAt: new Date() })
    .where(and(eq(deliveryHolds.id, holdId), eq(deliveryHolds.userId, userId), isNull(deliveryHolds.canceledAt), gte(deliveryHolds.startsOn, addDays(today, 1))))
    .returning({ id: deliveryHolds.id });
  if (row) return { ok: true };
  const [hold] = await db
    .select({ canceledAt: deliveryHolds.canceledAt })
    .from(deliveryHolds)
    .where(and(eq(deliveryHolds.id, holdId), eq(deliveryHolds.userId, userId)))
    .limit(1);
  const t = await requestTranslator("adminPeople.holdRules");
  if (!hold) return { ok: false, message: t("notFound") };
  if (hold.canceledAt) return { ok: false, message: t("alreadyCanceled") };
  return { ok: false, message: t("alreadyStarted") };
}

/** The reader's holds, newest first, each with the publication days (and expected issues) it covers. */
export async function holdsFor(userId: string, today: IsoDate = todayInPaperZone()): Promise<HoldView[]> {
  const db = await getDb();
  const [schedule, known, rows] = await Promise.all([
    loadSchedule(),
    knownIssues(),
    db.select().from(deliveryHolds).where(eq(deliveryHolds.userId, userId)).orderBy(desc(deliveryHolds.startsOn), desc(deliveryHolds.id)),
  ]);
  return rows.map((row) => view(row, today, schedule, known));
}

/** What the hold form needs to tell the reader before they pick dates. */
export async function holdFormFacts(today: IsoDate = todayInPaperZone()): Promise<{ policy: HoldPolicy; earliestStart: IsoDate | null }> {
  const [schedule, policy] = await Promise.all([loadSchedule(), loadHoldPolicy()]);
  return { policy, earliestStart: earliestHoldStart(today, schedule, policy.leadPublicationDays) };
}

export type HeldDelivery = {
  holdId: number;
  email: string;
  name: string | null;
  shippingAddress: Record<string, unknown> | null;
  startsOn: IsoDate;
  endsOn: IsoDate;
};
export type DistributionDay = { date: IsoDate; number: number | null; estimated: boolean; holds: HeldDelivery[] };

/** For distribution: each publication day in [from, from + days], with the live holds that skip a delivery that day. */
export async function distributionDays(from: IsoDate, days = 30, today: IsoDate = todayInPaperZone()): Promise<DistributionDay[]> {
  const to = addDays(from, days);
  const db = await getDb();
  const [schedule, known, rows] = await Promise.all([
    loadSchedule(),
    knownIssues(),
    db
      .select({
        holdId: deliveryHolds.id,
        email: users.email,
        userName: users.name,
        shippingAddress: subscriptions.shippingAddress,
        startsOn: deliveryHolds.startsOn,
        endsOn: deliveryHolds.endsOn,
      })
      .from(deliveryHolds)
      .innerJoin(users, eq(users.id, deliveryHolds.userId))
      .leftJoin(subscriptions, eq(subscriptions.id, deliveryHolds.subscriptionId))
      .where(and(isNull(deliveryHolds.canceledAt), lte(deliveryHolds.startsOn, to), gte(deliveryHolds.endsOn, from)))
      .orderBy(asc(deliveryHolds.startsOn), asc(users.email)),
  ]);
  const dates = publicationDaysBetween(from, to, schedule);
  return expectedIssues(dates, known, schedule, today).map((issue) => ({
    ...issue,
    holds: rows
      .filter((r) => r.startsOn <= issue.date && issue.date <= r.endsOn)
      .map((r) => ({ holdId: r.holdId, email: r.email, name: r.userName, shippingAddress: r.shippingAddress, startsOn: r.startsOn, endsOn: r.endsOn })),
  }));
}
