import type Stripe from "stripe";
import { createSubscription, failPayment, patchSubscription, renew, type SubscriptionPatch } from "./billing";
import { completeSession, settleAsyncPayment, type CheckoutDetails } from "./complete";
import { ApiError, invalid, noSuch } from "./errors";
import { present } from "./expand";
import { makePaymentMethod, type PayMethod } from "./objects";
import type { Ctx, RequestRecord } from "./store";
import type { BuiltEvent, DeliveryAttempt } from "./webhooks";

export type DirectSubscriptionInput = {
  customer: string;
  /** A price id, or a price's lookup_key. */
  price: string;
  metadata?: Record<string, string>;
  status?: Stripe.Subscription.Status;
  trialDays?: number;
  quantity?: number;
};

/** Test-only levers, as methods (same process) and as JSON routes under /_double/ (another process). */
export type StripeDoubleControl = {
  completeCheckout(sessionId: string, method?: PayMethod, details?: CheckoutDetails): Promise<Stripe.Checkout.Session>;
  asyncPaymentResult(sessionId: string, result: "succeeded" | "failed"): Promise<Stripe.Checkout.Session>;
  renewSubscription(subscriptionId: string): Promise<Stripe.Subscription>;
  failPayment(subscriptionId: string): Promise<Stripe.Subscription>;
  setSubscription(subscriptionId: string, patch: SubscriptionPatch): Stripe.Subscription;
  createSubscriptionDirect(input: DirectSubscriptionInput): Stripe.Subscription;
  buildEvent(type: string, object: unknown, previousAttributes?: unknown): BuiltEvent;
  sendEvent(event: Stripe.Event): Promise<DeliveryAttempt[]>;
  events(): Stripe.Event[];
  deliveries(): DeliveryAttempt[];
  subscriptions(): Stripe.Subscription[];
  checkoutSessions(): Stripe.Checkout.Session[];
  customers(): Stripe.Customer[];
  prices(): Stripe.Price[];
  products(): Stripe.Product[];
  invoices(): Stripe.Invoice[];
  paymentIntents(): Stripe.PaymentIntent[];
  /** The /v1 and hosted-page requests received (method, path, status). */
  requests(): RequestRecord[];
  /** Waits until every queued webhook has been delivered (API calls queue events without waiting). */
  flush(): Promise<void>;
  /** Forgets all objects, events and deliveries. */
  reset(): void;
  setWebhookUrl(url: string | undefined): void;
};

export function createControl(ctx: Ctx): StripeDoubleControl {
  const all = <T>(table: Map<string, T>) => [...table.values()].map((x) => present(ctx, x));
  const settle = async <T>(value: T): Promise<T> => {
    await ctx.hooks.flush();
    return present(ctx, value);
  };
  return {
    // async, so that a bad call rejects rather than throws
    completeCheckout: async (id, method = "card", details) => settle(completeSession(ctx, id, method, details)),
    asyncPaymentResult: async (id, result) => settle(settleAsyncPayment(ctx, id, result)),
    renewSubscription: async (id) => settle(renew(ctx, id).subscription),
    failPayment: async (id) => settle(failPayment(ctx, id).subscription),
    setSubscription: (id, patch) => present(ctx, patchSubscription(ctx, id, patch)),
    createSubscriptionDirect(input) {
      const customer = ctx.store.customers.get(input.customer);
      if (!customer) throw noSuch("customer", input.customer, "customer");
      const price = ctx.store.prices.get(input.price) ?? [...ctx.store.prices.values()].find((p) => p.lookup_key === input.price);
      if (!price) throw noSuch("price", input.price, "price");
      if (!price.recurring) throw invalid(`Price ${price.id} is not recurring.`, "price");
      const pm = makePaymentMethod("card", customer.id, customer.email, customer.name ?? null);
      ctx.store.paymentMethods.set(pm.id, pm);
      const open = ["past_due", "incomplete", "unpaid"].includes(input.status ?? "");
      const { subscription } = createSubscription(ctx, {
        customer: customer.id,
        lines: [{ price, quantity: input.quantity ?? 1 }],
        metadata: input.metadata ?? {},
        trialDays: input.trialDays ?? null,
        status: input.status,
        paymentMethod: pm.id,
        invoiceStatus: open ? "open" : "paid",
      });
      return present(ctx, subscription);
    },
    buildEvent(type, object, previousAttributes) {
      const resolved = typeof object === "string" ? ctx.store.lookup(object) : object;
      if (resolved === undefined) throw invalid(`No such object: '${String(object)}'`, "object");
      return ctx.hooks.sign(ctx.hooks.make(type, present(ctx, resolved), previousAttributes));
    },
    sendEvent: async (event) => ctx.hooks.send(event),
    events: () => [...ctx.hooks.log],
    deliveries: () => [...ctx.hooks.attempts],
    subscriptions: () => all(ctx.store.subscriptions),
    checkoutSessions: () => all(ctx.store.sessions),
    customers: () => all(ctx.store.customers),
    prices: () => all(ctx.store.prices),
    products: () => all(ctx.store.products),
    invoices: () => all(ctx.store.invoices),
    paymentIntents: () => all(ctx.store.paymentIntents),
    requests: () => [...ctx.store.requests],
    flush: () => ctx.hooks.flush(),
    reset() {
      ctx.store.reset();
      ctx.hooks.clear();
    },
    setWebhookUrl(url) {
      ctx.hooks.url = url;
    },
  };
}

