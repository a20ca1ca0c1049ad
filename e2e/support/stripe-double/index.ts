import type { AddressInfo } from "node:net";
import { createControl, type StripeDoubleControl } from "./control";
import { createServer } from "./server";
import { Store, type Ctx } from "./store";
import { Webhooks } from "./webhooks";

/**
 * A local stand-in for the Stripe API (version 2026-10-28.endive) for tests: the subset of /v1 the
 * app calls, a hosted Checkout page and customer portal, signed webhooks, and control levers.
 * Point stripe-node at it with `{ host: "127.0.0.1", port: double.port, protocol: "http" }`
 * (the app: STRIPE_API_BASE=double.url). See README.md in this folder.
 */
export type StripeDoubleOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Where events are POSTed; without it events are only recorded. */
  webhookUrl?: string;
  /** whsec_… used to sign webhook payloads (Stripe-Signature). */
  webhookSecret: string;
  /** When set, any other API key gets Stripe's 401. */
  apiKey?: string;
  /** Waits before each retry of a failed delivery (network error or 5xx); default [100, 250, 500] ms. */
  retryDelaysMs?: number[];
};

export type StripeDouble = StripeDoubleControl & {
  /** e.g. http://127.0.0.1:54321 */
  url: string;
  port: number;
  close(): Promise<void>;
};

export type { CheckoutDetails } from "./complete";
export type { DirectSubscriptionInput, StripeDoubleControl } from "./control";
export type { SubscriptionPatch } from "./billing";
export type { PayMethod } from "./objects";
export type { BuiltEvent, DeliveryAttempt } from "./webhooks";

export async function startStripeDouble(options: StripeDoubleOptions): Promise<StripeDouble> {
  if (!options.webhookSecret) throw new Error("startStripeDouble: webhookSecret is required");
  const host = options.host ?? "127.0.0.1";
  const hooks = new Webhooks(options.webhookUrl, options.webhookSecret, options.retryDelaysMs);
  let base = "";
  const ctx: Ctx = { store: new Store(), hooks, base: () => base };
  const control = createControl(ctx);
  const server = createServer(ctx, control, { apiKey: options.apiKey });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const publicHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  base = `http://${publicHost}:${port}`;
  return {
    ...control,
    url: base,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        hooks.stop();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
