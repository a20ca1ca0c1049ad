import { startStripeDouble } from "./index";

/**
 * tsx e2e/support/stripe-double/cli.ts
 * Env: STRIPE_DOUBLE_PORT (default 12111), STRIPE_DOUBLE_HOST (default 127.0.0.1),
 * STRIPE_WEBHOOK_SECRET (required), STRIPE_DOUBLE_WEBHOOK_URL (optional), STRIPE_DOUBLE_API_KEY (optional).
 */
const secret = process.env.STRIPE_WEBHOOK_SECRET;
if (!secret) {
  console.error("stripe double: STRIPE_WEBHOOK_SECRET is required");
  process.exit(1);
}
const port = Number(process.env.STRIPE_DOUBLE_PORT ?? 12111);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`stripe double: bad STRIPE_DOUBLE_PORT ${process.env.STRIPE_DOUBLE_PORT}`);
  process.exit(1);
}

const double = await startStripeDouble({
  port,
  host: process.env.STRIPE_DOUBLE_HOST || undefined,
  webhookSecret: secret,
  webhookUrl: process.env.STRIPE_DOUBLE_WEBHOOK_URL || undefined,
  apiKey: process.env.STRIPE_DOUBLE_API_KEY || undefined,
});
console.log(`stripe double listening on ${double.url}`);

let closing = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    double.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("stripe double: error while closing", error);
        process.exit(1);
      },
    );
  });
}
