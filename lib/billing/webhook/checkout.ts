import type Stripe from "stripe";
import { rememberCustomer } from "../customers";
import { awaitDelayed, checkoutMetadata, markFailed, settlePaid } from "./one-off";
import { readSubscription, syncSubscription } from "./subscriptions";
import { idOf, nothing, type EventHandler } from "./types";

/**
 * checkout.session.* events. Subscription mode: remember the customer and
 * sync the subscription as re-read from Stripe. Payment mode: settle the
 * prepaid payment or gift by the session's payment_status.
 */
function shippingOf(session: Stripe.Checkout.Session): Record<string, unknown> | undefined {
  const shipping = session.collected_information?.shipping_details;
  return shipping ? { name: shipping.name, address: shipping.address } : undefined;
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
        return read ? syncSubscription(tx, read, { shippingAddress: shippingOf(session) }) : nothing("session without a subscription");
      },
    };
  }

  if (session.mode !== "payment" || !parsed.success) return { apply: async () => nothing("not a portal checkout") };
  const meta = parsed.data;
  return {
    apply: async (tx) => {
      if (session.payment_status === "unpaid") return awaitDelayed(tx, session, meta);
      return settlePaid(tx, session, meta); // "paid", or "no_payment_required" (a 100% promotion code)
    },
  };
};

export const onAsyncPaymentSucceeded: EventHandler = async (event) => {
  const session = event.data.object as Stripe.Checkout.Session;
  const parsed = checkoutMetadata.safeParse(session.metadata ?? {});
  if (session.mode !== "payment" || !parsed.success) return { apply: async () => nothing("not a portal one-off checkout") };
  return { apply: async (tx) => settlePaid(tx, session, parsed.data) };
};

export const onAsyncPaymentFailed: EventHandler = async (event) => {
  const session = event.data.object as Stripe.Checkout.Session;
  const parsed = checkoutMetadata.safeParse(session.metadata ?? {});
  if (session.mode !== "payment" || !parsed.success) return { apply: async () => nothing("not a portal one-off checkout") };
  return { apply: async (tx) => markFailed(tx, session, parsed.data) };
};
