import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type Stripe from "stripe";
import { getDb } from "@/db/client";
import { payments, subscriptions } from "@/db/schema";
import { env } from "@/lib/env";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { requestLocale, translatorFor } from "@/lib/i18n/translate";
import { qrCheckoutMetadata, type QrRef } from "@/lib/qr/attribution";
import { ensureStripeCustomer } from "./customers";
import { getPlan, type Plan } from "./plans";
import { getStripe, isBillingConfigured } from "./stripe";

export type Buyer = { id: string; email: string; name: string | null };
export type CheckoutResult = { url: string } | { error: string } | { manage: true };

/** Statuses in which a reader already has a recurring subscription and must manage it instead. */
export const LIVE_SUBSCRIPTION_STATUSES = ["active", "trialing", "past_due"];

/** Billing errors in the reader's language (the default outside a request, e.g. in tests). */
export const billingErrors = async () => translatorFor(await requestLocale(), "account.billing.errors");

/** "Online payment is not set up", in the default language; pages use notConfiguredMessage(locale). */
export const NOT_CONFIGURED = translatorFor(defaultLocale, "account.billing.errors")("notConfigured");
export const notConfiguredMessage = (locale: Locale): string => translatorFor(locale, "account.billing.errors")("notConfigured");

/** Stripe Checkout's own pages in the reader's language. */
export const checkoutLocale = (locale: Locale): "zh" | "en" => (locale === "en" ? "en" : "zh");

/** Redirect URLs come from APP_URL, never from request headers a client controls. */
const portalUrl = (path: string) => new URL(path, env().APP_URL).toString();

export async function hasLiveSubscription(userId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), inArray(subscriptions.status, LIVE_SUBSCRIPTION_STATUSES)))
    .limit(1);
  return Boolean(row);
}

/** The 7-day trial is for first-time subscribers: anyone who ever had a subscription pays from day one. */
async function isFirstSubscription(userId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.userId, userId)).limit(1);
  return !row;
}

async function purchasablePlan(planKey: string): Promise<Plan | { error: string }> {
  const t = await billingErrors();
  const plan = await getPlan(planKey);
  if (!plan || !plan.active) return { error: t("noSuchPlan") };
  if (!plan.stripePriceId) return { error: t("notOnline") };
  return plan;
}

/**
 * Creates a Stripe Checkout Session for a signed-in reader and a plan. Access comes later, from the webhook.
 * `qrRef`: the printed code the reader scanned in the last seven days, carried in the metadata so the
 * webhook can attribute the subscription to it (lib/qr/attribution.ts).
 */
export async function startCheckout(buyer: Buyer, planKey: string, qrRef: QrRef | null = null): Promise<CheckoutResult> {
  const locale = await requestLocale();
  const stripe = getStripe();
  if (!stripe || !isBillingConfigured()) return { error: notConfiguredMessage(locale) };
  const plan = await purchasablePlan(planKey);
  if ("error" in plan) return plan;
  if (plan.kind === "recurring" && (await hasLiveSubscription(buyer.id))) return { manage: true };

  const customer = await ensureStripeCustomer(buyer);
  const metadata = { userId: buyer.id, planKey: plan.key, kind: plan.kind === "recurring" ? "subscription" : "prepaid", ...qrCheckoutMetadata(qrRef) };
  const common: Stripe.Checkout.SessionCreateParams = {
    customer,
    client_reference_id: buyer.id,
    metadata,
    line_items: [{ price: plan.stripePriceId!, quantity: 1 }],
    allow_promotion_codes: true,
    success_url: portalUrl("/subscribe/success?session_id={CHECKOUT_SESSION_ID}"),
    cancel_url: portalUrl(`/subscribe?canceled=${encodeURIComponent(plan.key)}`),
    locale: checkoutLocale(locale),
  };

  if (plan.kind === "recurring") {
    const trial = plan.trialDays > 0 && (await isFirstSubscription(buyer.id)) ? plan.trialDays : undefined;
    const session = await stripe.checkout.sessions.create({
      ...common,
      mode: "subscription",
      allowed_payment_method_types: ["card"],
      subscription_data: { metadata: { userId: buyer.id, planKey: plan.key }, ...(trial && { trial_period_days: trial }) },
      ...(plan.includesPrint && { shipping_address_collection: { allowed_countries: ["CN"] } }),
    });
    return { url: session.url! };
  }

  const session = await stripe.checkout.sessions.create({
    ...common,
    mode: "payment",
    // This API version names it allowed_payment_method_types (payment_method_types is gone from Checkout).
    allowed_payment_method_types: ["card", "alipay", "wechat_pay"],
    payment_method_options: { wechat_pay: { client: "web" } },
    payment_intent_data: { metadata },
  });
  const db = await getDb();
  await db.insert(payments).values({ id: session.id, userId: buyer.id, planKey: plan.key, amountFen: plan.amountFen }).onConflictDoNothing();
  return { url: session.url! };
}
