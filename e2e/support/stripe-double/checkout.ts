import type Stripe from "stripe";
import { invalid, missingParam, noSuch, notImplemented } from "./errors";
import type { FormObject } from "./form";
import { applyMetadata, bool, checkNested, checkParams, hash, int, list, reqStr, str, strList } from "./params";
import { newId, now, type Ctx, type SessionExtra } from "./store";

/** POST /v1/checkout/sessions: validation as Stripe does it, then an open session whose `url` is the hosted page. */
export function createCheckoutSession(ctx: Ctx, params: FormObject): Stripe.Checkout.Session {
  checkParams("checkout.sessions.create", params);
  const mode = reqStr(params.mode, "mode");
  if (mode === "setup") throw notImplemented("mode=setup");
  if (mode !== "payment" && mode !== "subscription") throw invalid(`Invalid mode: must be one of payment, setup, or subscription`, "mode");
  const uiMode = str(params.ui_mode, "ui_mode") ?? "hosted_page";
  if (uiMode !== "hosted_page") throw notImplemented(`ui_mode=${uiMode}`);

  const customer = str(params.customer, "customer");
  const customerEmail = str(params.customer_email, "customer_email");
  if (customer && customerEmail) throw invalid("You may only specify one of these parameters: customer, customer_email.", "customer_email");
  if (customer && !ctx.store.customers.has(customer)) throw noSuch("customer", customer, "customer");
  const customerUpdate = hash(params.customer_update, "customer_update");
  if (customerUpdate && !customer) throw invalid("`customer_update` can only be used with `customer`.", "customer_update");
  checkNested(customerUpdate, "customer_update", "address name shipping");

  const { lines, prices } = readLineItems(ctx, params, mode);
  const currency = prices[0]?.currency ?? "cny";

  const subscriptionData = hash(params.subscription_data, "subscription_data");
  if (subscriptionData && mode !== "subscription") throw invalid("You can only specify `subscription_data` in `subscription` mode.", "subscription_data");
  checkNested(subscriptionData, "subscription_data", "application_fee_percent billing_cycle_anchor billing_cycle_anchor_config billing_mode default_tax_rates description invoice_settings metadata on_behalf_of pending_invoice_item_interval proration_behavior transfer_data trial_end trial_period_days trial_settings");
  for (const key of ["application_fee_percent", "billing_cycle_anchor", "billing_cycle_anchor_config", "default_tax_rates", "on_behalf_of", "transfer_data", "trial_end", "pending_invoice_item_interval"]) {
    if (subscriptionData?.[key] !== undefined) throw notImplemented(`subscription_data[${key}]`);
  }
  const trialDays = int(subscriptionData?.trial_period_days, "subscription_data[trial_period_days]") ?? null;
  if (trialDays !== null && (trialDays < 1 || trialDays > 730)) {
    throw invalid("The trial period must be between 1 and 730 days.", "subscription_data[trial_period_days]");
  }

  const paymentIntentData = hash(params.payment_intent_data, "payment_intent_data");
  if (paymentIntentData && mode !== "payment") throw invalid("You can only specify `payment_intent_data` in `payment` mode.", "payment_intent_data");
  checkNested(paymentIntentData, "payment_intent_data", "application_fee_amount capture_method description metadata on_behalf_of receipt_email setup_future_usage shipping statement_descriptor statement_descriptor_suffix transfer_data transfer_group");

  const paymentMethodTypes = offeredTypes(params, mode);
  const options = readPaymentMethodOptions(params, paymentMethodTypes);

  const shippingCollection = hash(params.shipping_address_collection, "shipping_address_collection");
  checkNested(shippingCollection, "shipping_address_collection", "allowed_countries");
  const allowedCountries = shippingCollection ? strList(shippingCollection.allowed_countries, "shipping_address_collection[allowed_countries]") : undefined;
  if (shippingCollection && !allowedCountries?.length) throw missingParam("shipping_address_collection[allowed_countries]");

  const successUrl = urlParam(params, "success_url");
  const cancelUrl = urlParam(params, "cancel_url");
  const clientReferenceId = str(params.client_reference_id, "client_reference_id");
  if (clientReferenceId !== undefined && clientReferenceId.length > 200) throw invalid("client_reference_id can be at most 200 characters.", "client_reference_id");
  const created = now();
  const expiresAt = int(params.expires_at, "expires_at") ?? created + 86_400;
  if (expiresAt < created + 1800 || expiresAt > created + 86_400) {
    throw invalid("The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.", "expires_at");
  }
  const subtotal = trialDays ? 0 : lines.reduce((sum, l, i) => sum + (prices[i]?.unit_amount ?? 0) * l.quantity, 0);
  const customerCreation = str(params.customer_creation, "customer_creation") as Stripe.Checkout.Session.CustomerCreation | undefined;
  if (customerCreation && mode !== "payment") throw invalid("`customer_creation` can only be used in `payment` mode.", "customer_creation");

  const id = newId("cs_test", 58);
  const session: Stripe.Checkout.Session = {
    id,
    object: "checkout.session",
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: bool(params.allow_promotion_codes, "allow_promotion_codes") ?? null,
    allowed_payment_method_types: strList(params.allowed_payment_method_types, "allowed_payment_method_types") ?? null,
    amount_subtotal: subtotal,
    amount_total: subtotal,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: (str(params.billing_address_collection, "billing_address_collection") as Stripe.Checkout.Session.BillingAddressCollection) ?? null,
    cancel_url: cancelUrl ?? null,
    client_reference_id: clientReferenceId ?? null,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created,
    currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: customer ?? null,
    customer_account: null,
    customer_creation: mode === "payment" ? (customerCreation ?? "if_required") : customer ? null : "always",
    customer_details: customerEmail
      ? { address: null, business_name: null, email: customerEmail, individual_name: null, name: null, phone: null, tax_exempt: "none", tax_ids: null }
      : null,
    customer_email: customerEmail ?? null,
    discounts: [],
    expires_at: expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: (str(params.locale, "locale") as Stripe.Checkout.Session.Locale) ?? null,
    managed_payments: null,
    metadata: applyMetadata({}, params.metadata),
    mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: mode === "subscription" ? "always" : null,
    payment_method_configuration_details: null,
    payment_method_options: options,
    payment_method_types: paymentMethodTypes,
    payment_status: "unpaid",
    permissions: null,
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: allowedCountries ? { allowed_countries: allowedCountries } : null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: (str(params.submit_type, "submit_type") as Stripe.Checkout.Session.SubmitType) ?? null,
    subscription: null,
    success_url: successUrl ?? null,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted_page",
    url: `${ctx.base()}/pay/${id}`,
    wallet_options: null,
  };
  const extra: SessionExtra = {
    lines,
    subscriptionData: {
      metadata: applyMetadata({}, subscriptionData?.metadata, "subscription_data[metadata]"),
      trialDays,
      description: str(subscriptionData?.description, "subscription_data[description]") ?? null,
    },
    paymentIntentData: {
      metadata: applyMetadata({}, paymentIntentData?.metadata, "payment_intent_data[metadata]"),
      description: str(paymentIntentData?.description, "payment_intent_data[description]") ?? null,
    },
    updateCustomerShipping: customerUpdate?.shipping === "auto",
  };
  ctx.store.sessions.set(id, session);
  ctx.store.sessionExtras.set(id, extra);
  return session;
}

