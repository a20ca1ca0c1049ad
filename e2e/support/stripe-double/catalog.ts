import type Stripe from "stripe";
import { ApiError, invalid, missingParam, noSuch, notFound, notImplemented } from "./errors";
import type { FormObject } from "./form";
import { addressOf, makeCustomer, makePrice, makeProduct, shippingOf } from "./objects";
import { applyMetadata, bool, checkNested, checkParams, hash, int, reqStr, str, strList } from "./params";
import type { Ctx } from "./store";

/** Customers, products and prices: create / retrieve / update / list. */

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function applyCustomer(ctx: Ctx, c: Stripe.Customer, p: FormObject): void {
  const email = str(p.email, "email");
  if (email && !EMAIL.test(email)) throw invalid(`Invalid email address: ${email}`, "email", "email_invalid");
  if (email !== undefined) c.email = email || null;
  for (const key of ["name", "description", "phone", "business_name", "individual_name"] as const) {
    const v = str(p[key], key);
    if (v !== undefined) (c as unknown as Record<string, string | null>)[key] = v || null;
  }
  if (p.address !== undefined) c.address = addressOf(p.address, "address");
  if (p.shipping !== undefined) c.shipping = shippingOf(p.shipping, "shipping");
  if (p.preferred_locales !== undefined) c.preferred_locales = strList(p.preferred_locales, "preferred_locales") ?? [];
  const settings = hash(p.invoice_settings, "invoice_settings");
  checkNested(settings, "invoice_settings", "custom_fields default_payment_method footer rendering_options");
  const pm = str(settings?.default_payment_method, "invoice_settings[default_payment_method]");
  if (pm !== undefined) {
    if (pm && !ctx.store.paymentMethods.has(pm)) throw noSuch("PaymentMethod", pm, "invoice_settings[default_payment_method]");
    c.invoice_settings.default_payment_method = pm || null;
  }
  c.metadata = applyMetadata(c.metadata, p.metadata);
}

export function createCustomer(ctx: Ctx, p: FormObject): Stripe.Customer {
  checkParams("customers.create", p);
  const c = makeCustomer();
  applyCustomer(ctx, c, p);
  ctx.store.customers.set(c.id, c);
  return c;
}

export function getCustomer(ctx: Ctx, id: string): Stripe.Customer {
  const c = ctx.store.customers.get(id);
  if (!c) throw notFound("customer", id);
  return c;
}

/** A deleted customer reads back as { id, object, deleted: true }, as in Stripe. */
export function getCustomerOrDeleted(ctx: Ctx, id: string): Stripe.Customer | Stripe.DeletedCustomer {
  if (ctx.store.deletedCustomers.has(id)) return { id, object: "customer", deleted: true };
  return getCustomer(ctx, id);
}

export function deleteCustomer(ctx: Ctx, id: string, p: FormObject): Stripe.DeletedCustomer {
  checkParams("customers.delete", p);
  getCustomer(ctx, id);
  ctx.store.customers.delete(id);
  ctx.store.deletedCustomers.add(id);
  for (const sub of ctx.store.subscriptions.values()) {
    if (sub.customer === id && sub.status !== "canceled") Object.assign(sub, { status: "canceled", ended_at: Math.floor(Date.now() / 1000) });
  }
  return { id, object: "customer", deleted: true };
}

export function updateCustomer(ctx: Ctx, id: string, p: FormObject): Stripe.Customer {
  checkParams("customers.update", p);
  const c = getCustomer(ctx, id);
  applyCustomer(ctx, c, p);
  return c;
}

function applyProduct(prod: Stripe.Product, p: FormObject): void {
  const name = str(p.name, "name");
  if (name !== undefined) prod.name = reqStr(name, "name");
  const active = bool(p.active, "active");
  if (active !== undefined) prod.active = active;
  for (const key of ["description", "statement_descriptor", "unit_label", "url", "tax_code"] as const) {
    const v = str(p[key], key);
    if (v !== undefined) (prod as unknown as Record<string, string | null>)[key] = v || null;
  }
  if (p.images !== undefined) prod.images = strList(p.images, "images") ?? [];
  const shippable = bool(p.shippable, "shippable");
  if (shippable !== undefined) prod.shippable = shippable;
  prod.metadata = applyMetadata(prod.metadata, p.metadata);
}

