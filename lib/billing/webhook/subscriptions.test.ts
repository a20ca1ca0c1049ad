import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { accessWindows, billingCustomers, plans, stripeEvents, subscriptions } from "@/db/schema";
import { ensureStripeCustomer } from "../customers";
import { PAST_DUE_GRACE_MS } from "../subscription-state";
import { deliver, deliverAll, mailsTo, makeReader, startHarness, type Harness } from "./test-harness";

/** Subscriptions end to end: Checkout, renewals, failed payments, cancellation, each event's effect. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  await h.close();
});

type Reader = Awaited<ReturnType<typeof makeReader>>;
const at = (unix: number) => new Date(unix * 1000);

/** What the checkout code does for a recurring plan, then the reader pays on the hosted page. */
async function subscribe(reader: Reader, planKey = "digital-monthly", options: { trialDays?: number; shipping?: boolean } = {}) {
  const [plan] = await h.db.select().from(plans).where(eq(plans.key, planKey));
  const session = await h.stripe.checkout.sessions.create({
    mode: "subscription",
    customer: await ensureStripeCustomer(reader),
    client_reference_id: reader.id,
    metadata: { userId: reader.id, planKey, kind: "subscription" },
    subscription_data: { metadata: { userId: reader.id, planKey }, ...(options.trialDays && { trial_period_days: options.trialDays }) },
    line_items: [{ price: plan!.stripePriceId!, quantity: 1 }],
    success_url: "http://localhost:3000/subscribe/success",
    ...(options.shipping && { shipping_address_collection: { allowed_countries: ["CN"] } }),
  });
  h.newEvents();
  const shipping = { name: "王读者", address: { line1: "新华大街 1 号", city: "呼和浩特", postal_code: "010000", state: "内蒙古", country: "CN" } };
  const done = await h.double.completeCheckout(session.id, "card", options.shipping ? { shipping } : undefined);
  return { session: done, subscriptionId: done.subscription as string, events: h.newEvents() };
}

const rowOf = async (id: string) => (await h.db.select().from(subscriptions).where(eq(subscriptions.id, id)))[0];
const windowOf = async (id: string) => (await h.db.select().from(accessWindows).where(eq(accessWindows.reference, id)))[0];
const stripeSub = (id: string) => h.double.subscriptions().find((s) => s.id === id)!;
const periodEnd = (id: string) => at(stripeSub(id).items.data[0]!.current_period_end);

