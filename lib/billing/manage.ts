import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { billingCustomers, subscriptions } from "@/db/schema";
import type { ActionState } from "@/lib/actions";
import { env } from "@/lib/env";
import { requestLocale, translatorFor } from "@/lib/i18n/translate";
import { billingErrors } from "./checkout";
import { getStripe } from "./stripe";
import { applySubscriptionState } from "./webhook/apply";

/**
 * Cancel at period end, or resume, a reader's own subscription. Stripe answers
 * with the new state, which is written at once so the page shows it; the
 * webhook that follows finds the same state and changes nothing.
 */
export async function setCancelAtPeriodEnd(userId: string, subscriptionId: string, cancel: boolean): Promise<ActionState> {
  const t = await billingErrors();
  const stripe = getStripe();
  if (!stripe) return { error: t("notConfigured") };
  const db = await getDb();
  const [own] = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(and(eq(subscriptions.id, subscriptionId), eq(subscriptions.userId, userId)))
    .limit(1);
  if (!own) return { error: t("subscriptionNotFound") };
  const updated = await stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: cancel });
  await applySubscriptionState(updated);
  const done = translatorFor(await requestLocale(), "account.billing");
  return { ok: true, message: cancel ? done("cancelScheduled") : done("resumed") };
}

/** A Stripe Customer Portal session for the reader's own customer. */
export async function openBillingPortal(userId: string): Promise<{ url: string } | { error: string }> {
  const locale = await requestLocale();
  const t = translatorFor(locale, "account.billing.errors");
  const stripe = getStripe();
  if (!stripe) return { error: t("notConfigured") };
  const db = await getDb();
  const [customer] = await db.select().from(billingCustomers).where(eq(billingCustomers.userId, userId)).limit(1);
  if (!customer) return { error: t("noCustomer") };
  const session = await stripe.billingPortal.sessions.create({
    customer: customer.stripeCustomerId,
    locale: locale === "en" ? "en" : "zh",
    return_url: new URL("/account#billing", env().APP_URL).toString(),
  });
  return { url: session.url };
}