export function createProduct(ctx: Ctx, p: FormObject): Stripe.Product {
  checkParams("products.create", p);
  const id = str(p.id, "id");
  if (id && ctx.store.products.has(id)) throw new ApiError(400, "Product already exists.", "invalid_request_error", "resource_already_exists", "id");
  const prod = makeProduct(reqStr(p.name, "name"), id || undefined);
  const type = str(p.type, "type");
  if (type !== undefined) {
    if (type !== "good" && type !== "service") throw invalid("Invalid type: must be one of good or service", "type");
    prod.type = type;
  }
  applyProduct(prod, p);
  ctx.store.products.set(prod.id, prod);
  return prod;
}

export function getProduct(ctx: Ctx, id: string): Stripe.Product {
  const prod = ctx.store.products.get(id);
  if (!prod) throw notFound("product", id);
  return prod;
}

export function updateProduct(ctx: Ctx, id: string, p: FormObject): Stripe.Product {
  checkParams("products.update", p);
  const prod = getProduct(ctx, id);
  applyProduct(prod, p);
  prod.updated = Math.max(prod.updated + 1, Math.floor(Date.now() / 1000));
  return prod;
}

export function filterProducts(ctx: Ctx, p: FormObject): Stripe.Product[] {
  checkParams("products.list", p);
  const ids = strList(p.ids, "ids");
  const active = bool(p.active, "active");
  const type = str(p.type, "type");
  return [...ctx.store.products.values()].filter(
    (x) => (!ids || ids.includes(x.id)) && (active === undefined || x.active === active) && (!type || x.type === type),
  );
}

/** A lookup_key is unique among prices; `transfer_lookup_key=true` takes it from the price holding it. */
function lookupKeyChange(ctx: Ctx, price: Stripe.Price | null, p: FormObject): (() => void) | null {
  const key = str(p.lookup_key, "lookup_key");
  const transfer = bool(p.transfer_lookup_key, "transfer_lookup_key") ?? false;
  if (key === undefined) return null;
  if (key.length > 200) throw invalid("lookup_key can be at most 200 characters.", "lookup_key");
  const holder = key ? [...ctx.store.prices.values()].find((x) => x.lookup_key === key && x.id !== price?.id) : undefined;
  if (holder && !transfer) throw invalid(`A price (\`${holder.id}\`) already uses that lookup key.`, "lookup_key");
  return () => {
    if (holder) holder.lookup_key = null;
    if (price) price.lookup_key = key || null;
  };
}