describe("subscription events", () => {
  it("checkout.session.completed + customer.subscription.created + invoice.paid: customer, row, window, one mail", async () => {
    const reader = await makeReader(h.db, "subscriber@example.test");
    const { subscriptionId, events, session } = await subscribe(reader);
    expect(events.map((e) => e.type).sort()).toEqual(["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
    await deliverAll(events);

    const [customer] = await h.db.select().from(billingCustomers).where(eq(billingCustomers.userId, reader.id));
    expect(customer!.stripeCustomerId).toBe(session.customer);
    const sub = stripeSub(subscriptionId);
    expect(await rowOf(subscriptionId)).toMatchObject({
      userId: reader.id,
      planKey: "digital-monthly",
      status: "active",
      currentPeriodEnd: periodEnd(subscriptionId),
      cancelAtPeriodEnd: false,
      paymentMethodType: "card",
    });
    expect(await windowOf(subscriptionId)).toMatchObject({ userId: reader.id, source: "subscription", startsAt: at(sub.start_date), endsAt: periodEnd(subscriptionId) });
    const mails = await mailsTo(h.db, reader.email);
    expect(mails.map((m) => m.subject)).toEqual(["财信报:您的订阅已生效"]);
  });

  it("keeps the shipping address Checkout collected for a print subscription", async () => {
    const reader = await makeReader(h.db, "print@example.test");
    const { subscriptionId, events } = await subscribe(reader, "print-digital-yearly", { shipping: true });
    await deliverAll(events);
    expect((await rowOf(subscriptionId))!.shippingAddress).toMatchObject({ name: "王读者", address: { city: "呼和浩特", country: "CN" } });
  });

  it("a trial grants access to the trial end", async () => {
    const reader = await makeReader(h.db, "trial@example.test");
    const { subscriptionId, events } = await subscribe(reader, "digital-monthly", { trialDays: 7 });
    await deliverAll(events);
    const trialEnd = at(stripeSub(subscriptionId).trial_end!);
    expect(await rowOf(subscriptionId)).toMatchObject({ status: "trialing", trialEnd });
    expect((await windowOf(subscriptionId))!.endsAt).toEqual(trialEnd);
    expect((await mailsTo(h.db, reader.email))[0]!.text).toContain("免费试读至");
  });

  it("invoice.paid on renewal moves the window to the new period end", async () => {
    const reader = await makeReader(h.db, "renews@example.test");
    const { subscriptionId, events } = await subscribe(reader);
    await deliverAll(events);
    const firstEnd = periodEnd(subscriptionId);
    await h.double.renewSubscription(subscriptionId);
    const renewal = h.newEvents();
    expect(renewal.map((e) => e.type)).toEqual(["invoice.paid", "customer.subscription.updated"]);
    await deliver(renewal[0]!); // invoice.paid alone already carries the news, by the re-read
    expect(periodEnd(subscriptionId).getTime()).toBeGreaterThan(firstEnd.getTime());
    expect((await windowOf(subscriptionId))!.endsAt).toEqual(periodEnd(subscriptionId));
    await deliver(renewal[1]!);
    expect((await mailsTo(h.db, reader.email)).map((m) => m.subject)).toEqual(["财信报:您的订阅已生效", "财信报:续费成功"]);
  });

  it("invoice.payment_failed: past_due keeps a 3-day grace after the paid period, mails a portal link once; paying restores", async () => {
    const reader = await makeReader(h.db, "pastdue@example.test");
    const { subscriptionId, events } = await subscribe(reader);
    await deliverAll(events);
    const paidUntil = periodEnd(subscriptionId);
    await h.double.failPayment(subscriptionId);
    await h.double.failPayment(subscriptionId); // Stripe's retry fails too: same invoice, second attempt
    const failures = h.newEvents();
    expect(failures.filter((e) => e.type === "invoice.payment_failed")).toHaveLength(2);
    await deliverAll(failures);

    expect((await rowOf(subscriptionId))!.status).toBe("past_due");
    expect((await windowOf(subscriptionId))!.endsAt).toEqual(new Date(paidUntil.getTime() + PAST_DUE_GRACE_MS));
    const failedMails = (await mailsTo(h.db, reader.email)).filter((m) => m.subject === "财信报:订阅续费未成功");
    expect(failedMails).toHaveLength(1);
    expect(failedMails[0]!.text).toContain(h.double.url); // the double's Customer Portal session
    expect(failedMails[0]!.text).toContain("http://localhost:3000/account");

    await h.double.renewSubscription(subscriptionId); // the card is fixed; the open invoice is paid
    await deliverAll(h.newEvents());
    expect((await rowOf(subscriptionId))!.status).toBe("active");
    expect((await windowOf(subscriptionId))!.endsAt).toEqual(periodEnd(subscriptionId));
  });

  it("cancel_at_period_end keeps access to the period end; the period end then ends the window", async () => {
    const reader = await makeReader(h.db, "leaving@example.test");
    const { subscriptionId, events } = await subscribe(reader);
    await deliverAll(events);
    const end = periodEnd(subscriptionId);
    await h.stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true });
    await h.double.flush();
    await deliverAll(h.newEvents());
    expect(await rowOf(subscriptionId)).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
    expect((await windowOf(subscriptionId))!.endsAt).toEqual(end);

    await h.double.renewSubscription(subscriptionId); // the period ends instead of renewing
    const deleted = h.newEvents();
    expect(deleted.map((e) => e.type)).toEqual(["customer.subscription.deleted"]);
    await deliverAll(deleted);
    expect(await rowOf(subscriptionId)).toMatchObject({ status: "canceled", endedAt: end });
    expect((await windowOf(subscriptionId))!.endsAt).toEqual(end);
  });

  it("customer.subscription.deleted after an immediate cancel ends access now", async () => {
    const reader = await makeReader(h.db, "canceled@example.test");
    const { subscriptionId, events } = await subscribe(reader);
    await deliverAll(events);
    await h.stripe.subscriptions.cancel(subscriptionId);
    await h.double.flush();
    await deliverAll(h.newEvents());
    const endedAt = at(stripeSub(subscriptionId).ended_at!);
    expect(await rowOf(subscriptionId)).toMatchObject({ status: "canceled", endedAt });
    expect((await windowOf(subscriptionId))!.endsAt).toEqual(endedAt);
    expect(endedAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("a prepaid term bought while subscribed starts when the subscription's period ends; a second one stacks", async () => {
    const reader = await makeReader(h.db, "both@example.test");
    const { subscriptionId, events } = await subscribe(reader);
    await deliverAll(events);
    const subscriptionEnd = periodEnd(subscriptionId);
    const terms = [];
    for (const planKey of ["digital-prepaid-1", "digital-prepaid-3"]) {
      const metadata = { userId: reader.id, planKey, kind: "prepaid" };
      const [plan] = await h.db.select().from(plans).where(eq(plans.key, planKey));
      const session = await h.stripe.checkout.sessions.create({
        mode: "payment",
        customer: await ensureStripeCustomer(reader),
        metadata,
        payment_intent_data: { metadata },
        line_items: [{ price: plan!.stripePriceId!, quantity: 1 }],
        success_url: "http://localhost:3000/subscribe/success",
      });
      await h.double.completeCheckout(session.id, "card");
      await deliverAll(h.newEvents());
      terms.push((await windowOf(session.id))!);
    }
    expect(terms[0]!.startsAt).toEqual(subscriptionEnd);
    expect(terms[1]!.startsAt).toEqual(terms[0]!.endsAt);
    const months = (w: { startsAt: Date; endsAt: Date | null }) => Math.round((w.endsAt!.getTime() - w.startsAt.getTime()) / (30.4 * 86_400_000));
    expect([months(terms[0]!), months(terms[1]!)]).toEqual([1, 3]);
  });

  it("a subscription nobody here knows is acknowledged without writing", async () => {
    const customer = await h.stripe.customers.create({ email: "stranger@example.test" });
    const sub = h.double.createSubscriptionDirect({ customer: customer.id, price: "caixinbao_digital-monthly_2500_month" });
    const { event } = h.double.buildEvent("customer.subscription.created", sub.id);
    expect(await deliver(event)).toMatchObject({ status: 200, body: { received: true } });
    expect(await rowOf(sub.id)).toBeUndefined();
    expect((await h.db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id)))[0]!.processedAt).not.toBeNull();
  });
});
