import { eq, inArray, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Tx } from "@/db/client";
import { plans, subscriptions, users } from "@/db/schema";
import { accessGrantedMail } from "@/lib/mail/billing-templates";
import { rememberCustomer, userIdForCustomer } from "../customers";
import { isServingStatus, subscriptionState, type SubscriptionState } from "../subscription-state";
import { upsertSubscriptionWindow, type AccessWindow } from "../windows";
import { appLink, type Notice } from "./notices";
import { nothing, type EventHandler, type Outcome } from "./types";

/**
 * Subscription events carry a snapshot of the subscription, and Stripe neither
 * orders nor de-duplicates deliveries. So every subscription-related event
 * re-reads the subscription from the API and writes THAT state, stamped with
 * when it was read; a write never replaces a state read later than itself.
 * Whatever order events arrive in, the last write is the newest read.
 */
export type SubscriptionRead = { sub: Stripe.Subscription; readAt: Date };

export async function readSubscription(stripe: Stripe, id: string, fallback?: { sub: Stripe.Subscription; at: Date }): Promise<SubscriptionRead | null> {
  try {
    // latest_invoice tells a past_due subscription's paid-through time; the payment method its type.
    const sub = await stripe.subscriptions.retrieve(id, { expand: ["default_payment_method", "latest_invoice"] });
    return { sub, readAt: new Date() };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
    // Gone from Stripe (deleted test data): the event's own snapshot is all there is, dated by the event.
    return fallback ? { sub: fallback.sub, readAt: fallback.at } : null;
  }
}

async function readerOf(tx: Tx, state: SubscriptionState): Promise<string | null> {
  if (state.metadataUserId) {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, state.metadataUserId)).limit(1);
    if (user) return user.id;
  }
  return state.customerId ? userIdForCustomer(state.customerId, tx) : null;
}

/** The plan by the price actually billed (a reader may switch plans in the portal), else by our metadata. */
async function planOf(tx: Tx, state: SubscriptionState): Promise<{ key: string; name: string } | null> {
  if (state.priceIds.length > 0) {
    const [byPrice] = await tx.select({ key: plans.key, name: plans.name }).from(plans).where(inArray(plans.stripePriceId, state.priceIds)).limit(1);
    if (byPrice) return byPrice;
  }
  if (!state.metadataPlanKey) return null;
  const [byKey] = await tx.select({ key: plans.key, name: plans.name }).from(plans).where(eq(plans.key, state.metadataPlanKey)).limit(1);
  return byKey ?? null;
}

export type SyncResult = Outcome & { state: SubscriptionState; window?: AccessWindow; planName?: string };

/** Writes a subscription as read from Stripe, and its access window, unless a later read is stored already. */
export async function syncSubscription(tx: Tx, { sub, readAt }: SubscriptionRead, extra?: { shippingAddress?: Record<string, unknown> }): Promise<SyncResult> {
  const state = subscriptionState(sub);
  const userId = await readerOf(tx, state);
  if (!userId) return { ...nothing(`no reader for subscription ${sub.id}`), state };
  const plan = await planOf(tx, state);
  if (state.customerId) await rememberCustomer(tx, userId, state.customerId);

  const row = {
    userId,
    planKey: plan?.key ?? null,
    status: state.status,
    currentPeriodEnd: state.currentPeriodEnd,
    cancelAtPeriodEnd: state.cancelAtPeriodEnd,
    endedAt: state.endedAt,
    trialEnd: state.trialEnd,
    ...(state.paymentMethodType && { paymentMethodType: state.paymentMethodType }),
    ...(extra?.shippingAddress && { shippingAddress: extra.shippingAddress }),
    stateAt: readAt,
    updatedAt: new Date(),
  };
  // The row lock taken here also serializes concurrent deliveries for this
  // subscription, so the window below is written by one of them at a time.
  const [written] = await tx
    .insert(subscriptions)
    .values({ id: sub.id, ...row })
    .onConflictDoUpdate({ target: subscriptions.id, set: row, setWhere: sql`${subscriptions.stateAt} <= excluded.state_at` })
    .returning({ id: subscriptions.id });
  if (!written) return { ...nothing(`stale read of ${sub.id} skipped`), state };

  const { window, previousEndsAt } = await upsertSubscriptionWindow(tx, { userId, subscriptionId: sub.id, ...state.window });
  const notices: Notice[] = [];
  const endsAt = state.window.endsAt;
  if (isServingStatus(state.status) && (!previousEndsAt || endsAt.getTime() > previousEndsAt.getTime())) {
    const trial = state.status === "trialing";
    const renewed = previousEndsAt !== null && !trial;
    notices.push({
      key: `access-granted:${sub.id}:${endsAt.toISOString()}`,
      userId,
      compose: async ({ locale }) => accessGrantedMail(locale, { planName: plan?.name ?? null, endsAt, kind: "subscription", trial, renewed, accountLink: appLink("/account") }),
    });
  }
  return { users: [userId], notices, state, window, planName: plan?.name };
}

/** customer.subscription.created / updated / deleted: re-read and write. */
export const onSubscriptionEvent: EventHandler = async (event, stripe) => {
  const snapshot = event.data.object as Stripe.Subscription;
  const read = await readSubscription(stripe, snapshot.id, { sub: snapshot, at: new Date(event.created * 1000) });
  return { apply: async (tx) => (read ? syncSubscription(tx, read) : nothing("subscription not found")) };
};
