import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { billingCustomers, subscriptions } from "@/db/schema";
import type { ActionState } from "@/lib/actions";
import { env } from "@/lib/env";
import { NOT_CONFIGURED } from "./checkout";
import { getStripe } from "./stripe";
import { applySubscriptionState } from "./webhook/apply";

/**
 * Cancel at period end, or resume, a reader's own subscription. Stripe answers
 * with the new state, which is written at once so the page shows it; the
 * webhook that follows finds the same state and changes nothing.
 */
export async function setCancelAtPeriodEnd(userId: string, subscriptionId: string, cancel: boolean): Promise<ActionState> {
  const stripe = getStripe();
  if (!stripe) return { error: NOT_CONFIGURED };
  const db = await getDb();
  const [own] = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(and(eq(subscriptions.id, subscriptionId), eq(subscriptions.userId, userId)))
    .limit(1);
  if (!own) return { error: "没有找到这个订阅" };
  const updated = await stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: cancel });
  await applySubscriptionState(updated);
  return { ok: true, message: cancel ? "已设置为到期后取消,到期前仍可阅读。" : "已恢复自动续费。" };
}

/** A Stripe Customer Portal session for the reader's own customer. */
export async function openBillingPortal(userId: string): Promise<{ url: string } | { error: string }> {
  const stripe = getStripe();
  if (!stripe) return { error: NOT_CONFIGURED };
  const db = await getDb();
  const [customer] = await db.select().from(billingCustomers).where(eq(billingCustomers.userId, userId)).limit(1);
  if (!customer) return { error: "您还没有付款记录" };
  const session = await stripe.billingPortal.sessions.create({
    customer: customer.stripeCustomerId,
    return_url: new URL("/account#billing", env().APP_URL).toString(),
  });
  return { url: session.url };
}