function readLineItems(ctx: Ctx, params: FormObject, mode: string): { lines: SessionExtra["lines"]; prices: Stripe.Price[] } {
  const raw = list(params.line_items, "line_items");
  if (!raw?.length) throw missingParam("line_items");
  const prices: Stripe.Price[] = [];
  const lines = raw.map((value, i) => {
    const name = `line_items[${i}]`;
    const item = hash(value, name) ?? {};
    checkNested(item, name, "adjustable_quantity metadata price price_data quantity tax_rates");
    for (const key of ["price_data", "adjustable_quantity", "tax_rates"]) if (item[key] !== undefined) throw notImplemented(`${name}[${key}]`);
    const priceId = reqStr(item.price, `${name}[price]`);
    const price = ctx.store.prices.get(priceId);
    if (!price) throw noSuch("price", priceId, `${name}[price]`);
    if (!price.active) throw invalid("The price specified is inactive. This field only accepts active prices.", `${name}[price]`);
    const quantity = int(item.quantity, `${name}[quantity]`);
    if (quantity === undefined) throw missingParam(`${name}[quantity]`);
    if (quantity < 1) throw invalid("This value must be greater than or equal to 1.", `${name}[quantity]`);
    if (mode === "payment" && price.type === "recurring") {
      throw invalid("You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.", `${name}[price]`);
    }
    if (mode === "subscription" && price.type !== "recurring") {
      throw invalid("You must provide at least one recurring price in `subscription` mode when using prices. (The Stripe test double accepts only recurring prices in `subscription` mode.)", `${name}[price]`);
    }
    const first = prices[0];
    if (first && first.currency !== price.currency) throw invalid("All prices must use the same currency.", `${name}[price]`);
    if (first?.recurring && price.recurring && (first.recurring.interval !== price.recurring.interval || first.recurring.interval_count !== price.recurring.interval_count)) {
      throw invalid("Checkout does not support multiple prices with different billing intervals.", `${name}[price]`);
    }
    prices.push(price);
    return { id: newId("li", 24), price: priceId, quantity };
  });
  return { lines, prices };
}

