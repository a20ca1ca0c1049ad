import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type Stripe from "stripe";
import { getDb } from "@/db/client";
import { payments, subscriptions } from "@/db/schema";
import { env } from "@/lib/env";
import { qrCheckoutMetadata, type QrRef } from "@/lib/qr/attribution";
import { ensureStripeCustomer } from "./customers";
import { getPlan, type Plan } from "./plans";
import { getStripe, isBillingConfigured } from "./stripe";

export type Buyer = { id: string; email: string; name: string | null };
export type CheckoutResult = { url: string } | { error: string } | { manage: true };

/** Statuses in which a reader already has a recurring subscription and must manage it instead. */
export const LIVE_SUBSCRIPTION_STATUSES = ["active", "trialing", "past_due"];

export const NOT_CONFIGURED = "在线支付尚未配置,请致电本报订阅热线 (0471) 3122969 办理订阅。";

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
  const plan = await getPlan(planKey);
  if (!plan || !plan.active) return { error: "没有这个订阅方案" };
  if (!plan.stripePriceId) return { error: "该方案暂未开通在线支付,请稍后再试。" };
  return plan;
}

/**
 * Creates a Stripe Checkout Session for a signed-in reader and a plan. Access comes later, from the webhook.
 * `qrRef`: the printed code the reader scanned in the last seven days, carried in the metadata so the
 * webhook can attribute the subscription to it (lib/qr/attribution.ts).
 */
export async function startCheckout(buyer: Buyer, planKey: string, qrRef: QrRef | null = null): Promise<CheckoutResult> {
  const stripe = getStripe();
  if (!stripe || !isBillingConfigured()) return { error: NOT_CONFIGURED };
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
    locale: "zh",
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
