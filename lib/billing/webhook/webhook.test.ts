import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { accessWindows, payments, plans, stripeEvents } from "@/db/schema";
import { resetEnvCache } from "@/lib/env";
import { POST } from "@/app/api/stripe/webhook/route";
import { ensureStripeCustomer } from "../customers";
import { resetStripeClient } from "../stripe";
import { handleStripeWebhook } from "./index";
import { deliver, mailsTo, makeReader, sign, startHarness, WEBHOOK_SECRET, type Harness } from "./test-harness";

/** The envelope: signatures, configuration, unknown types, the route, and a database failure mid-event. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  await h.close();
});

const eventCount = async () => (await h.db.select({ n: sql<number>`count(*)::int` }).from(stripeEvents))[0]!.n;

async function paidPrepaidEvent(email: string) {
  const reader = await makeReader(h.db, email);
  const [plan] = await h.db.select().from(plans).where(eq(plans.key, "digital-prepaid-1"));
  const metadata = { userId: reader.id, planKey: plan!.key, kind: "prepaid" };
  const session = await h.stripe.checkout.sessions.create({
    mode: "payment",
    customer: await ensureStripeCustomer(reader),
    client_reference_id: reader.id,
    metadata,
    payment_intent_data: { metadata },
    line_items: [{ price: plan!.stripePriceId!, quantity: 1 }],
    success_url: "http://localhost:3000/subscribe/success",
  });
  await h.db.insert(payments).values({ id: session.id, userId: reader.id, planKey: plan!.key, amountFen: plan!.amountFen });
  h.newEvents();
  await h.double.completeCheckout(session.id, "card");
  const [event] = h.newEvents();
  return { reader, session, event: event! };
}

describe("handleStripeWebhook: the envelope", () => {
  it("answers 400 to a missing or wrong signature and writes nothing", async () => {
    const { event, reader } = await paidPrepaidEvent("forged@example.test");
    const before = await eventCount();
    const { payload, header } = sign(event);
    expect(await handleStripeWebhook(payload, null)).toMatchObject({ status: 400 });
    expect(await handleStripeWebhook(payload, "")).toMatchObject({ status: 400 });
    expect(await handleStripeWebhook(payload, sign(event, "whsec_someoneelse000000").header)).toMatchObject({ status: 400 });
    // A payload changed after signing (say, a bigger months count) fails too.
    expect(await handleStripeWebhook(payload.replace("digital-prepaid-1", "digital-prepaid-12"), header)).toMatchObject({ status: 400 });
    expect(await eventCount()).toBe(before);
    expect(await h.db.select().from(accessWindows).where(eq(accessWindows.userId, reader.id))).toHaveLength(0);
  });

  it("answers 503 while billing is not configured", async () => {
    const { event } = await paidPrepaidEvent("unconfigured@example.test");
    const { payload, header } = sign(event);
    delete process.env.STRIPE_WEBHOOK_SECRET;
    resetEnvCache();
    resetStripeClient();
    try {
      expect(await handleStripeWebhook(payload, header)).toMatchObject({ status: 503 });
    } finally {
      process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
      resetEnvCache();
      resetStripeClient();
    }
  });

  it("acknowledges event types it does not handle, once", async () => {
    const product = h.double.products()[0]!;
    const { event } = h.double.buildEvent("product.updated", product);
    expect(await deliver(event)).toEqual({ status: 200, body: { ignored: true } });
    expect(await deliver(event)).toEqual({ status: 200, body: { duplicate: true } });
  });

  it("is reachable as POST /api/stripe/webhook, reading the raw body", async () => {
    const { event, reader } = await paidPrepaidEvent("route@example.test");
    const { payload, header } = sign(event);
    const request = (signature?: string) =>
      new Request("http://localhost/api/stripe/webhook", { method: "POST", body: payload, headers: signature ? { "stripe-signature": signature } : {} });
    const unsigned = await POST(request());
    expect(unsigned.status).toBe(400);
    const response = await POST(request(header));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    expect(await h.db.select().from(accessWindows).where(eq(accessWindows.userId, reader.id))).toHaveLength(1);
  });
});

describe("a database failure in the middle of an event", () => {
  it("answers 500, leaves no partial rows, logs the error; the redelivery after the fix applies it", async () => {
    const { event, reader, session } = await paidPrepaidEvent("diskfull@example.test");
    // The payment row is updated first; then the window insert hits this constraint (as a full disk
    // or a lost connection would hit it): the whole transaction must roll back.
    await h.db.execute(sql.raw(`alter table access_windows add constraint test_refuse_window check (reference <> '${session.id}') not valid`));

    const failed = await deliver(event);
    expect(failed).toEqual({ status: 500, body: { error: "event processing failed" } });
    const [payment] = await h.db.select().from(payments).where(eq(payments.id, session.id));
    expect(payment).toMatchObject({ status: "pending", paidAt: null, windowId: null });
    expect(await h.db.select().from(accessWindows).where(eq(accessWindows.userId, reader.id))).toHaveLength(0);
    const [logged] = await h.db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
    expect(logged).toMatchObject({ type: "checkout.session.completed", processedAt: null });
    expect(logged!.error).toContain("test_refuse_window");
    expect(await mailsTo(h.db, reader.email)).toHaveLength(0);

    // Stripe retries while the cause persists: still 500, still nothing written.
    expect((await deliver(event)).status).toBe(500);

    await h.db.execute(sql.raw("alter table access_windows drop constraint test_refuse_window"));
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true } });
    expect((await h.db.select().from(payments).where(eq(payments.id, session.id)))[0]!.status).toBe("paid");
    expect(await h.db.select().from(accessWindows).where(eq(accessWindows.userId, reader.id))).toHaveLength(1);
    const [done] = await h.db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
    expect(done!.processedAt).not.toBeNull();
    expect(done!.error).toBeNull();
    expect(await deliver(event)).toEqual({ status: 200, body: { duplicate: true } });
  });

  it("answers 500 when Stripe cannot be reached for the re-read, so the event comes again", async () => {
    const reader = await makeReader(h.db, "offline@example.test");
    const customer = await ensureStripeCustomer(reader);
    const sub = h.double.createSubscriptionDirect({ customer, price: "caixinbao_digital-monthly_2500_month", metadata: { userId: reader.id, planKey: "digital-monthly" } });
    const { event } = h.double.buildEvent("customer.subscription.updated", sub.id);
    // Point the SDK at a closed port: the re-read fails before any transaction opens.
    process.env.STRIPE_API_BASE = "http://127.0.0.1:9";
    resetEnvCache();
    resetStripeClient();
    try {
      expect((await deliver(event)).status).toBe(500);
    } finally {
      process.env.STRIPE_API_BASE = h.double.url;
      resetEnvCache();
      resetStripeClient();
    }
    const [logged] = await h.db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
    expect(logged).toMatchObject({ processedAt: null });
    expect(logged!.error).toBeTruthy();
    expect(await h.db.select().from(accessWindows).where(eq(accessWindows.userId, reader.id))).toHaveLength(0);
    expect((await deliver(event)).status).toBe(200);
    expect(await h.db.select().from(accessWindows).where(eq(accessWindows.userId, reader.id))).toHaveLength(1);
  });
});
