import type Stripe from "stripe";
import type { Tx } from "@/db/client";
import { qrRefFromMetadata, recordAttribution } from "@/lib/qr/attribution";
import { rememberCustomer } from "../customers";
import { isServingStatus } from "../subscription-state";
import { awaitDelayed, checkoutMetadata, markFailed, settlePaid, type CheckoutMetadata } from "./one-off";
import { readSubscription, syncSubscription } from "./subscriptions";
import { idOf, nothing, type EventHandler, type Outcome } from "./types";

/**
 * checkout.session.* events. Subscription mode: remember the customer and
 * sync the subscription as re-read from Stripe. Payment mode: settle the
 * prepaid payment or gift by the session's payment_status.
 */
function shippingOf(session: Stripe.Checkout.Session): Record<string, unknown> | undefined {
  const shipping = session.collected_information?.shipping_details;
  return shipping ? { name: shipping.name, address: shipping.address } : undefined;
}

/**
 * The print-to-digital funnel: a checkout started within seven days of a QR scan
 * carries the code (lib/billing/checkout.ts); the subscription it pays for is
 * attributed to that code in the same transaction as the access, at most once
 * per code and reader. Gifts are not: the buyer is not the reader who subscribes.
 */
async function attributeToScan(tx: Tx, session: Stripe.Checkout.Session, userId: string | null | undefined, event: Stripe.Event): Promise<void> {
  const ref = qrRefFromMetadata(session.metadata);
  if (ref && userId) await recordAttribution(tx, ref, userId, "subscription", new Date(event.created * 1000));
}

async function settleAndAttribute(tx: Tx, session: Stripe.Checkout.Session, meta: CheckoutMetadata, event: Stripe.Event): Promise<Outcome> {
  const outcome = await settlePaid(tx, session, meta);
  // `users` is set only when this event granted the prepaid term (not for gifts, not twice).
  if (meta.kind !== "gift" && outcome.users.length > 0) await attributeToScan(tx, session, outcome.users[0], event);
  return outcome;
}

export const onCheckoutCompleted: EventHandler = async (event, stripe) => {
  const session = event.data.object as Stripe.Checkout.Session;
  const parsed = checkoutMetadata.safeParse(session.metadata ?? {});

  if (session.mode === "subscription") {
    const subscriptionId = idOf(session.subscription);
    const read = subscriptionId ? await readSubscription(stripe, subscriptionId) : null;
    const userId = parsed.success ? parsed.data.userId : session.client_reference_id;
    const customerId = idOf(session.customer);
    return {
      apply: async (tx) => {
        if (userId && customerId) await rememberCustomer(tx, userId, customerId);
        if (!read) return nothing("session without a subscription");
        const synced = await syncSubscription(tx, read, { shippingAddress: shippingOf(session) });
        // Judged by the subscription as read, even when a later read was written first (the write is then skipped).
        if (isServingStatus(synced.state.status)) await attributeToScan(tx, session, synced.users[0] ?? userId, event);
        return synced;
      },
    };
  }

  if (session.mode !== "payment" || !parsed.success) return { apply: async () => nothing("not a portal checkout") };
  const meta = parsed.data;
  return {
    apply: async (tx) => {
      if (session.payment_status === "unpaid") return awaitDelayed(tx, session, meta);
      return settleAndAttribute(tx, session, meta, event); // "paid", or "no_payment_required" (a 100% promotion code)
    },
  };
};

export const onAsyncPaymentSucceeded: EventHandler = async (event) => {
  const session = event.data.object as Stripe.Checkout.Session;
  const parsed = checkoutMetadata.safeParse(session.metadata ?? {});
  if (session.mode !== "payment" || !parsed.success) return { apply: async () => nothing("not a portal one-off checkout") };
  return { apply: async (tx) => settleAndAttribute(tx, session, parsed.data, event) };
};

export const onAsyncPaymentFailed: EventHandler = async (event) => {
  const session = event.data.object as Stripe.Checkout.Session;
  const parsed = checkoutMetadata.safeParse(session.metadata ?? {});
  if (session.mode !== "payment" || !parsed.success) return { apply: async () => nothing("not a portal one-off checkout") };
  return { apply: async (tx) => markFailed(tx, session, parsed.data) };
};
