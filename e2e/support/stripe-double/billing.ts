import type Stripe from "stripe";
import { invalid, notFound } from "./errors";
import { present } from "./expand";
import { makeInvoice, payInvoice, type InvoiceLineInput } from "./invoices";
import { planOf } from "./objects";
import { addInterval, clone, newId, now, type Ctx } from "./store";

/** Subscriptions: creation (by Checkout or directly), renewal, failed payment, update, cancel. */
export type NewSubscription = {
  customer: string;
  lines: { price: Stripe.Price; quantity: number }[];
  metadata: Record<string, string>;
  description?: string | null;
  trialDays?: number | null;
  /** Forces a status (control API); otherwise trialing / active / incomplete follow from the payment. */
  status?: Stripe.Subscription.Status;
  paymentMethod?: string | null;
  /** Whether the first invoice is paid (or 0-amount for a trial) or left open (an async payment). */
  invoiceStatus: "paid" | "open";
};

export function getSubscription(ctx: Ctx, id: string): Stripe.Subscription {
  const sub = ctx.store.subscriptions.get(id);
  if (!sub) throw notFound("subscription", id);
  return sub;
}

const nextEnd = (price: Stripe.Price, start: number) => addInterval(start, price.recurring?.interval ?? "month", price.recurring?.interval_count ?? 1);

export function createSubscription(ctx: Ctx, input: NewSubscription): { subscription: Stripe.Subscription; invoice: Stripe.Invoice } {
  const first = input.lines[0];
  if (!first) throw invalid("A subscription needs at least one price.", "items");
  const start = now();
  const trialEnd = input.trialDays ? start + input.trialDays * 86_400 : null;
  const id = newId("sub", 24);
  const items = input.lines.map(
    ({ price, quantity }): Stripe.SubscriptionItem => ({
      id: newId("si", 14),
      object: "subscription_item",
      billing_thresholds: null,
      created: start,
      current_period_end: trialEnd ?? nextEnd(price, start),
      current_period_start: start,
      current_trial: null,
      discounts: [],
      metadata: {},
      plan: planOf(price),
      price: clone(price),
      quantity,
      subscription: id,
      tax_rates: [],
    }),
  );
  const status: Stripe.Subscription.Status =
    input.status ?? (trialEnd ? "trialing" : input.invoiceStatus === "paid" ? "active" : "incomplete");
  const subscription: Stripe.Subscription = {
    id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: trialEnd ?? start,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: { proration_discounts: "included" }, type: "flexible", updated_at: start },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: "charge_automatically",
    created: start,
    currency: first.price.currency,
    customer: input.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: input.paymentMethod ?? null,
    default_source: null,
    default_tax_rates: [],
    description: input.description ?? null,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: { type: "self" } },
    items: { object: "list", data: items, has_more: false, url: `/v1/subscription_items?subscription=${id}` },
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: { ...input.metadata },
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: "off" },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: start,
    status,
    test_clock: null,
    transfer_data: null,
    trial_end: trialEnd,
    trial_settings: { end_behavior: { billing_cycle_anchor: null, missing_payment_method: "create_invoice" } },
    trial_start: trialEnd ? start : null,
  };
  const lines = items.map((item, i): InvoiceLineInput => {
    const { price, quantity } = input.lines[i] as { price: Stripe.Price; quantity: number };
    const amount = trialEnd ? 0 : (price.unit_amount ?? 0) * quantity;
    return { item, price, quantity, amount, start, end: item.current_period_end };
  });
  const invoice = makeInvoice(ctx, subscription, "subscription_create", trialEnd ? "paid" : input.invoiceStatus, lines);
  subscription.latest_invoice = invoice.id;
  ctx.store.subscriptions.set(id, subscription);
  ctx.store.invoices.set(invoice.id, invoice);
  return { subscription, invoice };
}

/** previous_attributes: old values of the top-level fields that changed (metadata: only the changed keys). */
export function changedFields(before: Stripe.Subscription, after: Stripe.Subscription): Partial<Stripe.Subscription> {
  const prev: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Stripe.Subscription)[]) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    if (key === "metadata") {
      const m: Record<string, string | null> = {};
      for (const k of new Set([...Object.keys(before.metadata), ...Object.keys(after.metadata)])) {
        if (before.metadata[k] !== after.metadata[k]) m[k] = before.metadata[k] ?? null;
      }
      prev.metadata = m;
    } else prev[key] = before[key];
  }
  return prev as Partial<Stripe.Subscription>;
}

/** Sends customer.subscription.updated when anything changed since `before`. */
export function emitUpdated(ctx: Ctx, before: Stripe.Subscription, sub: Stripe.Subscription): void {
  const prev = changedFields(before, sub);
  if (Object.keys(prev).length > 0) void ctx.hooks.emit("customer.subscription.updated", present(ctx, sub), prev);
}

const periodEnd = (sub: Stripe.Subscription) => sub.items.data[0]?.current_period_end ?? now();

export function setCancelAtPeriodEnd(sub: Stripe.Subscription, value: boolean): void {
  sub.cancel_at_period_end = value;
  sub.cancel_at = value ? periodEnd(sub) : null;
  sub.canceled_at = value ? now() : null;
  sub.cancellation_details = { ...sub.cancellation_details, reason: value ? "cancellation_requested" : null } as Stripe.Subscription.CancellationDetails;
}

