import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { accessWindows, gifts, payments, plans, stripeEvents } from "@/db/schema";
import { ensureStripeCustomer } from "../customers";
import { deliver, deliverAll, mailsTo, makeReader, startHarness, type Harness } from "./test-harness";

/** Checkout in payment mode: prepaid terms and gifts, paid at once or later, or failing. */
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

type Reader = Awaited<ReturnType<typeof makeReader>>;

/** What the checkout code does for a prepaid term or a gift (conventions shared with lib/billing/checkout.ts). */
async function startPayment(reader: Reader, planKey: string, gift?: number, options = { paymentRow: true }) {
  const [plan] = await h.db.select().from(plans).where(eq(plans.key, planKey));
  const metadata: Record<string, string> = { userId: reader.id, planKey, kind: gift ? "gift" : "prepaid", ...(gift && { giftId: String(gift) }) };
  const session = await h.stripe.checkout.sessions.create({
    mode: "payment",
    customer: await ensureStripeCustomer(reader),
    client_reference_id: reader.id,
    metadata,
    payment_intent_data: { metadata },
    line_items: [{ price: plan!.stripePriceId!, quantity: 1 }],
    allowed_payment_method_types: ["card", "alipay", "wechat_pay"],
    payment_method_options: { wechat_pay: { client: "web" } },
    success_url: "http://localhost:3000/subscribe/success",
    cancel_url: "http://localhost:3000/subscribe",
  });
  if (gift) await h.db.update(gifts).set({ checkoutSessionId: session.id }).where(eq(gifts.id, gift));
  else if (options.paymentRow) await h.db.insert(payments).values({ id: session.id, userId: reader.id, planKey, amountFen: plan!.amountFen });
  return session;
}

const windowsOf = (userId: string) => h.db.select().from(accessWindows).where(eq(accessWindows.userId, userId));
const paymentOf = async (id: string) => (await h.db.select().from(payments).where(eq(payments.id, id)))[0]!;

async function newGift(buyer: Reader) {
  const [gift] = await h.db
    .insert(gifts)
    .values({
      buyerUserId: buyer.id,
      recipientEmail: "friend@example.test",
      planKey: "digital-prepaid-3",
      months: 3,
      tokenHash: `hash-${buyer.id}`,
      tokenSealed: "sealed",
      expiresAt: new Date(Date.now() + 365 * 86_400_000),
    })
    .returning();
  return gift!;
}

