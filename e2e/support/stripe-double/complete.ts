import type Stripe from "stripe";
import { createSubscription, emitUpdated } from "./billing";
import { invalid, notFound } from "./errors";
import { present } from "./expand";
import { payInvoice } from "./invoices";
import { makeCustomer, makePaymentIntent, makePaymentMethod, PAY_METHODS, type PayMethod } from "./objects";
import { clone, type Ctx } from "./store";

/** What the hosted page collects (the control API fills in defaults). */
export type CheckoutDetails = {
  email?: string;
  shipping?: { name: string; address: { line1: string; line2?: string | null; city: string; postal_code: string; state?: string | null; country: string } };
};

export function getSession(ctx: Ctx, id: string): Stripe.Checkout.Session {
  const session = ctx.store.sessions.get(id);
  if (!session) throw notFound("checkout.session", id);
  return session;
}

/**
 * Completes an open session as the hosted page's buttons do. Subscription mode: customer (created
 * from customer_email if needed), payment method, subscription, first invoice; events
 * customer.subscription.created, checkout.session.completed, invoice.paid. Payment mode: a payment
 * intent; event checkout.session.completed. `delayed` leaves payment_status 'unpaid' until
 * asyncPaymentResult().
 */
export function completeSession(ctx: Ctx, id: string, method: PayMethod, details: CheckoutDetails = {}): Stripe.Checkout.Session {
  const session = getSession(ctx, id);
  const extra = ctx.store.sessionExtras.get(id);
  if (!extra) throw notFound("checkout.session", id);
  if (session.status !== "open") throw invalid(`This Checkout Session is no longer open (status: ${session.status}).`, "id");
  if (!PAY_METHODS.includes(method)) throw invalid(`Unknown payment method: ${String(method)} (card, alipay, wechat_pay or delayed)`, "method");
  if ((method === "alipay" || method === "wechat_pay") && !session.payment_method_types.includes(method)) {
    throw invalid(`The payment method type \`${method}\` is not enabled for this Checkout Session.`, "method");
  }
  const shipping = shippingFor(session, details);
  const existing = session.customer ? ctx.store.customers.get(String(session.customer)) : undefined;
  const email = session.customer_email ?? existing?.email ?? details.email ?? null;
  const name = shipping?.name ?? existing?.name ?? null;

  let customer = existing;
  const needsCustomer = session.mode === "subscription" || session.customer_creation === "always";
  if (!customer && needsCustomer) {
    customer = makeCustomer();
    customer.email = email;
    customer.name = name;
    if (shipping) customer.shipping = { ...shipping, carrier: null, phone: null, tracking_number: null };
    ctx.store.customers.set(customer.id, customer);
  } else if (customer && shipping && extra.updateCustomerShipping) {
    customer.shipping = { ...shipping, carrier: null, phone: null, tracking_number: null };
  }
  const paymentMethod = makePaymentMethod(method, customer?.id ?? null, email, name);
  ctx.store.paymentMethods.set(paymentMethod.id, paymentMethod);

  session.customer = customer?.id ?? null;
  session.customer_details = { address: null, business_name: null, email, individual_name: null, name, phone: null, tax_exempt: "none", tax_ids: [] };
  session.collected_information = { business_name: null, individual_name: null, shipping_details: shipping ?? null };
  session.status = "complete";
  session.url = null;
  extra.method = method;
  const delayed = method === "delayed";

  if (session.mode === "subscription") {
    const trial = extra.subscriptionData.trialDays;
    const { subscription, invoice } = createSubscription(ctx, {
      customer: (customer as Stripe.Customer).id,
      lines: extra.lines.map((l) => ({ price: ctx.store.prices.get(l.price) as Stripe.Price, quantity: l.quantity })),
      metadata: extra.subscriptionData.metadata,
      description: extra.subscriptionData.description,
      trialDays: trial,
      paymentMethod: paymentMethod.id,
      invoiceStatus: delayed && !trial ? "open" : "paid",
    });
    session.subscription = subscription.id;
    session.payment_status = trial ? "no_payment_required" : delayed ? "unpaid" : "paid";
    void ctx.hooks.emit("customer.subscription.created", present(ctx, subscription));
    void ctx.hooks.emit("checkout.session.completed", present(ctx, session));
    if (invoice.status === "paid") void ctx.hooks.emit("invoice.paid", invoice);
  } else {
    const intent = makePaymentIntent({
      amount: session.amount_total ?? 0,
      currency: session.currency ?? "cny",
      customer: customer?.id ?? null,
      metadata: extra.paymentIntentData.metadata,
      description: extra.paymentIntentData.description,
      paymentMethod,
      receiptEmail: email,
      status: delayed ? "processing" : "succeeded",
    });
    if (shipping) intent.shipping = { ...shipping, carrier: null, phone: null, tracking_number: null };
    ctx.store.paymentIntents.set(intent.id, intent);
    session.payment_intent = intent.id;
    session.payment_status = delayed ? "unpaid" : "paid";
    void ctx.hooks.emit("checkout.session.completed", present(ctx, session));
  }
  return session;
}

