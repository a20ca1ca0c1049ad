import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStripeDouble, type StripeDouble } from "./index";
import { startWebhookReceiver, type WebhookReceiver } from "./receiver";

const SECRET = "whsec_stripe_double_test";
const KEY = "sk_test_double";
const SUCCESS = "https://app.test/billing/success?session_id={CHECKOUT_SESSION_ID}";
const CANCEL = "https://app.test/billing/cancel";
const DAY = 86_400;

let receiver: WebhookReceiver;
let double: StripeDouble;
let stripe: Stripe;

beforeAll(async () => {
  receiver = await startWebhookReceiver(SECRET);
  double = await startStripeDouble({ webhookUrl: receiver.url, webhookSecret: SECRET, apiKey: KEY, retryDelaysMs: [20, 20, 20] });
  stripe = new Stripe(KEY, { host: "127.0.0.1", port: double.port, protocol: "http", maxNetworkRetries: 0 });
});

afterAll(async () => {
  await double?.close();
  await receiver?.close();
});

/** Events the receiver got (verified) since `mark`. */
const since = (mark: number) => receiver.events.slice(mark);

async function catalog() {
  const product = await stripe.products.create({ name: "数字版 · 按月订阅", metadata: { plan: "digital-monthly" } });
  const monthly = await stripe.prices.create({ product: product.id, unit_amount: 2500, currency: "cny", recurring: { interval: "month" }, lookup_key: `m-${product.id}` });
  const yearly = await stripe.prices.create({ product: product.id, unit_amount: 24000, currency: "cny", recurring: { interval: "year" } });
  const prepaid = await stripe.prices.create({ product_data: { name: "数字版 · 1 个月" }, unit_amount: 3000, currency: "cny", lookup_key: `p-${product.id}` });
  const customer = await stripe.customers.create({ email: "reader@example.com", name: "读者", metadata: { userId: "u1" } });
  return { product, monthly, yearly, prepaid, customer };
}

describe("catalog: customers, products, prices", () => {
  it("creates, retrieves, updates and lists with Stripe's shapes", async () => {
    const { product, monthly, prepaid, customer } = await catalog();
    expect(customer).toMatchObject({ object: "customer", email: "reader@example.com", metadata: { userId: "u1" }, livemode: false });
    const updated = await stripe.customers.update(customer.id, { metadata: { plan: "x", userId: "" }, name: "新名字" });
    expect(updated.metadata).toEqual({ plan: "x" });
    expect((await stripe.customers.retrieve(customer.id)).id).toBe(customer.id);
    const doomed = await stripe.customers.create({ email: "gone@example.com" });
    expect(await stripe.customers.del(doomed.id)).toEqual(expect.objectContaining({ id: doomed.id, object: "customer", deleted: true }));
    expect(await stripe.customers.retrieve(doomed.id)).toMatchObject({ id: doomed.id, deleted: true });
    await expect(stripe.customers.update(doomed.id, { name: "x" })).rejects.toMatchObject({ statusCode: 404, code: "resource_missing" });

    expect(monthly).toMatchObject({ object: "price", type: "recurring", unit_amount: 2500, currency: "cny", product: product.id });
    expect(monthly.recurring).toMatchObject({ interval: "month", interval_count: 1, usage_type: "licensed" });
    expect(prepaid.type).toBe("one_time");
    expect((await stripe.products.retrieve(String(prepaid.product))).name).toBe("数字版 · 1 个月");

    const withProduct = await stripe.prices.retrieve(monthly.id, { expand: ["product"] });
    expect((withProduct.product as Stripe.Product).name).toBe("数字版 · 按月订阅");
    const renamed = await stripe.products.update(product.id, { name: "数字版" });
    expect(renamed.name).toBe("数字版");
    const listed = await stripe.products.list({ ids: [product.id, String(prepaid.product)] });
    expect(listed.data.map((p) => p.id).sort()).toEqual([product.id, String(prepaid.product)].sort());
  });

  it("lists prices by lookup_keys and moves a key with transfer_lookup_key", async () => {
    const { product, monthly, yearly, prepaid } = await catalog();
    const found = await stripe.prices.list({ lookup_keys: [`m-${product.id}`, `p-${product.id}`], expand: ["data.product"] });
    expect(found.data.map((p) => p.id).sort()).toEqual([monthly.id, prepaid.id].sort());
    expect((found.data[0]?.product as Stripe.Product).object).toBe("product");

    await expect(stripe.prices.update(yearly.id, { lookup_key: `m-${product.id}` })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      param: "lookup_key",
    });
    const moved = await stripe.prices.update(yearly.id, { lookup_key: `m-${product.id}`, transfer_lookup_key: true });
    expect(moved.lookup_key).toBe(`m-${product.id}`);
    expect((await stripe.prices.retrieve(monthly.id)).lookup_key).toBeNull();
    const now = await stripe.prices.list({ lookup_keys: [`m-${product.id}`] });
    expect(now.data.map((p) => p.id)).toEqual([yearly.id]);

    const replacement = await stripe.prices.create({ product: product.id, unit_amount: 2800, currency: "cny", recurring: { interval: "month" }, lookup_key: `m-${product.id}`, transfer_lookup_key: true });
    expect((await stripe.prices.list({ lookup_keys: [`m-${product.id}`] })).data.map((p) => p.id)).toEqual([replacement.id]);

    await stripe.prices.update(monthly.id, { active: false });
    const active = await stripe.prices.list({ product: product.id, active: true, limit: 100 });
    expect(active.data.map((p) => p.id)).not.toContain(monthly.id);
    const paged = await stripe.prices.list({ product: product.id, limit: 1 }).autoPagingToArray({ limit: 10 });
    expect(paged).toHaveLength(3);
  });
});