describe("checkout.session.completed, payment mode", () => {
  it("prepaid paid at once: marks the payment paid, grants the months, mails once", async () => {
    const reader = await makeReader(h.db, "alipay@example.test");
    const session = await startPayment(reader, "digital-prepaid-1");
    h.newEvents();
    const before = Date.now();
    await h.double.completeCheckout(session.id, "alipay");
    const events = h.newEvents();
    expect(events.map((e) => e.type)).toEqual(["checkout.session.completed"]);
    const [reply] = await deliverAll(events);
    expect(reply!.body).toEqual({ received: true });

    const payment = await paymentOf(session.id);
    expect(payment).toMatchObject({ status: "paid", amountFen: 3000 });
    expect(payment.paidAt).not.toBeNull();
    expect(payment.paymentIntentId).toMatch(/^pi_/);
    const [window] = await windowsOf(reader.id);
    expect(window).toMatchObject({ source: "prepaid", reference: session.id, id: payment.windowId });
    expect(window!.startsAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const days = (window!.endsAt!.getTime() - window!.startsAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(28);
    expect(days).toBeLessThanOrEqual(31);
    const mails = await mailsTo(h.db, reader.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("财信报:您的订阅已生效");
    expect(mails[0]!.text).toMatch(/可阅读至 \d{4}年\d{1,2}月\d{1,2}日\(含当日\)/);
  });

  it("the same event delivered 10 times (5 in a row, then 5 at once) applies once", async () => {
    const reader = await makeReader(h.db, "tenfold@example.test");
    const session = await startPayment(reader, "digital-prepaid-3");
    h.newEvents();
    await h.double.completeCheckout(session.id, "card");
    const [event] = h.newEvents();
    const sequential = [];
    for (let i = 0; i < 5; i++) sequential.push(await deliver(event!));
    const firstProcessed = (await h.db.select().from(stripeEvents).where(eq(stripeEvents.id, event!.id)))[0]!.processedAt;
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => deliver(event!)));
    const bodies = [...sequential, ...concurrent].map((r) => r.body);
    expect(bodies.filter((b) => JSON.stringify(b) === JSON.stringify({ received: true }))).toHaveLength(1);
    expect(bodies.filter((b) => JSON.stringify(b) === JSON.stringify({ duplicate: true }))).toHaveLength(9);
    expect([...sequential, ...concurrent].every((r) => r.status === 200)).toBe(true);

    expect(await windowsOf(reader.id)).toHaveLength(1);
    expect(await h.db.select().from(payments).where(eq(payments.userId, reader.id))).toHaveLength(1);
    const rows = await h.db.select().from(stripeEvents).where(eq(stripeEvents.id, event!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.processedAt).toEqual(firstProcessed);
    expect(await mailsTo(h.db, reader.email)).toHaveLength(1);
  });

  it("five purchases of one reader arriving at once all apply, stacked end to start (no deadlock)", async () => {
    const reader = await makeReader(h.db, "fivefold@example.test");
    const sessions = [];
    // No payments rows (as if the checkout code's insert was lost): the handler inserts them from the
    // metadata, and those inserts lock the reader's row (foreign key) before the grant locks it again.
    for (let i = 0; i < 5; i++) sessions.push(await startPayment(reader, "digital-prepaid-1", undefined, { paymentRow: false }));
    h.newEvents();
    for (const session of sessions) await h.double.completeCheckout(session.id, "card");
    const replies = await Promise.all(h.newEvents().map((event) => deliver(event)));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const windows = (await windowsOf(reader.id)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    expect(windows).toHaveLength(5);
    for (let i = 1; i < 5; i++) expect(windows[i]!.startsAt).toEqual(windows[i - 1]!.endsAt);
  });

  it("a delayed method: pending at completion, paid by async_payment_succeeded", async () => {
    const reader = await makeReader(h.db, "delayed@example.test");
    const session = await startPayment(reader, "digital-prepaid-1");
    h.newEvents();
    await h.double.completeCheckout(session.id, "delayed");
    await deliverAll(h.newEvents());
    expect((await paymentOf(session.id)).status).toBe("pending");
    expect(await windowsOf(reader.id)).toHaveLength(0);

    await h.double.asyncPaymentResult(session.id, "succeeded");
    const events = h.newEvents();
    expect(events.map((e) => e.type)).toEqual(["checkout.session.async_payment_succeeded"]);
    await deliverAll(events);
    expect((await paymentOf(session.id)).status).toBe("paid");
    expect(await windowsOf(reader.id)).toHaveLength(1);
  });

  it("a delayed payment that fails: payment failed, no access, the buyer told once", async () => {
    const reader = await makeReader(h.db, "bounced@example.test");
    const session = await startPayment(reader, "digital-prepaid-1");
    await h.double.completeCheckout(session.id, "delayed");
    await h.double.asyncPaymentResult(session.id, "failed");
    const events = h.newEvents();
    expect(events.at(-1)!.type).toBe("checkout.session.async_payment_failed");
    await deliverAll(events);
    await deliver(events.at(-1)!);
    expect((await paymentOf(session.id)).status).toBe("failed");
    expect(await windowsOf(reader.id)).toHaveLength(0);
    const mails = await mailsTo(h.db, reader.email);
    expect(mails.map((m) => m.subject)).toEqual(["财信报:付款未完成"]);
    expect(mails[0]!.text).toContain("http://localhost:3000/subscribe");
  });

  it("a gift paid: the gift becomes paid (claimable), nobody gets a window yet", async () => {
    const buyer = await makeReader(h.db, "giver@example.test");
    const gift = await newGift(buyer);
    const session = await startPayment(buyer, "digital-prepaid-3", gift.id);
    await h.double.completeCheckout(session.id, "wechat_pay");
    await deliverAll(h.newEvents());
    const [paid] = await h.db.select().from(gifts).where(eq(gifts.id, gift.id));
    expect(paid).toMatchObject({ status: "paid", checkoutSessionId: session.id, windowId: null });
    expect(paid!.paidAt).not.toBeNull();
    expect(await windowsOf(buyer.id)).toHaveLength(0);
  });

  it("a gift whose delayed payment fails stays unpaid, and the buyer is told", async () => {
    const buyer = await makeReader(h.db, "giver2@example.test");
    const gift = await newGift(buyer);
    const session = await startPayment(buyer, "digital-prepaid-3", gift.id);
    await h.double.completeCheckout(session.id, "delayed");
    await h.double.asyncPaymentResult(session.id, "failed");
    await deliverAll(h.newEvents());
    expect((await h.db.select().from(gifts).where(eq(gifts.id, gift.id)))[0]).toMatchObject({ status: "pending", paidAt: null });
    const [mail] = await mailsTo(h.db, buyer.email);
    expect(mail!.text).toContain("赠送的「数字版 · 3 个月」礼物");
  });
});
