import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { accessWindows, users } from "@/db/schema";
import { summarizeAccess } from "@/lib/access-rule";

/**
 * Writing access windows, always inside the caller's transaction. Callers call
 * forgetAccess(userId) after the transaction commits.
 */
export type AccessWindow = typeof accessWindows.$inferSelect;

/** China has kept UTC+8 all year since 1991, so Shanghai wall time is a fixed offset. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * `months` calendar months after an instant, counted on the Asia/Shanghai wall
 * clock: the same time of day on the same day of the month, or on the last day
 * of the month when that month is shorter. So a month from 31 January 10:00 is
 * 28 (or 29) February 10:00, and a month from 15 March is 15 April.
 */
export function addCalendarMonths(from: Date, months: number): Date {
  const wall = new Date(from.getTime() + SHANGHAI_OFFSET_MS);
  const year = wall.getUTCFullYear();
  const monthIndex = wall.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  const day = Math.min(wall.getUTCDate(), lastDay);
  const shifted = Date.UTC(
    year,
    monthIndex,
    day,
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    wall.getUTCMilliseconds(),
  );
  return new Date(shifted - SHANGHAI_OFFSET_MS);
}

/**
 * The one window of a Stripe subscription (reference = subscription id),
 * created on first sight and moved in place after that. Callers must hold the
 * subscription's row lock (the `subscriptions` upsert in the same transaction
 * takes it), which keeps two deliveries from both inserting.
 */
export async function upsertSubscriptionWindow(
  tx: Tx,
  input: { userId: string; subscriptionId: string; startsAt: Date; endsAt: Date },
): Promise<{ window: AccessWindow; previousEndsAt: Date | null; created: boolean }> {
  const [existing] = await tx
    .select()
    .from(accessWindows)
    .where(and(eq(accessWindows.source, "subscription"), eq(accessWindows.reference, input.subscriptionId)))
    .limit(1);
  if (existing) {
    const [window] = await tx
      .update(accessWindows)
      .set({ userId: input.userId, startsAt: input.startsAt, endsAt: input.endsAt })
      .where(eq(accessWindows.id, existing.id))
      .returning();
    return { window: window!, previousEndsAt: existing.endsAt, created: false };
  }
  const [window] = await tx
    .insert(accessWindows)
    .values({ userId: input.userId, source: "subscription", reference: input.subscriptionId, startsAt: input.startsAt, endsAt: input.endsAt })
    .returning();
  return { window: window!, previousEndsAt: null, created: true };
}

/**
 * Grants a paid term of `months` to a reader, queued after the access they
 * already have, so buying while subscribed never wastes paid days:
 * - access running until a known end (a subscription period, earlier prepaid
 *   terms, touching windows chained) → the term starts at that end;
 * - open-ended access (a staff comp with no end) → the term starts now: there
 *   is no end to queue behind, and waiting for "never" would make the purchase
 *   worthless; staff who close the comp later leave the paid term in place;
 * - no current access → now.
 * Idempotent by (source, reference): a second grant returns the first window.
 */
export async function grantPrepaidTerm(
  tx: Tx,
  input: { userId: string; months: number; reference: string; source: "prepaid" | "gift"; now?: Date },
): Promise<AccessWindow & { created: boolean }> {
  if (!Number.isInteger(input.months) || input.months < 1) throw new Error(`A prepaid term needs whole months, got ${input.months}`);
  // Serializes grants per reader: two purchases at once must queue one after the other, not overlap.
  // NO KEY UPDATE, not UPDATE: rows that reference the reader (a payment just inserted by this or
  // another transaction) hold KEY SHARE on them, which UPDATE would wait on — a deadlock on PostgreSQL.
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).for("no key update");
  if (!user) throw new Error(`No reader ${input.userId} to grant a term to`);

  const [existing] = await tx
    .select()
    .from(accessWindows)
    .where(and(eq(accessWindows.source, input.source), eq(accessWindows.reference, input.reference)))
    .limit(1);
  if (existing) return { ...existing, created: false };

  const now = input.now ?? new Date();
  const windows = await tx
    .select({ startsAt: accessWindows.startsAt, endsAt: accessWindows.endsAt, source: accessWindows.source })
    .from(accessWindows)
    .where(eq(accessWindows.userId, input.userId));
  const summary = summarizeAccess(windows, now);
  const startsAt = summary.status === "active" && summary.until ? summary.until : now;
  const [window] = await tx
    .insert(accessWindows)
    .values({
      userId: input.userId,
      source: input.source,
      reference: input.reference,
      startsAt,
      endsAt: addCalendarMonths(startsAt, input.months),
    })
    .returning();
  return { ...window!, created: true };
}
