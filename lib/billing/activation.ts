import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { payments, subscriptions } from "@/db/schema";
import { forgetAccess, isSubscriberNow } from "@/lib/access";
import { LIVE_SUBSCRIPTION_STATUSES } from "./checkout";
import { getStripe } from "./stripe";

export type ActivationState = "active" | "pending" | "delayed" | "failed" | "unknown";

/**
 * Where a reader's Checkout stands, for the success page to poll. Access is
 * granted only by the webhook; this merely reports whether it has happened.
 */
export async function checkoutActivation(sessionId: string, userId: string): Promise<ActivationState> {
  const stripe = getStripe();
  if (!stripe || !/^cs_[\w]{1,200}$/.test(sessionId)) return "unknown";
  const session = await stripe.checkout.sessions.retrieve(sessionId).catch(() => null);
  if (!session || session.client_reference_id !== userId) return "unknown";
  const db = await getDb();
  forgetAccess(userId);
  if (session.mode === "subscription") {
    const subscriptionId = typeof session.subscription === "string" ? session.subscription : session.subscription?.id;
    if (!subscriptionId) return "pending";
    const [row] = await db.select({ status: subscriptions.status }).from(subscriptions).where(eq(subscriptions.id, subscriptionId)).limit(1);
    return row && LIVE_SUBSCRIPTION_STATUSES.includes(row.status) && (await isSubscriberNow(userId)) ? "active" : "pending";
  }
  const [payment] = await db.select({ status: payments.status }).from(payments).where(eq(payments.id, sessionId)).limit(1);
  if (payment?.status === "paid") return (await isSubscriberNow(userId)) ? "active" : "pending";
  if (payment?.status === "failed") return "failed";
  return session.status === "complete" && session.payment_status === "unpaid" ? "delayed" : "pending";
}