describe("subscription Checkout with a trial", () => {
  it("completes, sends created → completed → invoice.paid, and supports update and cancel", async () => {
    const { monthly, customer } = await catalog();
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      client_reference_id: "u1",
      line_items: [{ price: monthly.id, quantity: 1 }],
      subscription_data: { trial_period_days: 7, metadata: { userId: "u1", plan: "digital-monthly" } },
      metadata: { userId: "u1" },
      allowed_payment_method_types: ["card", "alipay", "wechat_pay"],
      allow_promotion_codes: true,
      success_url: SUCCESS,
      cancel_url: CANCEL,
    });
    expect(session).toMatchObject({ object: "checkout.session", status: "open", payment_status: "unpaid", mode: "subscription", url: `${double.url}/pay/${session.id}` });
    // allowed_payment_method_types filters what the mode can take: no WeChat Pay for subscriptions.
    expect(session.payment_method_types).toEqual(["card", "alipay"]);
    expect(session.allowed_payment_method_types).toEqual(["card", "alipay", "wechat_pay"]);
    expect(session.id).toMatch(/^cs_test_/);

    const mark = receiver.events.length;
    const completed = await double.completeCheckout(session.id, "card");
    expect(completed).toMatchObject({ status: "complete", payment_status: "no_payment_required", customer: customer.id });
    const events = since(mark);
    expect(events.map((e) => e.type)).toEqual(["customer.subscription.created", "checkout.session.completed", "invoice.paid"]);
    expect(events.every((e) => e.api_version === "2026-10-28.endive" && e.livemode === false)).toBe(true);
    const subId = completed.subscription as string;
    const invoiceEvent = events[2]?.data.object as Stripe.Invoice;
    expect(invoiceEvent.parent?.subscription_details?.subscription).toBe(subId);
    expect(invoiceEvent).toMatchObject({ status: "paid", amount_paid: 0, billing_reason: "subscription_create" });
    expect(invoiceEvent.lines.data[0]?.period.end).toBeGreaterThan(invoiceEvent.lines.data[0]?.period.start ?? Infinity);
    expect((events[1]?.data.object as Stripe.Checkout.Session).subscription).toBe(subId);

    const sub = await stripe.subscriptions.retrieve(subId, { expand: ["latest_invoice", "default_payment_method", "customer", "items.data.price.product"] });
    const item = sub.items.data[0] as Stripe.SubscriptionItem;
    expect(sub).toMatchObject({ object: "subscription", status: "trialing", metadata: { userId: "u1", plan: "digital-monthly" }, cancel_at_period_end: false });
    expect(item.current_period_end - item.current_period_start).toBe(7 * DAY);
    expect(Math.abs(item.current_period_end - (Date.now() / 1000 + 7 * DAY))).toBeLessThan(60);
    expect(sub.trial_end).toBe(item.current_period_end);
    expect("current_period_end" in sub).toBe(false);
    expect((item.price.product as Stripe.Product).object).toBe("product");
    expect((sub.default_payment_method as Stripe.PaymentMethod).type).toBe("card");
    expect((sub.latest_invoice as Stripe.Invoice).status).toBe("paid");
    expect((sub.customer as Stripe.Customer).email).toBe("reader@example.com");

    const again = await stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription", "line_items"] });
    expect((again.subscription as Stripe.Subscription).id).toBe(subId);
    expect(again.line_items?.data[0]).toMatchObject({ quantity: 1, amount_total: 2500, price: { id: monthly.id } });
    expect((await stripe.checkout.sessions.listLineItems(session.id)).data).toHaveLength(1);

    const mark2 = receiver.events.length;
    const canceling = await stripe.subscriptions.update(subId, { cancel_at_period_end: true });
    expect(canceling).toMatchObject({ cancel_at_period_end: true, cancel_at: item.current_period_end });
    await double.flush();
    const updated = since(mark2);
    expect(updated.map((e) => e.type)).toEqual(["customer.subscription.updated"]);
    expect(updated[0]?.data.previous_attributes).toMatchObject({ cancel_at_period_end: false, cancel_at: null });
    await stripe.subscriptions.update(subId, { cancel_at_period_end: false, metadata: { note: "kept" } });
    await double.flush();
    expect(receiver.events.at(-1)?.data.previous_attributes).toMatchObject({ cancel_at_period_end: true, metadata: { note: null } });

    expect((await stripe.subscriptions.list({ customer: customer.id })).data.map((s) => s.id)).toEqual([subId]);
    const canceled = await stripe.subscriptions.cancel(subId);
    expect(canceled.status).toBe("canceled");
    expect(canceled.ended_at).toBeGreaterThan(0);
    expect(canceled.canceled_at).toBeGreaterThan(0);
    await double.flush();
    expect(receiver.events.at(-1)?.type).toBe("customer.subscription.deleted");
    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toHaveLength(0);
    expect((await stripe.subscriptions.list({ customer: customer.id, status: "all" })).data).toHaveLength(1);
    await expect(stripe.subscriptions.update(subId, { cancel_at_period_end: true })).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(receiver.rejected).toEqual([]);
  });
});