export function createPrice(ctx: Ctx, p: FormObject): Stripe.Price {
  checkParams("prices.create", p);
  const currency = reqStr(p.currency, "currency").toLowerCase();
  if (!/^[a-z]{3}$/.test(currency)) throw invalid(`Invalid currency: ${currency}`, "currency");
  const unitAmount = int(p.unit_amount, "unit_amount");
  if (unitAmount === undefined) throw missingParam("unit_amount");
  if (unitAmount < 0) throw invalid("This value must be greater than or equal to 0.", "unit_amount");
  if ((str(p.billing_scheme, "billing_scheme") ?? "per_unit") !== "per_unit") throw notImplemented("billing_scheme=tiered");
  let product = str(p.product, "product");
  const productData = hash(p.product_data, "product_data");
  if (product && productData) throw invalid("You may only specify one of these parameters: product, product_data.", "product_data");
  if (!product && !productData) throw missingParam("product");
  if (product && !ctx.store.products.has(product)) throw noSuch("product", product, "product");
  const recurringParam = hash(p.recurring, "recurring");
  checkNested(recurringParam, "recurring", "interval interval_count meter trial_period_days usage_type");
  let recurring: { interval: Stripe.Price.Recurring.Interval; interval_count: number } | null = null;
  if (recurringParam) {
    const interval = reqStr(recurringParam.interval, "recurring[interval]");
    if (!["day", "week", "month", "year"].includes(interval)) throw invalid("Invalid recurring[interval]: must be one of day, week, month, or year", "recurring[interval]");
    const count = int(recurringParam.interval_count, "recurring[interval_count]") ?? 1;
    if (count < 1 || (interval === "year" && count > 3) || (interval === "month" && count > 36)) {
      throw invalid("The maximum billing interval is 3 years.", "recurring[interval_count]");
    }
    if (recurringParam.meter !== undefined || (recurringParam.usage_type ?? "licensed") !== "licensed") throw notImplemented("recurring[usage_type]=metered");
    recurring = { interval, interval_count: count };
  }
  const applyKey = lookupKeyChange(ctx, null, p);
  if (productData) {
    checkNested(productData, "product_data", "active id metadata name statement_descriptor tax_code tax_details unit_label");
    const created = makeProduct(reqStr(productData.name, "product_data[name]"), str(productData.id, "product_data[id]"));
    created.metadata = applyMetadata({}, productData.metadata, "product_data[metadata]");
    ctx.store.products.set(created.id, created);
    product = created.id;
  }
  const price = makePrice({ currency, unitAmount, product: product as string, recurring });
  price.active = bool(p.active, "active") ?? true;
  price.nickname = str(p.nickname, "nickname") || null;
  price.metadata = applyMetadata({}, p.metadata);
  const taxBehavior = str(p.tax_behavior, "tax_behavior");
  if (taxBehavior) price.tax_behavior = taxBehavior as Stripe.Price.TaxBehavior;
  applyKey?.();
  price.lookup_key = str(p.lookup_key, "lookup_key") || null;
  ctx.store.prices.set(price.id, price);
  return price;
}

export function getPrice(ctx: Ctx, id: string): Stripe.Price {
  const price = ctx.store.prices.get(id);
  if (!price) throw notFound("price", id);
  return price;
}

export function updatePrice(ctx: Ctx, id: string, p: FormObject): Stripe.Price {
  checkParams("prices.update", p);
  const price = getPrice(ctx, id);
  const applyKey = lookupKeyChange(ctx, price, p);
  const active = bool(p.active, "active");
  const nickname = str(p.nickname, "nickname");
  const metadata = applyMetadata(price.metadata, p.metadata);
  applyKey?.();
  if (active !== undefined) price.active = active;
  if (nickname !== undefined) price.nickname = nickname || null;
  price.metadata = metadata;
  const taxBehavior = str(p.tax_behavior, "tax_behavior");
  if (taxBehavior) price.tax_behavior = taxBehavior as Stripe.Price.TaxBehavior;
  return price;
}

export function filterPrices(ctx: Ctx, p: FormObject): Stripe.Price[] {
  checkParams("prices.list", p);
  const lookupKeys = strList(p.lookup_keys, "lookup_keys");
  if (lookupKeys && lookupKeys.length > 10) throw invalid("You can pass at most 10 lookup keys.", "lookup_keys");
  const active = bool(p.active, "active");
  const product = str(p.product, "product");
  const currency = str(p.currency, "currency")?.toLowerCase();
  const type = str(p.type, "type");
  const recurring = hash(p.recurring, "recurring");
  const interval = str(recurring?.interval, "recurring[interval]");
  return [...ctx.store.prices.values()].filter(
    (x) =>
      (!lookupKeys || (x.lookup_key !== null && lookupKeys.includes(x.lookup_key))) &&
      (active === undefined || x.active === active) &&
      (!product || x.product === product) &&
      (!currency || x.currency === currency) &&
      (!type || x.type === type) &&
      (!interval || x.recurring?.interval === interval),
  );
}
