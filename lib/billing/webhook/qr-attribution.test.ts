import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { gifts, plans, qrAttributions, qrCodes } from "@/db/schema";
import { startCheckout } from "../checkout";
import { ensureStripeCustomer } from "../customers";
import { deliver, deliverAll, makeReader, startHarness, type Harness } from "./test-harness";

/** The funnel's last step: a paid checkout started after a QR scan is attributed to the code, once. */
let h: Harness;
let codeId = 0;
const DAY = 86_400_000;

beforeAll(async () => {
  h = await startHarness();
  vi.spyOn(console, "info").mockImplementation(() => {});
  codeId = (await h.db.insert(qrCodes).values({ code: "PAYS234", label: "头版订阅", placement: "masthead", destination: "subscribe" }).returning())[0]!.id;
});
afterAll(async () => {
  vi.restoreAllMocks();
  await h.close();
});

type Reader = Awaited<ReturnType<typeof makeReader>>;

const subscriptionsOf = (userId: string) => h.db.select().from(qrAttributions).where(eq(qrAttributions.userId, userId));

/** The reader checks out through our checkout code (with the scan), then pays on the hosted page. */
async function buy(reader: Reader, planKey: string, scannedAt: Date, method: "card" | "alipay" = "card") {
  const result = await startCheckout(reader, planKey, { codeId, scannedAt });
  if (!("url" in result)) throw new Error(`no checkout: ${JSON.stringify(result)}`);
  const session = h.double.checkoutSessions().at(-1)!;
  h.newEvents();
  await h.double.completeCheckout(session.id, method);
  return { session, events: h.newEvents() };
}

describe("subscriptions attributed to a QR code", () => {
  it("attributes a recurring subscription paid within seven days of the scan, once, even when the events repeat", async () => {
    const reader = await makeReader(h.db, "monthly@qr.test");
    const scannedAt = new Date(Date.now() - 3 * DAY);
    const { events } = await buy(reader, "digital-monthly", scannedAt);
    await deliverAll(events);
    const completed = events.find((e) => e.type === "checkout.session.completed")!;
    expect((await deliver(completed)).body).toEqual({ duplicate: true });
    // The same event under a new id (as a resend from the dashboard would be) still writes nothing new.
    expect((await deliver({ ...completed, id: `${completed.id}_again` })).status).toBe(200);
    const rows = await subscriptionsOf(reader.id);
    expect(rows).toEqual([expect.objectContaining({ codeId, kind: "subscription", scannedAt })]);
  });

  it("attributes a prepaid term (Alipay) and no second one for another purchase after the same scan", async () => {
    const reader = await makeReader(h.db, "prepaid@qr.test");
    const scannedAt = new Date(Date.now() - DAY);
    await deliverAll((await buy(reader, "digital-prepaid-1", scannedAt, "alipay")).events);
    await deliverAll((await buy(reader, "digital-prepaid-3", scannedAt, "alipay")).events);
    expect(await subscriptionsOf(reader.id)).toEqual([expect.objectContaining({ codeId, kind: "subscription" })]);
  });

  it("does not attribute a payment completed more than seven days after the scan", async () => {
    const reader = await makeReader(h.db, "late@qr.test");
    await deliverAll((await buy(reader, "digital-prepaid-1", new Date(Date.now() - 8 * DAY))).events);
    expect(await subscriptionsOf(reader.id)).toEqual([]);
  });

  it("does not attribute to a code deleted before the payment, and still grants the access", async () => {
    const reader = await makeReader(h.db, "deleted@qr.test");
    const [temp] = await h.db.insert(qrCodes).values({ code: "TEMP234", label: "临时", placement: "campaign", destination: "subscribe" }).returning();
    await startCheckout(reader, "digital-prepaid-1", { codeId: temp!.id, scannedAt: new Date(Date.now() - DAY) });
    const session = h.double.checkoutSessions().at(-1)!;
    await h.db.delete(qrCodes).where(eq(qrCodes.id, temp!.id));
    h.newEvents();
    await h.double.completeCheckout(session.id, "card");
    const [reply] = await deliverAll(h.newEvents());
    expect(reply!.body).toEqual({ received: true });
    expect(await subscriptionsOf(reader.id)).toEqual([]);
  });

  it("does not attribute gifts: the buyer is not the reader who subscribes", async () => {
    const buyer = await makeReader(h.db, "giver@qr.test");
    const [gift] = await h.db
      .insert(gifts)
      .values({ buyerUserId: buyer.id, recipientEmail: "friend@qr.test", planKey: "digital-prepaid-3", months: 3, tokenHash: "qr-gift", tokenSealed: "sealed", expiresAt: new Date(Date.now() + 365 * DAY) })
      .returning();
    const metadata = { userId: buyer.id, planKey: "digital-prepaid-3", kind: "gift", giftId: String(gift!.id), qr_code_id: String(codeId), qr_scanned_at: new Date(Date.now() - DAY).toISOString() };
    const [plan] = await h.db.select().from(plans).where(eq(plans.key, "digital-prepaid-3"));
    const session = await h.stripe.checkout.sessions.create({
      mode: "payment",
      customer: await ensureStripeCustomer(buyer),
      metadata,
      line_items: [{ price: plan!.stripePriceId!, quantity: 1 }],
      success_url: "http://localhost:3000/gift/success",
    });
    await h.db.update(gifts).set({ checkoutSessionId: session.id }).where(eq(gifts.id, gift!.id));
    h.newEvents();
    await h.double.completeCheckout(session.id, "card");
    await deliverAll(h.newEvents());
    expect((await h.db.select().from(gifts).where(eq(gifts.id, gift!.id)))[0]!.status).toBe("paid");
    expect(await subscriptionsOf(buyer.id)).toEqual([]);
  });
});
