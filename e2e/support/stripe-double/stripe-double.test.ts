import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StripeDouble } from "./index";
import type { WebhookReceiver } from "./receiver";
import { CANCEL, DAY, SUCCESS, catalog, since, startFixture, stopFixture } from "./test-fixture";

// The double's API as the real SDK sees it: catalog, Checkout, errors.
let receiver: WebhookReceiver;
let double: StripeDouble;
let stripe: Stripe;

beforeAll(async () => {
  ({ receiver, double, stripe } = await startFixture());
});

afterAll(async () => stopFixture({ receiver, double }));

describe("catalog: customers, products, prices", () => {
  it("creates, retrieves, updates and lists with Stripe's shapes", async () => {
    const { product, monthly, prepaid, customer } = await catalog(stripe);
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
    const { product, monthly, yearly, prepaid } = await catalog(stripe);
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
    const { monthly, customer } = await catalog(stripe);
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
    const events = since(receiver, mark);
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
    const updated = since(receiver, mark2);
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
    const { prepaid } = await catalog(stripe);
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
    expect(since(receiver, mark).map((e) => e.type)).toEqual(["checkout.session.completed"]);
    const intent = await stripe.paymentIntents.retrieve(pending.payment_intent as string);
    expect(intent).toMatchObject({ status: "processing", amount: 3000, currency: "cny", metadata: { kind: "gift", userId: "u2" } });

    const paid = await double.asyncPaymentResult(session.id, "succeeded");
    expect(paid.payment_status).toBe("paid");
    expect(since(receiver, mark).map((e) => e.type)).toEqual(["checkout.session.completed", "checkout.session.async_payment_succeeded"]);
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
    const { monthly, prepaid } = await catalog(stripe);
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