type Json = Record<string, unknown>;
const s = (v: unknown) => (typeof v === "string" ? v : undefined);

/** The JSON routes under /_double/. Returns null when no route matches. */
export async function handleControl(control: StripeDoubleControl, method: string, path: string, query: URLSearchParams, body: Json): Promise<unknown> {
  const route = `${method} ${path.replace(/^\/_double/, "")}`;
  let m: RegExpExecArray | null;
  const id = () => decodeURIComponent((m as RegExpExecArray)[1] as string);
  if (route === "GET /health") return { ok: true };
  if ((m = /^POST \/checkout\/([^/]+)\/complete$/.exec(route))) {
    return control.completeCheckout(id(), (s(body.method) ?? "card") as PayMethod, { email: s(body.email), shipping: body.shipping as CheckoutDetails["shipping"] });
  }
  if ((m = /^POST \/checkout\/([^/]+)\/async-payment$/.exec(route))) return control.asyncPaymentResult(id(), s(body.result) as "succeeded" | "failed");
  if ((m = /^POST \/subscriptions\/([^/]+)\/renew$/.exec(route))) return control.renewSubscription(id());
  if ((m = /^POST \/subscriptions\/([^/]+)\/fail-payment$/.exec(route))) return control.failPayment(id());
  if ((m = /^(?:POST|PATCH) \/subscriptions\/([^/]+)$/.exec(route))) return control.setSubscription(id(), body as SubscriptionPatch);
  if (route === "POST /subscriptions") return control.createSubscriptionDirect(body as DirectSubscriptionInput);
  if (route === "POST /events/build") return control.buildEvent(String(body.type), body.object, body.previousAttributes);
  if (route === "POST /events/send") {
    const event = body.event as Stripe.Event | undefined;
    if (!event || typeof event !== "object" || typeof event.id !== "string") throw invalid("Body must be { event } with an event object.", "event");
    return { deliveries: await control.sendEvent(event) };
  }
  if (route === "GET /events") {
    const type = query.get("type");
    return control.events().filter((e) => !type || e.type === type);
  }
  if (route === "GET /deliveries") return control.deliveries();
  const lists: Record<string, () => unknown[]> = {
    "GET /subscriptions": control.subscriptions,
    "GET /checkout-sessions": control.checkoutSessions,
    "GET /customers": control.customers,
    "GET /prices": control.prices,
    "GET /products": control.products,
    "GET /invoices": control.invoices,
    "GET /payment-intents": control.paymentIntents,
    "GET /requests": control.requests,
  };
  if (lists[route]) return lists[route]();
  if (route === "POST /flush") return control.flush().then(() => ({ ok: true }));
  if (route === "POST /reset") {
    control.reset();
    return { ok: true };
  }
  if (route === "POST /webhook-url") {
    control.setWebhookUrl(s(body.url) || undefined);
    return { ok: true, url: s(body.url) ?? null };
  }
  throw new ApiError(404, `Unknown control route: ${method} ${path}`);
}
