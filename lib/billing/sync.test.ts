import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plans } from "@/db/schema";
import { defaultPlans } from "./plan-catalog";
import { priceLookupKey, syncStripeCatalog } from "./sync";
import { startHarness, type Harness } from "./webhook/test-harness";

describe("syncStripeCatalog against the Stripe double", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ syncCatalog: false });
  });
  afterAll(async () => h.close());

  it("refuses to run without a Stripe key", async () => {
    await expect(syncStripeCatalog(h.db, null)).rejects.toThrow(/STRIPE_SECRET_KEY/);
  });

  it("creates one product and one price per plan and stores their ids", async () => {
    const report = await syncStripeCatalog(h.db, h.stripe);
    expect(report.createdProducts).toBe(defaultPlans.length);
    expect(report.createdPrices).toBe(defaultPlans.length);
    expect(h.double.products()).toHaveLength(defaultPlans.length);
    expect(h.double.prices()).toHaveLength(defaultPlans.length);

    const monthly = (await h.db.select().from(plans).where(eq(plans.key, "digital-monthly")))[0]!;
    const price = h.double.prices().find((p) => p.id === monthly.stripePriceId)!;
    expect(price).toMatchObject({ currency: "cny", unit_amount: 2500, lookup_key: "caixinbao_digital-monthly_2500_month", active: true });
    expect(price.recurring?.interval).toBe("month");
    expect(price.product).toBe(monthly.stripeProductId);
    const product = h.double.products().find((p) => p.id === monthly.stripeProductId)!;
    expect(product.metadata).toEqual({ planKey: "digital-monthly" });

    const prepaid = (await h.db.select().from(plans).where(eq(plans.key, "digital-prepaid-3")))[0]!;
    const once = h.double.prices().find((p) => p.id === prepaid.stripePriceId)!;
    expect(once).toMatchObject({ lookup_key: "caixinbao_digital-prepaid-3_8000_once", recurring: null, type: "one_time" });
  });

  it("is idempotent: a second run creates nothing", async () => {
    const before = { products: h.double.products().length, prices: h.double.prices().length };
    const report = await syncStripeCatalog(h.db, h.stripe);
    expect(report).toMatchObject({ createdProducts: 0, createdPrices: 0 });
    expect(report.rows.every((r) => r.product === "found" && r.price === "found")).toBe(true);
    expect({ products: h.double.products().length, prices: h.double.prices().length }).toEqual(before);
  });

  it("finds everything again for a database that lost the Stripe ids", async () => {
    await h.db.update(plans).set({ stripeProductId: null, stripePriceId: null });
    const report = await syncStripeCatalog(h.db, h.stripe);
    expect(report).toMatchObject({ createdProducts: 0, createdPrices: 0 });
    expect((await h.db.select().from(plans)).every((p) => p.stripePriceId && p.stripeProductId)).toBe(true);
  });

  it("replaces the price when the amount changes, deactivating the old one, on the same product", async () => {
    const [old] = await h.db.select().from(plans).where(eq(plans.key, "digital-yearly"));
    await h.db.update(plans).set({ amountFen: 26000 }).where(eq(plans.key, "digital-yearly"));
    const report = await syncStripeCatalog(h.db, h.stripe);
    expect(report).toMatchObject({ createdProducts: 0, createdPrices: 1 });
    const [now] = await h.db.select().from(plans).where(eq(plans.key, "digital-yearly"));
    expect(now!.stripePriceId).not.toBe(old!.stripePriceId);
    expect(now!.stripeProductId).toBe(old!.stripeProductId);
    const prices = h.double.prices();
    expect(prices.find((p) => p.id === old!.stripePriceId)?.active).toBe(false);
    expect(prices.find((p) => p.id === now!.stripePriceId)).toMatchObject({ unit_amount: 26000, lookup_key: priceLookupKey(now!), active: true });
    expect((await syncStripeCatalog(h.db, h.stripe)).createdPrices).toBe(0);
  });
});
