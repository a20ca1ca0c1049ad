import Stripe from "stripe";
import { startStripeDouble, type StripeDouble } from "./index";
import { startWebhookReceiver, type WebhookReceiver } from "./receiver";

/** What the double's own tests share: a double, a verifying webhook receiver, and the real SDK pointed at it. */
export const SECRET = "whsec_stripe_double_test";
export const KEY = "sk_test_double";
export const SUCCESS = "https://app.test/billing/success?session_id={CHECKOUT_SESSION_ID}";
export const CANCEL = "https://app.test/billing/cancel";
export const DAY = 86_400;

export type Fixture = { receiver: WebhookReceiver; double: StripeDouble; stripe: Stripe };

export async function startFixture(): Promise<Fixture> {
  const receiver = await startWebhookReceiver(SECRET);
  const double = await startStripeDouble({ webhookUrl: receiver.url, webhookSecret: SECRET, apiKey: KEY, retryDelaysMs: [20, 20, 20] });
  const stripe = new Stripe(KEY, { host: "127.0.0.1", port: double.port, protocol: "http", maxNetworkRetries: 0 });
  return { receiver, double, stripe };
}

export async function stopFixture(f: Partial<Fixture>): Promise<void> {
  await f.double?.close();
  await f.receiver?.close();
}

/** Events the receiver got (verified) since `mark`. */
export const since = (receiver: WebhookReceiver, mark: number) => receiver.events.slice(mark);

export async function catalog(stripe: Stripe) {
  const product = await stripe.products.create({ name: "数字版 · 按月订阅", metadata: { plan: "digital-monthly" } });
  const monthly = await stripe.prices.create({ product: product.id, unit_amount: 2500, currency: "cny", recurring: { interval: "month" }, lookup_key: `m-${product.id}` });
  const yearly = await stripe.prices.create({ product: product.id, unit_amount: 24000, currency: "cny", recurring: { interval: "year" } });
  const prepaid = await stripe.prices.create({ product_data: { name: "数字版 · 1 个月" }, unit_amount: 3000, currency: "cny", lookup_key: `p-${product.id}` });
  const customer = await stripe.customers.create({ email: "reader@example.com", name: "读者", metadata: { userId: "u1" } });
  return { product, monthly, yearly, prepaid, customer };
}
