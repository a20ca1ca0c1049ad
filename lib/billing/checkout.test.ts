import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments, subscriptions } from "@/db/schema";
import { resetEnvCache } from "@/lib/env";
import { NOT_CONFIGURED, startCheckout } from "./checkout";
import { resetStripeClient } from "./stripe";
import { type Harness, makeReader, startHarness } from "./webhook/test-harness";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

describe("starting Checkout", () => {
  it("sets up a recurring plan with the reader's customer, metadata, promotion codes and a first-time trial", async () => {
    const reader = await makeReader(h.db, "monthly@checkout.test");
    const result = await startCheckout(reader, "digital-monthly");
    expect(result).toHaveProperty("url");
    const session = h.double.checkoutSessions().at(-1)!;
    expect(session.mode).toBe("subscription");
    expect(session.client_reference_id).toBe(reader.id);
    expect(session.metadata).toMatchObject({ userId: reader.id, planKey: "digital-monthly", kind: "subscription" });
    expect(session.allow_promotion_codes).toBe(true);
    expect(session.customer).toMatch(/^cus_/);
    expect(session.success_url).toContain("/subscribe/success?session_id=");

    // A second checkout reuses the same Stripe customer.
    await startCheckout(reader, "digital-yearly");
    expect(h.double.checkoutSessions().at(-1)!.customer).toBe(session.customer);
  });

  it("offers card, Alipay and WeChat Pay (web) for a prepaid term, and records the pending payment", async () => {
    const reader = await makeReader(h.db, "prepaid@checkout.test");
    await startCheckout(reader, "digital-prepaid-3");
    const session = h.double.checkoutSessions().at(-1)!;
    expect(session.mode).toBe("payment");
    expect(session.payment_method_types).toEqual(expect.arrayContaining(["card", "alipay", "wechat_pay"]));
    expect(session.payment_method_options?.wechat_pay?.client).toBe("web");
    const rows = await h.db.select().from(payments);
    expect(rows.find((p) => p.id === session.id)).toMatchObject({ userId: reader.id, status: "pending", planKey: "digital-prepaid-3" });
  });

  it("sends a reader with a live recurring subscription to manage it instead of starting a second", async () => {
    const reader = await makeReader(h.db, "twice@checkout.test");
    await h.db.insert(subscriptions).values({ id: "sub_live_test", userId: reader.id, planKey: "digital-monthly", status: "active", stateAt: new Date() });
    const before = h.double.checkoutSessions().length;
    expect(await startCheckout(reader, "digital-yearly")).toEqual({ manage: true });
    expect(h.double.checkoutSessions()).toHaveLength(before);
  });

  it("carries a recent QR scan in the metadata (recurring and prepaid), and nothing when there was none", async () => {
    const reader = await makeReader(h.db, "scanned@checkout.test");
    const scannedAt = new Date(Date.now() - 2 * 86_400_000);
    await startCheckout(reader, "digital-monthly", { codeId: 17, scannedAt });
    expect(h.double.checkoutSessions().at(-1)!.metadata).toEqual({
      userId: reader.id,
      planKey: "digital-monthly",
      kind: "subscription",
      qr_code_id: "17",
      qr_scanned_at: scannedAt.toISOString(),
    });
    await startCheckout(reader, "digital-prepaid-1", { codeId: 17, scannedAt });
    expect(h.double.checkoutSessions().at(-1)!.metadata).toMatchObject({ kind: "prepaid", qr_code_id: "17", qr_scanned_at: scannedAt.toISOString() });
    await startCheckout(reader, "digital-yearly");
    expect(Object.keys(h.double.checkoutSessions().at(-1)!.metadata ?? {}).sort()).toEqual(["kind", "planKey", "userId"]);
  });

  it("refuses unknown plans", async () => {
    const reader = await makeReader(h.db, "unknown@checkout.test");
    expect(await startCheckout(reader, "no-such-plan")).toEqual({ error: "没有这个订阅方案" });
  });

  it("without Stripe keys there is no payment path at all", async () => {
    const saved = process.env.STRIPE_SECRET_KEY;
    delete process.env.STRIPE_SECRET_KEY;
    resetEnvCache();
    resetStripeClient();
    try {
      const reader = await makeReader(h.db, "nokeys@checkout.test");
      expect(await startCheckout(reader, "digital-monthly")).toEqual({ error: NOT_CONFIGURED });
    } finally {
      process.env.STRIPE_SECRET_KEY = saved;
      resetEnvCache();
      resetStripeClient();
    }
  });
});