describe("payment Checkout with Alipay and WeChat Pay", () => {
  it("offers both, completes a delayed payment and then succeeds it", async () => {
    const { prepaid } = await catalog();
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      customer_email: "gift@example.com",
      line_items: [{ price: prepaid.id, quantity: 1 }],
      allowed_payment_method_types: ["card", "alipay", "wechat_pay"],
      payment_method_options: { wechat_pay: { client: "web" } },
      payment_intent_data: { metadata: { kind: "gift", userId: "u2" } },
      metadata: { kind: "gift" },
      success_url: SUCCESS,
      cancel_url: CANCEL,
    });
    expect(session.payment_method_options?.wechat_pay).toEqual({ app_id: null, client: "web" });
    expect(session.payment_intent).toBeNull();
    const html = await (await fetch(session.url as string)).text();
    expect(html).toContain("支付宝 Alipay");
    expect(html).toContain("微信支付 WeChat Pay");
    expect(html).toContain("¥30.00");

    const mark = receiver.events.length;
    const pending = await double.completeCheckout(session.id, "delayed");
    expect(pending).toMatchObject({ status: "complete", payment_status: "unpaid", customer: null });
    expect(since(mark).map((e) => e.type)).toEqual(["checkout.session.completed"]);
    const intent = await stripe.paymentIntents.retrieve(pending.payment_intent as string);
    expect(intent).toMatchObject({ status: "processing", amount: 3000, currency: "cny", metadata: { kind: "gift", userId: "u2" } });

    const paid = await double.asyncPaymentResult(session.id, "succeeded");
    expect(paid.payment_status).toBe("paid");
    expect(since(mark).map((e) => e.type)).toEqual(["checkout.session.completed", "checkout.session.async_payment_succeeded"]);
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe("succeeded");
    await expect(double.asyncPaymentResult(session.id, "failed")).rejects.toThrow(/no pending asynchronous payment/);

    const wechat = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [{ price: prepaid.id, quantity: 2 }],
      allowed_payment_method_types: ["wechat_pay"],
      payment_method_options: { wechat_pay: { client: "web" } },
      success_url: SUCCESS,
    });
    const done = await double.completeCheckout(wechat.id, "wechat_pay", { email: "w@example.com" });
    const wechatIntent = await stripe.paymentIntents.retrieve(done.payment_intent as string, { expand: ["payment_method"] });
    expect(wechatIntent).toMatchObject({ status: "succeeded", amount: 6000, payment_method_types: ["wechat_pay"] });
    expect((wechatIntent.payment_method as Stripe.PaymentMethod).type).toBe("wechat_pay");
    await expect(double.completeCheckout(wechat.id, "card")).rejects.toThrow(/no longer open/);

    const failing = await stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: prepaid.id, quantity: 1 }], allowed_payment_method_types: ["alipay"], success_url: SUCCESS });
    await expect(double.completeCheckout(failing.id, "wechat_pay")).rejects.toThrow(/not enabled/);
    await double.completeCheckout(failing.id, "delayed");
    const failed = await double.asyncPaymentResult(failing.id, "failed");
    expect(failed.payment_status).toBe("unpaid");
    expect(receiver.events.at(-1)?.type).toBe("checkout.session.async_payment_failed");
  });
});

