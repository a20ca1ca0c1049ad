import type Stripe from "stripe";
import { endSubscription, emitUpdated, getSubscription, setCancelAtPeriodEnd } from "./billing";
import { createCustomer, createPrice, createProduct, deleteCustomer, filterPrices, filterProducts, getCustomerOrDeleted, getPrice, getProduct, updateCustomer, updatePrice, updateProduct } from "./catalog";
import { createCheckoutSession } from "./checkout";
import { expireSession, getSession } from "./complete";
import { ApiError, invalid, noSuch, notFound } from "./errors";
import { present, render, sessionLineItems } from "./expand";
import type { FormObject } from "./form";
import { makePortalSession } from "./objects";
import { applyMetadata, bool, checkNested, checkParams, expandOf, hash, int, pageOf, reqStr, str } from "./params";
import { clone, listOf, now, type Ctx } from "./store";

/** The /v1 routes. Handlers are synchronous; events they cause are queued for delivery, not awaited. */
type Handler = (ctx: Ctx, p: FormObject, ids: string[]) => unknown;
type Route = { method: string; pattern: RegExp; handle: Handler };

const one = <T>(ctx: Ctx, p: FormObject, obj: T) => render(ctx, obj, expandOf(p));
const many = <T extends { id: string }>(ctx: Ctx, p: FormObject, items: T[], url: string) =>
  render(ctx, listOf(items.map((i) => present(ctx, i)), url, pageOf(p)), expandOf(p));
const retrieve = <T>(getter: (ctx: Ctx, id: string) => T): Handler => (ctx, p, [id]) => {
  checkParams("retrieve", p);
  return one(ctx, p, getter(ctx, id as string));
};
const from = <T>(table: (ctx: Ctx) => Map<string, T>, kind: string) => (ctx: Ctx, id: string): T => {
  const found = table(ctx).get(id);
  if (!found) throw notFound(kind, id);
  return found;
};

const SUB_STATUSES = ["active", "all", "canceled", "ended", "incomplete", "incomplete_expired", "past_due", "paused", "trialing", "unpaid"];

function listSubscriptions(ctx: Ctx, p: FormObject): Stripe.Subscription[] {
  checkParams("subscriptions.list", p);
  const customer = str(p.customer, "customer");
  const price = str(p.price, "price");
  const status = str(p.status, "status");
  if (status && !SUB_STATUSES.includes(status)) throw invalid(`Invalid status: must be one of ${SUB_STATUSES.join(", ")}`, "status");
  const statusOk = (s: string) =>
    status === "all" ? true : status === "ended" ? s === "canceled" || s === "incomplete_expired" : status ? s === status : s !== "canceled" && s !== "incomplete_expired";
  return [...ctx.store.subscriptions.values()].filter(
    (s) => (!customer || s.customer === customer) && (!price || s.items.data.some((i) => i.price.id === price)) && statusOk(s.status),
  );
}

function updateSubscription(ctx: Ctx, id: string, p: FormObject): Stripe.Subscription {
  checkParams("subscriptions.update", p);
  const sub = getSubscription(ctx, id);
  const before = clone(sub);
  const cancelAtPeriodEnd = bool(p.cancel_at_period_end, "cancel_at_period_end");
  const cancelAt = p.cancel_at;
  if (sub.status === "canceled" && (cancelAtPeriodEnd !== undefined || cancelAt !== undefined || p.description !== undefined)) {
    throw invalid("A canceled subscription can only update its cancellation_details and metadata.");
  }
  if (cancelAtPeriodEnd !== undefined && cancelAt !== undefined && cancelAt !== "") {
    throw invalid("You may only specify one of these parameters: cancel_at, cancel_at_period_end.", "cancel_at");
  }
  const metadata = applyMetadata(sub.metadata, p.metadata);
  if (cancelAtPeriodEnd !== undefined) setCancelAtPeriodEnd(sub, cancelAtPeriodEnd);
  if (cancelAt === "") setCancelAtPeriodEnd(sub, false);
  else if (cancelAt !== undefined) {
    const periodEnd = sub.items.data[0]?.current_period_end ?? now();
    const at = cancelAt === "min_period_end" || cancelAt === "max_period_end" ? periodEnd : int(cancelAt, "cancel_at");
    if (at === undefined || at <= now()) throw invalid("cancel_at must be in the future.", "cancel_at");
    setCancelAtPeriodEnd(sub, at === periodEnd);
    sub.cancel_at = at;
    sub.canceled_at = now();
  }
  sub.metadata = metadata;
  const description = str(p.description, "description");
  if (description !== undefined) sub.description = description || null;
  applyCancellationDetails(sub, p);
  emitUpdated(ctx, before, sub);
  return sub;
}

