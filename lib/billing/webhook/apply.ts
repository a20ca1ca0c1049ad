import type Stripe from "stripe";
import { getDb } from "@/db/client";
import { forgetAccess } from "@/lib/access";
import { sendAll } from "./notices";
import { syncSubscription } from "./subscriptions";

/**
 * Writes a subscription the app has just received from the Stripe API (say,
 * the answer to subscriptions.update), the same way the webhook does: stamped
 * with now, so the webhook that follows with the same state changes nothing,
 * and an older state can no longer overwrite it.
 */
export async function applySubscriptionState(sub: Stripe.Subscription, readAt = new Date()): Promise<void> {
  const db = await getDb();
  const outcome = await db.transaction((tx) => syncSubscription(tx, { sub, readAt }));
  for (const userId of outcome.users) forgetAccess(userId);
  await sendAll(db, outcome.notices);
}
