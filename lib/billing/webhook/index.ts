import { eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { getDb, type Db, type Tx } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import { forgetAccess } from "@/lib/access";
import { env } from "@/lib/env";
import { getStripe } from "../stripe";
import { onAsyncPaymentFailed, onAsyncPaymentSucceeded, onCheckoutCompleted } from "./checkout";
import { onInvoicePaid, onInvoicePaymentFailed } from "./invoices";
import { sendAll } from "./notices";
import { onSubscriptionEvent } from "./subscriptions";
import type { EventHandler, Outcome } from "./types";
import { logger } from "@/lib/log";

const log = logger.child({ module: "billing" });

/**
 * The Stripe webhook. Every event is applied at most once and in one
 * transaction with its row in stripe_events:
 *   1. verify the signature (400 if missing or wrong; 503 if billing is off);
 *   2. cheap pre-check: an event already processed answers {duplicate} with no
 *      Stripe call;
 *   3. `prepare`: Stripe API reads (the current subscription), outside any
 *      transaction;
 *   4. one transaction: claim the event id (insert … on conflict … where
 *      processed_at is null returning id: no row back ⇒ someone applied it
 *      already ⇒ {duplicate}), then apply the effect. An error rolls back the
 *      claim with the effect, so nothing half-done stays;
 *   5. after commit: forget cached access, send mails at most once.
 * A failed event is logged in stripe_events (error, processed_at null) and
 * answered 500, so Stripe redelivers it and the redelivery applies it.
 */
export type WebhookReply = { status: number; body: unknown };

const handlers: Record<string, EventHandler> = {
  "checkout.session.completed": onCheckoutCompleted,
  "checkout.session.async_payment_succeeded": onAsyncPaymentSucceeded,
  "checkout.session.async_payment_failed": onAsyncPaymentFailed,
  "customer.subscription.created": onSubscriptionEvent,
  "customer.subscription.updated": onSubscriptionEvent,
  "customer.subscription.deleted": onSubscriptionEvent,
  "invoice.paid": onInvoicePaid,
  "invoice.payment_failed": onInvoicePaymentFailed,
};

export const handledEventTypes = Object.keys(handlers);

export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookReply> {
  const stripe = getStripe();
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!stripe || !secret) return { status: 503, body: { error: "billing is not configured" } };
  if (!signature) return { status: 400, body: { error: "missing Stripe-Signature header" } };
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    return { status: 400, body: { error: "invalid signature" } };
  }

  const db = await getDb();
  const handler = handlers[event.type];
  try {
    if (await isProcessed(db, event.id)) return { status: 200, body: { duplicate: true } };
    const prepared = handler ? await handler(event, stripe) : null;
    const outcome = await db.transaction(async (tx): Promise<Outcome | null> => {
      if (!(await claim(tx, event))) return null;
      return prepared ? prepared.apply(tx) : { users: [], notices: [], note: "ignored" };
    });
    if (!outcome) return { status: 200, body: { duplicate: true } };
    for (const userId of outcome.users) forgetAccess(userId);
    await sendAll(db, outcome.notices);
    if (!handler) return { status: 200, body: { ignored: true } };
    return { status: 200, body: { received: true, ...(outcome.note && { note: outcome.note }) } };
  } catch (error) {
    log.error({ err: error, eventId: event.id, eventType: event.type }, "Stripe event failed; Stripe will redeliver it");
    await recordFailure(db, event, error).catch((e) => log.error({ err: e, eventId: event.id }, "Could not record the failure"));
    return { status: 500, body: { error: "event processing failed" } };
  }
}

async function isProcessed(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ processedAt: stripeEvents.processedAt }).from(stripeEvents).where(eq(stripeEvents.id, id)).limit(1);
  return Boolean(row?.processedAt);
}

/**
 * Claims an event inside the effect's transaction. A concurrent delivery of
 * the same id waits here on the row until this transaction ends, then finds
 * processed_at set and gets no row back.
 */
async function claim(tx: Tx, event: Stripe.Event): Promise<boolean> {
  const rows = await tx
    .insert(stripeEvents)
    .values({ id: event.id, type: event.type, stripeCreatedAt: new Date(event.created * 1000), processedAt: sql`now()` })
    .onConflictDoUpdate({
      target: stripeEvents.id,
      set: { processedAt: sql`excluded.processed_at`, error: null },
      setWhere: sql`${stripeEvents.processedAt} is null`,
    })
    .returning({ id: stripeEvents.id });
  return rows.length > 0;
}

async function recordFailure(db: Db, event: Stripe.Event, error: unknown): Promise<void> {
  // Drizzle wraps driver errors ("Failed query: …"); the cause says what the database refused.
  const cause = error instanceof Error && error.cause instanceof Error ? ` (cause: ${error.cause.message})` : "";
  const text = (error instanceof Error ? `${error.name}: ${error.message}${cause}` : String(error)).slice(0, 2000);
  await db
    .insert(stripeEvents)
    .values({ id: event.id, type: event.type, stripeCreatedAt: new Date(event.created * 1000), processedAt: null, error: text })
    .onConflictDoUpdate({ target: stripeEvents.id, set: { error: text }, setWhere: sql`${stripeEvents.processedAt} is null` });
}
