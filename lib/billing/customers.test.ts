import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { billingCustomers } from "@/db/schema";
import { customerIdForUser, ensureStripeCustomer, userIdForCustomer } from "./customers";
import { makeReader, startHarness, type Harness } from "./webhook/test-harness";

describe("ensureStripeCustomer", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ syncCatalog: false });
  });
  afterAll(async () => h.close());

  it("creates a customer carrying the reader's id once, then reuses it", async () => {
    const reader = await makeReader(h.db, "customer@example.test");
    const id = await ensureStripeCustomer(reader);
    expect(await ensureStripeCustomer(reader)).toBe(id);
    const customer = h.double.customers().find((c) => c.id === id)!;
    expect(customer).toMatchObject({ email: "customer@example.test", name: "读者", metadata: { userId: reader.id } });
    expect(await customerIdForUser(reader.id)).toBe(id);
    expect(await userIdForCustomer(id)).toBe(reader.id);
    expect(await userIdForCustomer("cus_unknown")).toBeNull();
  });

  it("gives simultaneous first checkouts of one reader the same customer", async () => {
    const reader = await makeReader(h.db, "eager@example.test");
    const before = h.double.customers().length;
    const ids = await Promise.all(Array.from({ length: 5 }, () => ensureStripeCustomer(reader)));
    expect(new Set(ids).size).toBe(1);
    expect(await h.db.select().from(billingCustomers).where(eq(billingCustomers.userId, reader.id))).toHaveLength(1);
    // Stripe's idempotency key makes the five creates one customer; no orphan is left behind.
    const live = h.double.customers().filter((c) => c.metadata.userId === reader.id && !(c as { deleted?: boolean }).deleted);
    expect(live.map((c) => c.id)).toEqual([ids[0]]);
    expect(h.double.customers().length - before).toBeLessThanOrEqual(1);
  });
});