function assertLive(sub: Stripe.Subscription): void {
  if (sub.status === "canceled" || sub.status === "incomplete_expired") {
    throw invalid("A canceled subscription can only update its cancellation_details and metadata.");
  }
}

/** Ends the subscription now (DELETE /v1/subscriptions/:id, or a period end after cancel_at_period_end). */
export function endSubscription(ctx: Ctx, sub: Stripe.Subscription, endedAt = now()): void {
  if (sub.status === "canceled") throw invalid(`This subscription has already been canceled: ${sub.id}`, "id");
  sub.status = "canceled";
  sub.ended_at = endedAt;
  sub.canceled_at = sub.canceled_at ?? endedAt;
  sub.cancellation_details = { ...sub.cancellation_details, reason: sub.cancellation_details?.reason ?? "cancellation_requested" } as Stripe.Subscription.CancellationDetails;
  void ctx.hooks.emit("customer.subscription.deleted", present(ctx, sub));
}

/**
 * The next period begins and is paid: invoice.paid, then customer.subscription.updated.
 * An open invoice (after failPayment) is the one paid. With cancel_at_period_end the period
 * ends instead: status canceled and customer.subscription.deleted.
 */
export function renew(ctx: Ctx, id: string): { subscription: Stripe.Subscription; invoice: Stripe.Invoice | null } {
  const sub = getSubscription(ctx, id);
  assertLive(sub);
  const before = clone(sub);
  if (sub.cancel_at_period_end) {
    endSubscription(ctx, sub, periodEnd(sub));
    return { subscription: sub, invoice: null };
  }
  const open = sub.latest_invoice ? ctx.store.invoices.get(String(sub.latest_invoice)) : undefined;
  let invoice: Stripe.Invoice;
  if (open && open.status === "open") {
    payInvoice(open);
    invoice = open;
  } else {
    invoice = makeInvoice(ctx, sub, "subscription_cycle", "paid", nextPeriodLines(ctx, sub));
    ctx.store.invoices.set(invoice.id, invoice);
  }
  for (const line of invoice.lines.data) {
    const item = sub.items.data.find((i) => i.id === line.parent?.subscription_item_details?.subscription_item);
    if (item) Object.assign(item, { current_period_start: line.period.start, current_period_end: line.period.end });
  }
  sub.status = "active";
  sub.latest_invoice = invoice.id;
  void ctx.hooks.emit("invoice.paid", invoice);
  emitUpdated(ctx, before, sub);
  return { subscription: sub, invoice };
}

function nextPeriodLines(ctx: Ctx, sub: Stripe.Subscription): InvoiceLineInput[] {
  return sub.items.data.map((item) => {
    const price = ctx.store.prices.get(item.price.id) ?? item.price;
    const quantity = item.quantity ?? 1;
    const start = item.current_period_end;
    return { item, price, quantity, amount: (price.unit_amount ?? 0) * quantity, start, end: nextEnd(price, start) };
  });
}

/** The renewal payment fails: an open invoice for the next period, status past_due; invoice.payment_failed, then customer.subscription.updated. */
export function failPayment(ctx: Ctx, id: string): { subscription: Stripe.Subscription; invoice: Stripe.Invoice } {
  const sub = getSubscription(ctx, id);
  assertLive(sub);
  const before = clone(sub);
  const existing = sub.latest_invoice ? ctx.store.invoices.get(String(sub.latest_invoice)) : undefined;
  let invoice: Stripe.Invoice;
  if (existing && existing.status === "open") {
    invoice = existing;
    invoice.attempt_count += 1;
    invoice.next_payment_attempt = now() + 3 * 86_400;
  } else {
    invoice = makeInvoice(ctx, sub, "subscription_cycle", "open", nextPeriodLines(ctx, sub));
    ctx.store.invoices.set(invoice.id, invoice);
  }
  sub.status = "past_due";
  sub.latest_invoice = invoice.id;
  void ctx.hooks.emit("invoice.payment_failed", invoice);
  emitUpdated(ctx, before, sub);
  return { subscription: sub, invoice };
}

export type SubscriptionPatch = {
  status?: Stripe.Subscription.Status;
  cancel_at_period_end?: boolean;
  current_period_start?: number;
  current_period_end?: number;
  trial_end?: number | null;
  metadata?: Record<string, string>;
};

/** Changes state without any event: to set up "the API says X" situations. */
export function patchSubscription(ctx: Ctx, id: string, patch: SubscriptionPatch): Stripe.Subscription {
  const sub = getSubscription(ctx, id);
  for (const item of sub.items.data) {
    if (patch.current_period_start !== undefined) item.current_period_start = patch.current_period_start;
    if (patch.current_period_end !== undefined) item.current_period_end = patch.current_period_end;
  }
  if (patch.cancel_at_period_end !== undefined) setCancelAtPeriodEnd(sub, patch.cancel_at_period_end);
  if (patch.status !== undefined) {
    sub.status = patch.status;
    if (patch.status === "canceled") sub.ended_at = sub.ended_at ?? now();
  }
  if (patch.trial_end !== undefined) sub.trial_end = patch.trial_end;
  if (patch.metadata !== undefined) sub.metadata = { ...patch.metadata };
  return sub;
}