/**
 * In 2026-10-28.endive Checkout has no `payment_method_types` parameter: `allowed_payment_method_types`
 * filters the dynamically eligible methods (and `excluded_payment_method_types` removes some). The
 * double's "Dashboard" makes card and alipay eligible in both modes and wechat_pay in payment mode
 * (WeChat Pay has no recurring payments); without an allowed list it offers card only.
 */
function offeredTypes(params: FormObject, mode: string): string[] {
  if (params.payment_method_types !== undefined) {
    throw invalid(
      "Received unknown parameter: payment_method_types. In API version 2026-10-28.endive Checkout Sessions take `allowed_payment_method_types` instead.",
      "payment_method_types",
      "parameter_unknown",
    );
  }
  const allowed = strList(params.allowed_payment_method_types, "allowed_payment_method_types");
  const excluded = strList(params.excluded_payment_method_types, "excluded_payment_method_types") ?? [];
  const eligible = mode === "subscription" ? ["card", "alipay"] : ["card", "alipay", "wechat_pay"];
  const offered = [...new Set(allowed ?? ["card"])].filter((t) => eligible.includes(t) && !excluded.includes(t));
  if (offered.length === 0) {
    throw invalid(
      `None of the allowed payment method types (${(allowed ?? ["card"]).join(", ")}) can be offered in \`${mode}\` mode. (The Stripe test double offers card and alipay, plus wechat_pay in payment mode.)`,
      "allowed_payment_method_types",
    );
  }
  return offered;
}

function readPaymentMethodOptions(params: FormObject, types: string[]): Stripe.Checkout.Session.PaymentMethodOptions {
  const raw = hash(params.payment_method_options, "payment_method_options") ?? {};
  const out: Record<string, unknown> = {};
  for (const [type, value] of Object.entries(raw)) {
    out[type] = hash(value, `payment_method_options[${type}]`) ?? {};
  }
  if (types.includes("wechat_pay")) {
    const wechat = (out.wechat_pay ?? {}) as FormObject;
    const client = str(wechat.client, "payment_method_options[wechat_pay][client]");
    if (!client) throw missingParam("payment_method_options[wechat_pay][client]");
    if (!["web", "ios", "android"].includes(client)) throw invalid(`Invalid payment_method_options[wechat_pay][client]: must be one of web, ios, or android`, "payment_method_options[wechat_pay][client]");
    if (client !== "web" && !wechat.app_id) throw missingParam("payment_method_options[wechat_pay][app_id]");
    out.wechat_pay = { app_id: (wechat.app_id as string | undefined) ?? null, client };
  }
  return out as Stripe.Checkout.Session.PaymentMethodOptions;
}

function urlParam(params: FormObject, name: string): string | undefined {
  const value = str(params[name], name);
  if (value === undefined) return undefined;
  try {
    const url = new URL(value.replace(/\{CHECKOUT_SESSION_ID\}/g, "x"));
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("protocol");
  } catch {
    throw invalid(`Not a valid URL`, name, "url_invalid");
  }
  return value;
}
