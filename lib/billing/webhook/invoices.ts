import type Stripe from "stripe";
import { env } from "@/lib/env";
import { subscriptionPaymentFailedMail } from "@/lib/mail/billing-templates";
import { appLink } from "./notices";
import { readSubscription, syncSubscription } from "./subscriptions";
import { idOf, nothing, type EventHandler } from "./types";
import { logger } from "@/lib/log";

const log = logger.child({ module: "billing" });

/** In this API version an invoice names its subscription under parent.subscription_details. */
export const subscriptionOfInvoice = (invoice: Stripe.Invoice): string | null =>
  idOf(invoice.parent?.subscription_details?.subscription ?? null);

/** invoice.paid: a period was paid for; the re-read subscription carries the new period end. */
export const onInvoicePaid: EventHandler = async (event, stripe) => {
  const subscriptionId = subscriptionOfInvoice(event.data.object as Stripe.Invoice);
  const read = subscriptionId ? await readSubscription(stripe, subscriptionId) : null;
  return { apply: async (tx) => (read ? syncSubscription(tx, read) : nothing("invoice without a subscription")) };
};

/**
 * invoice.payment_failed: sync (the subscription is now past_due, in its grace)
 * and tell the reader once per invoice, with a link to fix the card.
 */
export const onInvoicePaymentFailed: EventHandler = async (event, stripe) => {
  const invoice = event.data.object as Stripe.Invoice;
  const subscriptionId = subscriptionOfInvoice(invoice);
  const read = subscriptionId ? await readSubscription(stripe, subscriptionId) : null;
  return {
    apply: async (tx) => {
      if (!read) return nothing("invoice without a subscription");
      const result = await syncSubscription(tx, read);
      const userId = result.users[0];
      if (!userId) return result;
      const customerId = result.state.customerId;
      const graceEndsAt = result.state.status === "past_due" ? result.state.window.endsAt : null;
      result.notices.push({
        key: `payment-failed:${invoice.id}`,
        userId,
        compose: async ({ locale }) =>
          subscriptionPaymentFailedMail(locale, { planName: result.planName ?? null, graceEndsAt, portalLink: await portalLinkFor(stripe, customerId), accountLink: appLink("/account") }),
      });
      return result;
    },
  };
};

/** A Customer Portal session for the reader; if Stripe will not make one, the account page (which links to it). */
async function portalLinkFor(stripe: Stripe, customerId: string): Promise<string> {
  const account = appLink("/account");
  if (!customerId) return account;
  try {
    const session = await stripe.billingPortal.sessions.create({ customer: customerId, return_url: new URL("/account", env().APP_URL).toString() });
    return session.url;
  } catch (error) {
    log.warn({ customerId, reason: (error as Error).message }, "No Customer Portal session; the mail links to /account instead");
    return account;
  }
}
