import type Stripe from "stripe";
import { invalid } from "./errors";
import type { FormValue } from "./form";
import { hash, reqStr, str } from "./params";
import { newId, now } from "./store";

/**
 * Factories for the simple objects, with every field API version 2026-10-28.endive declares.
 * (The `Stripe.*` types make tsc check the shapes.) Decimal fields travel as strings on the wire.
 */
export const dec = (n: number): Stripe.Decimal => String(n) as unknown as Stripe.Decimal;

export function addressOf(value: FormValue | undefined, name: string): Stripe.Address | null {
  const a = hash(value, name);
  if (!a) return null;
  const field = (k: string) => str(a[k], `${name}[${k}]`) ?? null;
  return { city: field("city"), country: field("country"), line1: field("line1"), line2: field("line2"), postal_code: field("postal_code"), state: field("state") };
}

export function shippingOf(value: FormValue | undefined, name: string): Stripe.Customer.Shipping | null {
  const s = hash(value, name);
  if (!s) return null;
  return {
    address: addressOf(s.address, `${name}[address]`) ?? { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
    name: reqStr(s.name, `${name}[name]`),
    phone: str(s.phone, `${name}[phone]`) ?? null,
    carrier: null,
    tracking_number: null,
  };
}

export function makeCustomer(): Stripe.Customer {
  return {
    id: newId("cus"),
    object: "customer",
    address: null,
    balance: 0,
    created: now(),
    currency: null,
    customer_account: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: null,
    invoice_prefix: newId("X", 6).slice(2).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: {},
    name: null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
}

export function makeProduct(name: string, id?: string): Stripe.Product {
  const created = now();
  return {
    id: id ?? newId("prod"),
    object: "product",
    active: true,
    created,
    default_price: null,
    description: null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: {},
    name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    tax_details: null,
    type: "service",
    unit_label: null,
    updated: created,
    url: null,
  };
}

export type PriceInput = {
  currency: string;
  unitAmount: number;
  product: string;
  recurring: { interval: string; interval_count: number } | null;
};

export function makePrice({ currency, unitAmount, product, recurring }: PriceInput): Stripe.Price {
  return {
    id: newId("price", 24),
    object: "price",
    active: true,
    billing_scheme: "per_unit",
    created: now(),
    currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product,
    recurring: recurring && { ...recurring, meter: null, trial_period_days: null, usage_type: "licensed" },
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: recurring ? "recurring" : "one_time",
    unit_amount: unitAmount,
    unit_amount_decimal: dec(unitAmount),
  };
}

/** The legacy `plan` every subscription item still carries, derived from its price. */
export function planOf(price: Stripe.Price): Stripe.Plan {
  if (!price.recurring) throw invalid(`Price ${price.id} is not recurring`);
  return {
    id: price.id,
    object: "plan",
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: "per_unit",
    created: price.created,
    currency: price.currency,
    interval: price.recurring.interval,
    interval_count: price.recurring.interval_count,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: typeof price.product === "string" ? price.product : price.product.id,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: "licensed",
  };
}

/** The payment method types the hosted page offers; `delayed` stands for an asynchronous method (bank transfer). */
export type PayMethod = "card" | "alipay" | "wechat_pay" | "delayed";
export const PAY_METHODS: readonly PayMethod[] = ["card", "alipay", "wechat_pay", "delayed"];
export const paymentMethodType = (m: PayMethod): string => (m === "delayed" ? "customer_balance" : m);

export function makePaymentMethod(method: PayMethod, customer: string | null, email: string | null, name: string | null): Stripe.PaymentMethod {
  const type = paymentMethodType(method);
  const details: Partial<Stripe.PaymentMethod> =
    type === "card"
      ? {
          card: {
            brand: "visa",
            checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
            country: "US",
            display_brand: "visa",
            exp_month: 12,
            exp_year: new Date().getUTCFullYear() + 5,
            fingerprint: "dblFingerprint42",
            funding: "credit",
            generated_from: null,
            last4: "4242",
            networks: { available: ["visa"], preferred: null },
            regulated_status: "unregulated",
            three_d_secure_usage: { supported: true },
            wallet: null,
          },
        }
      : { [type]: {} };
  return {
    id: newId("pm", 24),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: { address: null, email, name, phone: null, tax_id: null },
    created: now(),
    customer,
    customer_account: null,
    livemode: false,
    metadata: {},
    type,
    ...details,
  };
}

export function makePaymentIntent(fields: {
  amount: number;
  currency: string;
  customer: string | null;
  metadata: Record<string, string>;
  description: string | null;
  paymentMethod: Stripe.PaymentMethod;
  receiptEmail: string | null;
  status: Stripe.PaymentIntent.Status;
}): Stripe.PaymentIntent {
  const id = newId("pi", 24);
  return {
    id,
    object: "payment_intent",
    allowed_payment_method_types: null,
    amount: fields.amount,
    amount_capturable: 0,
    amount_received: fields.status === "succeeded" ? fields.amount : 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic_async",
    client_secret: `${id}_secret_${newId("s", 20).slice(2)}`,
    confirmation_method: "automatic",
    created: now(),
    currency: fields.currency,
    customer: fields.customer,
    customer_account: null,
    description: fields.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: fields.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: fields.paymentMethod.id,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: [fields.paymentMethod.type],
    payment_record: null,
    processing: fields.status === "processing" ? ({ type: fields.paymentMethod.type } as Stripe.PaymentIntent.Processing) : null,
    receipt_email: fields.receiptEmail,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: fields.status,
    transfer_data: null,
    transfer_group: null,
  };
}

export function makePortalSession(base: string, customer: string, returnUrl: string | null, locale: string | null): Stripe.BillingPortal.Session {
  const id = newId("bps", 24);
  return {
    id,
    object: "billing_portal.session",
    configuration: "bpc_double_default",
    created: now(),
    customer,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: locale as Stripe.BillingPortal.Session.Locale | null,
    on_behalf_of: null,
    return_url: returnUrl,
    url: `${base}/portal/${id}`,
  };
}