describe("errors, auth and idempotency", () => {
  it("raises the SDK's typed errors for bad params and unknown ids", async () => {
    const { monthly, prepaid } = await catalog();
    const base = { success_url: SUCCESS, cancel_url: CANCEL };
    await expect(stripe.checkout.sessions.create({ ...base, mode: "payment", line_items: [{ price: "price_nope", quantity: 1 }] })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 400,
      code: "resource_missing",
      param: "line_items[0][price]",
    });
    await expect(stripe.checkout.sessions.create({ ...base, mode: "payment", line_items: [{ price: monthly.id, quantity: 1 }] })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      param: "line_items[0][price]",
      message: expect.stringContaining("recurring price"),
    });
    await expect(stripe.checkout.sessions.create({ ...base, mode: "subscription", line_items: [{ price: prepaid.id, quantity: 1 }] })).rejects.toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );
    await expect(
      stripe.checkout.sessions.create({ ...base, mode: "subscription", line_items: [{ price: monthly.id, quantity: 1 }], subscription_data: { trial_days: 7 } as never }),
    ).rejects.toMatchObject({ code: "parameter_unknown", param: "subscription_data[trial_days]" });
    await expect(stripe.checkout.sessions.create({ ...base, mode: "payment", line_items: [{ price: prepaid.id, quantity: 1 }], allowed_payment_method_types: ["wechat_pay"] })).rejects.toMatchObject({
      code: "parameter_missing",
      param: "payment_method_options[wechat_pay][client]",
    });
    // Removed from Checkout in 2026-10-28.endive (allowed_payment_method_types replaces it).
    await expect(
      stripe.checkout.sessions.create({ ...base, mode: "payment", line_items: [{ price: prepaid.id, quantity: 1 }], payment_method_types: ["card"] } as never),
    ).rejects.toMatchObject({ code: "parameter_unknown", param: "payment_method_types" });
    await expect(stripe.checkout.sessions.create({ ...base, mode: "subscription", line_items: [{ price: monthly.id, quantity: 1 }], allowed_payment_method_types: ["wechat_pay"] })).rejects.toMatchObject({
      param: "allowed_payment_method_types",
    });
    await expect(stripe.subscriptions.retrieve("sub_missing")).rejects.toMatchObject({ type: "StripeInvalidRequestError", statusCode: 404, code: "resource_missing" });
    await expect(stripe.customers.retrieve("cus_missing")).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(stripe.invoices.retrieve("in_missing")).rejects.toMatchObject({ statusCode: 404 });
    const stranger = new Stripe("sk_test_wrong_key_123456", { host: "127.0.0.1", port: double.port, protocol: "http", maxNetworkRetries: 0 });
    await expect(stranger.customers.create({})).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it("replays a response for a reused Idempotency-Key and refuses it with other params", async () => {
    const first = await stripe.customers.create({ email: "idem@example.com" }, { idempotencyKey: "idem-1" });
    const second = await stripe.customers.create({ email: "idem@example.com" }, { idempotencyKey: "idem-1" });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    await expect(stripe.customers.create({ email: "other@example.com" }, { idempotencyKey: "idem-1" })).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect((await stripe.customers.create({ email: "idem@example.com" })).id).not.toBe(first.id);
  });
});

