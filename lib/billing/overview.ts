import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accessWindows, payments, plans, subscriptions } from "@/db/schema";

export type BillingOverview = {
  subscriptions: {
    id: string;
    planName: string | null;
    status: string;
    currentPeriodEnd: Date | null;
    cancelAtPeriodEnd: boolean;
    endedAt: Date | null;
    trialEnd: Date | null;
    paymentMethodType: string | null;
  }[];
  prepaid: { id: string; planName: string; paidAt: Date | null; endsAt: Date | null; planKey: string }[];
  windows: { id: number; source: string; startsAt: Date; endsAt: Date | null; reference: string | null }[];
};

/** Everything /account shows about a reader's payments and access, read from our database only. */
export async function getBillingOverview(userId: string): Promise<BillingOverview> {
  const db = await getDb();
  const [subs, prepaid, windows] = await Promise.all([
    db
      .select({
        id: subscriptions.id,
        planName: plans.name,
        status: subscriptions.status,
        currentPeriodEnd: subscriptions.currentPeriodEnd,
        cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
        endedAt: subscriptions.endedAt,
        trialEnd: subscriptions.trialEnd,
        paymentMethodType: subscriptions.paymentMethodType,
      })
      .from(subscriptions)
      .leftJoin(plans, eq(plans.key, subscriptions.planKey))
      .where(eq(subscriptions.userId, userId))
      .orderBy(desc(subscriptions.updatedAt)),
    db
      .select({ id: payments.id, planName: plans.name, planKey: payments.planKey, paidAt: payments.paidAt, endsAt: accessWindows.endsAt })
      .from(payments)
      .innerJoin(plans, eq(plans.key, payments.planKey))
      .leftJoin(accessWindows, eq(accessWindows.id, payments.windowId))
      .where(and(eq(payments.userId, userId), eq(payments.status, "paid")))
      .orderBy(desc(payments.paidAt)),
    db
      .select({ id: accessWindows.id, source: accessWindows.source, startsAt: accessWindows.startsAt, endsAt: accessWindows.endsAt, reference: accessWindows.reference })
      .from(accessWindows)
      .where(eq(accessWindows.userId, userId))
      .orderBy(desc(accessWindows.startsAt)),
  ]);
  return { subscriptions: subs, prepaid, windows };
}
