import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";

/**
 * The Stripe client, or null when no key is configured (the app then runs
 * without online payment). STRIPE_API_BASE points it at the test suite's
 * local Stripe double; in production it is unset and the SDK talks to Stripe.
 */
let client: Stripe | null | undefined;

export function getStripe(): Stripe | null {
  if (client !== undefined) return client;
  const { STRIPE_SECRET_KEY, STRIPE_API_BASE } = env();
  if (!STRIPE_SECRET_KEY) return (client = null);
  const base = STRIPE_API_BASE ? new URL(STRIPE_API_BASE) : null;
  client = new Stripe(STRIPE_SECRET_KEY, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "caixinbao-portal" },
    ...(base && {
      host: base.hostname,
      port: Number(base.port || (base.protocol === "https:" ? 443 : 80)),
      protocol: base.protocol.replace(":", "") as "http" | "https",
    }),
  });
  return client;
}

export const isBillingConfigured = (): boolean => getStripe() !== null && Boolean(env().STRIPE_WEBHOOK_SECRET);

/** For tests that change STRIPE_* between cases. */
export function resetStripeClient(): void {
  client = undefined;
}