describe("hosted pages", () => {
  it("renders /pay/:id in Chinese with the amount and redirects to success_url with the id", async () => {
    const { monthly, customer } = await catalog();
    const session = await stripe.checkout.sessions.create({ mode: "subscription", customer: customer.id, line_items: [{ price: monthly.id, quantity: 1 }], success_url: SUCCESS, cancel_url: CANCEL });
    const page = await fetch(session.url as string);
    const html = await page.text();
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain("¥25.00");
    expect(html).toContain("银行卡支付 Pay with card");
    expect(html).not.toContain("支付宝 Alipay");

    const cancel = await fetch(`${double.url}/pay/${session.id}/cancel`, { method: "POST", redirect: "manual" });
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get("location")).toBe(CANCEL);

    const mark = receiver.events.length;
    const res = await fetch(`${double.url}/pay/${session.id}/complete`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "method=card",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`https://app.test/billing/success?session_id=${session.id}`);
    // Webhooks are delivered before the redirect.
    expect(since(mark).map((e) => e.type)).toEqual(["customer.subscription.created", "checkout.session.completed", "invoice.paid"]);
    expect((await stripe.subscriptions.list({ customer: customer.id })).data[0]?.status).toBe("active");
  });

  it("collects a shipping address before paying and stores it as Stripe does", async () => {
    const { monthly } = await catalog();
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer_email: "print@example.com",
      line_items: [{ price: monthly.id, quantity: 1 }],
      shipping_address_collection: { allowed_countries: ["CN", "HK"] },
      success_url: SUCCESS,
    });
    expect(await (await fetch(session.url as string)).text()).toContain('name="shipping_line1"');
    const post = (body: string) =>
      fetch(`${double.url}/pay/${session.id}/complete`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    const missing = await post("method=card");
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("shipping");
    const ok = await post(new URLSearchParams({ method: "card", shipping_name: "张三", shipping_line1: "南京路 1 号", shipping_city: "上海", shipping_postal_code: "200001", shipping_country: "CN" }).toString());
    expect(ok.status).toBe(303);
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["customer"] });
    expect(done.collected_information?.shipping_details).toEqual({
      name: "张三",
      address: { line1: "南京路 1 号", line2: null, city: "上海", postal_code: "200001", state: null, country: "CN" },
    });
    const customer = done.customer as Stripe.Customer;
    expect(customer).toMatchObject({ email: "print@example.com", shipping: { name: "张三", address: { city: "上海" } } });
  });

  it("serves the billing portal page with the subscriptions and a return link", async () => {
    const { monthly, customer } = await catalog();
    const sub = double.createSubscriptionDirect({ customer: customer.id, price: monthly.id, metadata: { userId: "u1" } });
    const portal = await stripe.billingPortal.sessions.create({ customer: customer.id, return_url: "https://app.test/account" });
    expect(portal).toMatchObject({ object: "billing_portal.session", customer: customer.id, return_url: "https://app.test/account", url: `${double.url}/portal/${portal.id}` });
    const html = await (await fetch(portal.url)).text();
    expect(html).toContain("Stripe 客户门户(测试替身)");
    expect(html).toContain("返回 Return");
    expect(html).toContain('href="https://app.test/account"');
    expect(html).toContain(sub.id);
    expect(html).toContain("active");
    const res = await fetch(`${double.url}/portal/${portal.id}/subscriptions/${sub.id}/cancel`, { method: "POST", redirect: "manual" });
    expect(res.status).toBe(303);
    expect((await stripe.subscriptions.retrieve(sub.id)).cancel_at_period_end).toBe(true);
    await expect(stripe.billingPortal.sessions.create({ customer: "cus_missing" })).rejects.toMatchObject({ code: "resource_missing", param: "customer" });
  });
});