function applyCancellationDetails(sub: Stripe.Subscription, p: FormObject): void {
  const details = hash(p.cancellation_details, "cancellation_details");
  checkNested(details, "cancellation_details", "comment feedback");
  if (!details) return;
  const current = sub.cancellation_details ?? { comment: null, feedback: null, feedback_option: null, reason: null };
  const comment = str(details.comment, "cancellation_details[comment]");
  const feedback = str(details.feedback, "cancellation_details[feedback]");
  sub.cancellation_details = {
    ...current,
    ...(comment !== undefined && { comment: comment || null }),
    ...(feedback !== undefined && { feedback: (feedback || null) as Stripe.Subscription.CancellationDetails.Feedback | null }),
  };
}

function cancelSubscription(ctx: Ctx, id: string, p: FormObject): Stripe.Subscription {
  checkParams("subscriptions.cancel", p);
  const sub = getSubscription(ctx, id);
  applyCancellationDetails(sub, p);
  endSubscription(ctx, sub);
  return sub;
}

function createPortalSession(ctx: Ctx, p: FormObject): Stripe.BillingPortal.Session {
  checkParams("billing_portal.sessions.create", p);
  const customer = reqStr(p.customer, "customer");
  if (!ctx.store.customers.has(customer)) throw noSuch("customer", customer, "customer");
  const returnUrl = str(p.return_url, "return_url") ?? null;
  if (returnUrl !== null && !/^https?:\/\//.test(returnUrl)) throw invalid("Not a valid URL", "return_url", "url_invalid");
  const session = makePortalSession(ctx.base(), customer, returnUrl, str(p.locale, "locale") ?? null);
  ctx.store.portalSessions.set(session.id, session);
  return session;
}

function listSessions(ctx: Ctx, p: FormObject): Stripe.Checkout.Session[] {
  checkParams("checkout.sessions.list", p);
  const filters = ["customer", "payment_intent", "status", "subscription", "client_reference_id"].map((k) => [k, str(p[k], k)] as const);
  return [...ctx.store.sessions.values()].filter((s) => filters.every(([k, v]) => v === undefined || (s as unknown as Record<string, unknown>)[k] === v));
}

function listInvoices(ctx: Ctx, p: FormObject): Stripe.Invoice[] {
  checkParams("invoices.list", p);
  const customer = str(p.customer, "customer");
  const subscription = str(p.subscription, "subscription");
  const status = str(p.status, "status");
  return [...ctx.store.invoices.values()].filter(
    (i) => (!customer || i.customer === customer) && (!subscription || i.parent?.subscription_details?.subscription === subscription) && (!status || i.status === status),
  );
}

const ID = "([^/]+)";
const routes: Route[] = [
  { method: "POST", pattern: /^\/v1\/customers$/, handle: (ctx, p) => one(ctx, p, createCustomer(ctx, p)) },
  { method: "GET", pattern: /^\/v1\/customers$/, handle: (ctx, p) => {
    checkParams("customers.list", p);
    const email = str(p.email, "email");
    return many(ctx, p, [...ctx.store.customers.values()].filter((c) => !email || c.email === email), "/v1/customers");
  } },
  { method: "GET", pattern: new RegExp(`^/v1/customers/${ID}$`), handle: retrieve(getCustomerOrDeleted) },
  { method: "DELETE", pattern: new RegExp(`^/v1/customers/${ID}$`), handle: (ctx, p, [id]) => deleteCustomer(ctx, id as string, p) },
  { method: "POST", pattern: new RegExp(`^/v1/customers/${ID}$`), handle: (ctx, p, [id]) => one(ctx, p, updateCustomer(ctx, id as string, p)) },

  { method: "POST", pattern: /^\/v1\/products$/, handle: (ctx, p) => one(ctx, p, createProduct(ctx, p)) },
  { method: "GET", pattern: /^\/v1\/products$/, handle: (ctx, p) => many(ctx, p, filterProducts(ctx, p), "/v1/products") },
  { method: "GET", pattern: new RegExp(`^/v1/products/${ID}$`), handle: retrieve(getProduct) },
  { method: "POST", pattern: new RegExp(`^/v1/products/${ID}$`), handle: (ctx, p, [id]) => one(ctx, p, updateProduct(ctx, id as string, p)) },

  { method: "POST", pattern: /^\/v1\/prices$/, handle: (ctx, p) => one(ctx, p, createPrice(ctx, p)) },
  { method: "GET", pattern: /^\/v1\/prices$/, handle: (ctx, p) => many(ctx, p, filterPrices(ctx, p), "/v1/prices") },
  { method: "GET", pattern: new RegExp(`^/v1/prices/${ID}$`), handle: retrieve(getPrice) },
  { method: "POST", pattern: new RegExp(`^/v1/prices/${ID}$`), handle: (ctx, p, [id]) => one(ctx, p, updatePrice(ctx, id as string, p)) },

  { method: "POST", pattern: /^\/v1\/checkout\/sessions$/, handle: (ctx, p) => one(ctx, p, createCheckoutSession(ctx, p)) },
  { method: "GET", pattern: /^\/v1\/checkout\/sessions$/, handle: (ctx, p) => many(ctx, p, listSessions(ctx, p), "/v1/checkout/sessions") },
  { method: "GET", pattern: new RegExp(`^/v1/checkout/sessions/${ID}$`), handle: retrieve(getSession) },
  { method: "GET", pattern: new RegExp(`^/v1/checkout/sessions/${ID}/line_items$`), handle: (ctx, p, [id]) => {
    checkParams("checkout.sessions.line_items", p);
    getSession(ctx, id as string);
    return render(ctx, sessionLineItems(ctx, id as string, pageOf(p)), expandOf(p));
  } },
  { method: "POST", pattern: new RegExp(`^/v1/checkout/sessions/${ID}/expire$`), handle: (ctx, p, [id]) => {
    checkParams("checkout.sessions.expire", p);
    return one(ctx, p, expireSession(ctx, id as string));
  } },

  { method: "GET", pattern: /^\/v1\/subscriptions$/, handle: (ctx, p) => many(ctx, p, listSubscriptions(ctx, p), "/v1/subscriptions") },
  { method: "GET", pattern: new RegExp(`^/v1/subscriptions/${ID}$`), handle: retrieve(getSubscription) },
  { method: "POST", pattern: new RegExp(`^/v1/subscriptions/${ID}$`), handle: (ctx, p, [id]) => one(ctx, p, updateSubscription(ctx, id as string, p)) },
  { method: "DELETE", pattern: new RegExp(`^/v1/subscriptions/${ID}$`), handle: (ctx, p, [id]) => one(ctx, p, cancelSubscription(ctx, id as string, p)) },

  { method: "GET", pattern: /^\/v1\/invoices$/, handle: (ctx, p) => many(ctx, p, listInvoices(ctx, p), "/v1/invoices") },
  { method: "GET", pattern: new RegExp(`^/v1/invoices/${ID}$`), handle: retrieve(from((c) => c.store.invoices, "invoice")) },
  { method: "GET", pattern: new RegExp(`^/v1/payment_intents/${ID}$`), handle: retrieve(from((c) => c.store.paymentIntents, "payment_intent")) },
  { method: "GET", pattern: new RegExp(`^/v1/payment_methods/${ID}$`), handle: retrieve(from((c) => c.store.paymentMethods, "payment_method")) },
  { method: "POST", pattern: /^\/v1\/billing_portal\/sessions$/, handle: (ctx, p) => one(ctx, p, createPortalSession(ctx, p)) },
];

export function handleApi(ctx: Ctx, method: string, path: string, params: FormObject): unknown {
  let methodMismatch = false;
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    if (route.method !== method) {
      methodMismatch = true;
      continue;
    }
    return route.handle(ctx, params, m.slice(1).map((s) => decodeURIComponent(s)));
  }
  const hint = methodMismatch ? " (this path exists with another method)" : "";
  throw new ApiError(404, `Unrecognized request URL (${method}: ${path})${hint}. The Stripe test double implements only the endpoints listed in e2e/support/stripe-double/README.md.`);
}
