import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStripeDouble, type StripeDouble } from "./index";
import type { WebhookReceiver } from "./receiver";
import { CANCEL, DAY, SECRET, SUCCESS, catalog, since, startFixture, stopFixture } from "./test-fixture";

// The double's browser pages, its control API, and its CLI.
let receiver: WebhookReceiver;
let double: StripeDouble;
let stripe: Stripe;

beforeAll(async () => {
  ({ receiver, double, stripe } = await startFixture());
});

afterAll(async () => stopFixture({ receiver, double }));

describe("hosted pages", () => {
  it("renders /pay/:id in Chinese with the amount and redirects to success_url with the id", async () => {
    const { monthly, customer } = await catalog(stripe);
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
    expect(since(receiver, mark).map((e) => e.type)).toEqual(["customer.subscription.created", "checkout.session.completed", "invoice.paid"]);
    expect((await stripe.subscriptions.list({ customer: customer.id })).data[0]?.status).toBe("active");
  });

  it("collects a shipping address before paying and stores it as Stripe does", async () => {
    const { monthly } = await catalog(stripe);
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
    const { monthly, customer } = await catalog(stripe);
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
    const { monthly, customer } = await catalog(stripe);
    const sub = double.createSubscriptionDirect({ customer: customer.id, price: monthly.id, metadata: { userId: "u1" } });
    const first = sub.items.data[0] as Stripe.SubscriptionItem;
    const mark = receiver.events.length;
    const renewed = await double.renewSubscription(sub.id);
    const item = renewed.items.data[0] as Stripe.SubscriptionItem;
    expect(item.current_period_start).toBe(first.current_period_end);
    expect(item.current_period_end).toBeGreaterThan(first.current_period_end + 27 * DAY);
    const events = since(receiver, mark);
    expect(events.map((e) => e.type)).toEqual(["invoice.paid", "customer.subscription.updated"]);
    expect((events[0]?.data.object as Stripe.Invoice).billing_reason).toBe("subscription_cycle");
    expect((events[1]?.data.previous_attributes as Partial<Stripe.Subscription>).items?.data[0]?.current_period_end).toBe(first.current_period_end);

    const failed = await double.failPayment(sub.id);
    expect(failed.status).toBe("past_due");
    expect(since(receiver, mark).map((e) => e.type).slice(2)).toEqual(["invoice.payment_failed", "customer.subscription.updated"]);
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
    const { monthly, prepaid, customer } = await catalog(stripe);
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
    const { monthly, customer } = await catalog(stripe);
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
