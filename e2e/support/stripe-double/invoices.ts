import type Stripe from "stripe";
import { dec } from "./objects";
import { newId, now, type Ctx } from "./store";

export type InvoiceLineInput = {
  item: Stripe.SubscriptionItem;
  price: Stripe.Price;
  quantity: number;
  /** 0 for a trial period. */
  amount: number;
  start: number;
  end: number;
};

export function formatAmount(amount: number, currency: string): string {
  const major = (amount / 100).toFixed(2);
  return currency.toLowerCase() === "cny" ? `¥${major}` : `${major} ${currency.toUpperCase()}`;
}

function lineDescription(ctx: Ctx, line: InvoiceLineInput): string {
  const product = ctx.store.products.get(String(line.price.product))?.name ?? String(line.price.product);
  if (line.amount === 0 && (line.price.unit_amount ?? 0) > 0) return `Trial period for ${product}`;
  const interval = line.price.recurring ? ` / ${line.price.recurring.interval}` : "";
  return `${line.quantity} × ${product} (at ${formatAmount(line.price.unit_amount ?? 0, line.price.currency)}${interval})`;
}

/** A subscription invoice: `parent.subscription_details.subscription` names the subscription; lines carry the period. */
export function makeInvoice(
  ctx: Ctx,
  sub: Stripe.Subscription,
  reason: Stripe.Invoice.BillingReason,
  status: "paid" | "open",
  lines: InvoiceLineInput[],
): Stripe.Invoice {
  const id = newId("in", 24);
  const created = now();
  const customer = ctx.store.customers.get(String(sub.customer));
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  const paid = status === "paid";
  const number = `${customer?.invoice_prefix ?? "DBL"}-${String(++ctx.store.invoiceCounter).padStart(4, "0")}`;
  const data = lines.map(
    (line): Stripe.InvoiceLineItem => ({
      id: newId("il", 24),
      object: "line_item",
      amount: line.amount,
      currency: line.price.currency,
      description: lineDescription(ctx, line),
      discount_amounts: [],
      discountable: true,
      discounts: [],
      invoice: id,
      livemode: false,
      metadata: {},
      parent: {
        invoice_item_details: null,
        subscription_item_details: {
          invoice_item: null,
          proration: false,
          proration_details: { credited_items: null },
          subscription: sub.id,
          subscription_item: line.item.id,
        },
        type: "subscription_item_details",
      },
      period: { start: line.start, end: line.end },
      pretax_credit_amounts: [],
      pricing: {
        price_details: { price: line.price.id, product: String(line.price.product) },
        type: "price_details",
        unit_amount_decimal: dec(line.price.unit_amount ?? 0),
      },
      quantity: line.quantity,
      quantity_decimal: dec(line.quantity),
      subscription: sub.id,
      subtotal: line.amount,
      taxes: [],
    }),
  );
  return {
    id,
    object: "invoice",
    account_country: "HK",
    account_name: "Stripe test double",
    account_tax_ids: null,
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: paid ? total : 0,
    amount_remaining: paid ? 0 : total,
    amount_shipping: 0,
    application: null,
    attempt_count: paid && total === 0 ? 0 : 1,
    attempted: !(paid && total === 0),
    auto_advance: !paid,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: reason,
    collection_method: "charge_automatically",
    created,
    currency: sub.currency,
    custom_fields: null,
    customer: String(sub.customer),
    customer_account: null,
    customer_address: customer?.address ?? null,
    customer_email: customer?.email ?? null,
    customer_name: customer?.name ?? null,
    customer_phone: customer?.phone ?? null,
    customer_shipping: customer?.shipping ?? null,
    customer_tax_exempt: "none",
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: created,
    ending_balance: 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: "list", data, has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: paid ? null : created + 3 * 86_400,
    number,
    on_behalf_of: null,
    parent: {
      quote_details: null,
      subscription_details: { metadata: { ...sub.metadata }, subscription: sub.id },
      type: "subscription_details",
    },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: created,
    period_start: created,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status,
    status_transitions: { finalized_at: created, marked_uncollectible_at: null, paid_at: paid ? created : null, voided_at: null },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: null,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: created,
  };
}

/** Marks an open invoice paid (a recovered payment). */
export function payInvoice(invoice: Stripe.Invoice): void {
  const t = now();
  invoice.status = "paid";
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.attempt_count += 1;
  invoice.attempted = true;
  invoice.auto_advance = false;
  invoice.next_payment_attempt = null;
  invoice.status_transitions.paid_at = t;
}