function shippingFor(session: Stripe.Checkout.Session, details: CheckoutDetails): Stripe.Checkout.Session.CollectedInformation.ShippingDetails | null {
  const allowed = session.shipping_address_collection?.allowed_countries;
  if (!allowed) return null;
  const given = details.shipping ?? {
    name: "测试读者",
    address: { line1: "测试路 1 号", city: "上海市", postal_code: "200000", country: allowed.includes("CN") ? "CN" : (allowed[0] as string) },
  };
  const a = given.address;
  for (const [key, value] of [["name", given.name], ["line1", a.line1], ["city", a.city], ["postal_code", a.postal_code], ["country", a.country]] as const) {
    if (!value || !String(value).trim()) throw invalid(`A shipping address needs ${key}.`, `shipping[${key}]`);
  }
  if (!allowed.includes(a.country as (typeof allowed)[number])) {
    throw invalid(`Shipping to ${a.country} is not allowed for this Checkout Session (allowed: ${allowed.join(", ")}).`, "shipping[country]");
  }
  return {
    name: given.name.trim(),
    address: { line1: a.line1.trim(), line2: a.line2 ?? null, city: a.city.trim(), postal_code: a.postal_code.trim(), state: a.state ?? null, country: a.country },
  };
}

/**
 * Settles a delayed payment. succeeded: payment_status 'paid' and checkout.session.async_payment_succeeded
 * (subscription mode then also pays the first invoice: invoice.paid, customer.subscription.updated → active).
 * failed: checkout.session.async_payment_failed (subscription mode also invoice.payment_failed; the
 * subscription stays incomplete).
 */
export function settleAsyncPayment(ctx: Ctx, id: string, result: "succeeded" | "failed"): Stripe.Checkout.Session {
  const session = getSession(ctx, id);
  const extra = ctx.store.sessionExtras.get(id);
  if (result !== "succeeded" && result !== "failed") throw invalid(`result must be "succeeded" or "failed"`, "result");
  if (!extra || session.status !== "complete" || session.payment_status !== "unpaid" || extra.asyncSettled) {
    throw invalid("This Checkout Session has no pending asynchronous payment.", "id");
  }
  extra.asyncSettled = true;
  const ok = result === "succeeded";
  if (ok) session.payment_status = "paid";
  if (session.mode === "payment") {
    const intent = ctx.store.paymentIntents.get(String(session.payment_intent));
    if (intent) {
      intent.status = ok ? "succeeded" : "requires_payment_method";
      intent.processing = null;
      intent.amount_received = ok ? intent.amount : 0;
      if (!ok) {
        intent.last_payment_error = {
          type: "card_error",
          code: "payment_method_provider_decline",
          message: "The payment was declined by the payment method provider (Stripe test double).",
          payment_method_type: intent.payment_method_types[0],
        } as Stripe.PaymentIntent.LastPaymentError;
      }
    }
    void ctx.hooks.emit(`checkout.session.async_payment_${result}`, present(ctx, session));
    return session;
  }
  void ctx.hooks.emit(`checkout.session.async_payment_${result}`, present(ctx, session));
  const sub = ctx.store.subscriptions.get(String(session.subscription));
  const invoice = sub?.latest_invoice ? ctx.store.invoices.get(String(sub.latest_invoice)) : undefined;
  if (sub && invoice) {
    if (ok) {
      const before = clone(sub);
      payInvoice(invoice);
      sub.status = "active";
      void ctx.hooks.emit("invoice.paid", invoice);
      emitUpdated(ctx, before, sub);
    } else {
      invoice.attempt_count += 1;
      void ctx.hooks.emit("invoice.payment_failed", invoice);
    }
  }
  return session;
}

/** POST /v1/checkout/sessions/:id/expire: status 'expired', checkout.session.expired. */
export function expireSession(ctx: Ctx, id: string): Stripe.Checkout.Session {
  const session = getSession(ctx, id);
  if (session.status !== "open") {
    throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`, "id");
  }
  session.status = "expired";
  session.url = null;
  void ctx.hooks.emit("checkout.session.expired", present(ctx, session));
  return session;
}