describe("control API", () => {
  it("renews, fails payments and patches state silently", async () => {
    const { monthly, customer } = await catalog();
    const sub = double.createSubscriptionDirect({ customer: customer.id, price: monthly.id, metadata: { userId: "u1" } });
    const first = sub.items.data[0] as Stripe.SubscriptionItem;
    const mark = receiver.events.length;
    const renewed = await double.renewSubscription(sub.id);
    const item = renewed.items.data[0] as Stripe.SubscriptionItem;
    expect(item.current_period_start).toBe(first.current_period_end);
    expect(item.current_period_end).toBeGreaterThan(first.current_period_end + 27 * DAY);
    const events = since(mark);
    expect(events.map((e) => e.type)).toEqual(["invoice.paid", "customer.subscription.updated"]);
    expect((events[0]?.data.object as Stripe.Invoice).billing_reason).toBe("subscription_cycle");
    expect((events[1]?.data.previous_attributes as Partial<Stripe.Subscription>).items?.data[0]?.current_period_end).toBe(first.current_period_end);

    const failed = await double.failPayment(sub.id);
    expect(failed.status).toBe("past_due");
    expect(since(mark).map((e) => e.type).slice(2)).toEqual(["invoice.payment_failed", "customer.subscription.updated"]);
    const recovered = await double.renewSubscription(sub.id);
    expect(recovered.status).toBe("active");

    const count = double.events().length;
    const patched = double.setSubscription(sub.id, { status: "past_due", cancel_at_period_end: true, current_period_end: 2_000_000_000 });
    expect(patched.items.data[0]?.current_period_end).toBe(2_000_000_000);
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("past_due");
    expect(double.events()).toHaveLength(count);

    const ended = await double.renewSubscription(sub.id);
    expect(ended.status).toBe("canceled");
    expect(receiver.events.at(-1)?.type).toBe("customer.subscription.deleted");
  });

  it("drives everything over HTTP under /_double/", async () => {
    const { monthly, prepaid, customer } = await catalog();
    const call = async (method: string, route: string, body?: unknown) => {
      const res = await fetch(`${double.url}/_double${route}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    expect((await call("GET", "/health")).json).toEqual({ ok: true });
    const created = await call("POST", "/subscriptions", { customer: customer.id, price: monthly.id, metadata: { userId: "u9" }, trialDays: 14 });
    expect(created.json).toMatchObject({ status: "trialing", metadata: { userId: "u9" } });
    const subId = created.json.id as string;
    expect((await call("POST", `/subscriptions/${subId}/renew`)).json.status).toBe("active");
    expect((await call("POST", `/subscriptions/${subId}/fail-payment`)).json.status).toBe("past_due");
    expect((await call("POST", `/subscriptions/${subId}`, { status: "active" })).json.status).toBe("active");
    expect((await call("GET", "/subscriptions")).json.some((s: Stripe.Subscription) => s.id === subId)).toBe(true);
    for (const route of ["/checkout-sessions", "/customers", "/prices", "/products", "/invoices", "/payment-intents", "/deliveries", "/requests"]) {
      expect(Array.isArray((await call("GET", route)).json)).toBe(true);
    }

    const session = await stripe.checkout.sessions.create({ mode: "payment", customer: customer.id, line_items: [{ price: prepaid.id, quantity: 1 }], success_url: SUCCESS });
    const completed = await call("POST", `/checkout/${session.id}/complete`, { method: "delayed" });
    expect(completed.json).toMatchObject({ status: "complete", payment_status: "unpaid" });
    expect((await call("POST", `/checkout/${session.id}/async-payment`, { result: "succeeded" })).json.payment_status).toBe("paid");
    expect((await call("POST", `/checkout/${session.id}/complete`, { method: "card" })).status).toBe(400);

    const built = await call("POST", "/events/build", { type: "customer.subscription.updated", object: subId, previousAttributes: { status: "past_due" } });
    const verified = stripe.webhooks.constructEvent(built.json.payload, built.json.header, SECRET);
    expect(verified).toMatchObject({ type: "customer.subscription.updated", data: { object: { id: subId }, previous_attributes: { status: "past_due" } } });
    expect(receiver.events.some((e) => e.id === verified.id)).toBe(false);
    const sent = await call("POST", "/events/send", { event: built.json.event });
    expect(sent.json.deliveries[0]).toMatchObject({ eventId: verified.id, status: 200 });
    expect(receiver.events.at(-1)?.id).toBe(verified.id);
    expect((await call("GET", `/events?type=checkout.session.async_payment_succeeded`)).json.at(-1).data.object.id).toBe(session.id);
    expect((await call("POST", "/subscriptions/sub_missing/renew")).status).toBe(404);
  });

  it("retries failed deliveries and logs every attempt", async () => {
    const { monthly, customer } = await catalog();
    const sub = double.createSubscriptionDirect({ customer: customer.id, price: monthly.id });
    receiver.failNext(2, 503);
    await double.renewSubscription(sub.id);
    const invoicePaid = double.events().filter((e) => e.type === "invoice.paid").at(-1) as Stripe.Event;
    expect(double.deliveries().filter((d) => d.eventId === invoicePaid.id).map((d) => d.status)).toEqual([503, 503, 200]);

    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const lonely = await startStripeDouble({ webhookSecret: SECRET, webhookUrl: `http://127.0.0.1:${deadPort}/hook`, retryDelaysMs: [5, 5, 5] });
    try {
      const { built, attempts } = await (async () => {
        const built = lonely.buildEvent("invoice.paid", { id: "in_x", object: "invoice" });
        return { built, attempts: await lonely.sendEvent(built.event) };
      })();
      expect(attempts).toHaveLength(4);
      expect(attempts.every((a) => a.status === null && a.error)).toBe(true);
      expect(lonely.events().map((e) => e.id)).toEqual([built.event.id]);
    } finally {
      await lonely.close();
    }
  });
});

describe("without a webhook URL", () => {
  let quiet: StripeDouble;
  beforeEach(async () => {
    quiet = await startStripeDouble({ webhookSecret: SECRET });
    return () => quiet.close();
  });

  it("records events without delivering, accepts any key, and resets", async () => {
    const client = new Stripe("sk_test_anything", { host: "127.0.0.1", port: quiet.port, protocol: "http", maxNetworkRetries: 0 });
    const customer = await client.customers.create({ email: "q@example.com" });
    const product = await client.products.create({ name: "P" });
    const price = await client.prices.create({ product: product.id, unit_amount: 100, currency: "cny", recurring: { interval: "month" } });
    const session = await client.checkout.sessions.create({ mode: "subscription", customer: customer.id, line_items: [{ price: price.id, quantity: 1 }], success_url: SUCCESS });
    await quiet.completeCheckout(session.id);
    expect(quiet.events().map((e) => e.type)).toEqual(["customer.subscription.created", "checkout.session.completed", "invoice.paid"]);
    expect(quiet.deliveries()).toEqual([]);
    expect(quiet.subscriptions()).toHaveLength(1);
    quiet.reset();
    expect(quiet.customers()).toEqual([]);
    expect(quiet.events()).toEqual([]);
  });
});

describe("cli", () => {
  it("prints the listening line and exits cleanly on SIGTERM", async () => {
    const tsx = path.resolve(import.meta.dirname, "../../../node_modules/.bin/tsx");
    const child = spawn(tsx, [path.resolve(import.meta.dirname, "cli.ts")], {
      env: { ...process.env, STRIPE_DOUBLE_PORT: "0", STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_DOUBLE_WEBHOOK_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line; got: ${output}`)), 20_000);
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const m = /stripe double listening on (http:\/\/\S+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1] as string);
        }
      });
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.on("exit", (code) => reject(new Error(`exited early (${code}): ${output}`)));
    });
    expect(await (await fetch(`${url}/_double/health`)).json()).toEqual({ ok: true });
    const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
  });
});
