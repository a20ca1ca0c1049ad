import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { accessWindows, plans, subscriptions } from "@/db/schema";
import { ensureStripeCustomer } from "../customers";
import { PAST_DUE_GRACE_MS, subscriptionState } from "../subscription-state";
import { onSubscriptionEvent } from "./subscriptions";
import { deliver, deliverAll, makeReader, shuffled, startHarness, type Harness } from "./test-harness";

/**
 * Stripe delivers in any order and may be slow. The re-read plus stateAt make
 * the end state independent of the order events arrive in.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  await h.close();
});

async function subscribe(email: string): Promise<string> {
  const reader = await makeReader(h.db, email);
  const [plan] = await h.db.select().from(plans).where(eq(plans.key, "digital-monthly"));
  const session = await h.stripe.checkout.sessions.create({
    mode: "subscription",
    customer: await ensureStripeCustomer(reader),
    client_reference_id: reader.id,
    metadata: { userId: reader.id, planKey: plan!.key, kind: "subscription" },
    subscription_data: { metadata: { userId: reader.id, planKey: plan!.key } },
    line_items: [{ price: plan!.stripePriceId!, quantity: 1 }],
    success_url: "http://localhost:3000/subscribe/success",
  });
  return (await h.double.completeCheckout(session.id, "card")).subscription as string;
}

/** One scenario, step by step; each step makes Stripe emit one or more events (21 in all, 22 with the final cancel). */
function steps(id: string, endCanceled: boolean): (() => Promise<unknown>)[] {
  const cancelAtEnd = (value: boolean) => async () => {
    await h.stripe.subscriptions.update(id, { cancel_at_period_end: value });
    await h.double.flush();
  };
  const list = [
    cancelAtEnd(true),
    cancelAtEnd(false),
    () => h.double.renewSubscription(id),
    () => h.double.failPayment(id),
    () => h.double.renewSubscription(id),
    cancelAtEnd(true),
    cancelAtEnd(false),
    () => h.double.renewSubscription(id),
    () => h.double.failPayment(id),
    () => h.double.failPayment(id), // a retry on the same invoice: invoice.payment_failed only
    cancelAtEnd(true),
    cancelAtEnd(false),
    cancelAtEnd(true),
  ];
  if (endCanceled) list.push(async () => (await h.stripe.subscriptions.cancel(id), await h.double.flush()));
  return list;
}

/** The stored row and window, with times relative to the start (two subscriptions begin a second apart). */
async function stateOf(id: string) {
  const [row] = await h.db.select().from(subscriptions).where(eq(subscriptions.id, id));
  const [window] = await h.db.select().from(accessWindows).where(eq(accessWindows.reference, id));
  const start = window!.startsAt.getTime();
  return {
    row: row!,
    window: window!,
    relative: {
      status: row!.status,
      cancelAtPeriodEnd: row!.cancelAtPeriodEnd,
      periodEnd: row!.currentPeriodEnd!.getTime() - start,
      ended: row!.endedAt !== null,
    },
  };
}

/** What Stripe says now, put through the same rule: the stored state must be exactly this. */
async function expectMatchesStripe(id: string, endCanceled: boolean) {
  const sub = await h.stripe.subscriptions.retrieve(id, { expand: ["latest_invoice"] });
  const { row, window } = await stateOf(id);
  expect(row).toMatchObject({
    status: sub.status,
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    currentPeriodEnd: new Date(sub.items.data[0]!.current_period_end * 1000),
    endedAt: sub.ended_at ? new Date(sub.ended_at * 1000) : null,
  });
  expect(window.endsAt).toEqual(subscriptionState(sub).window.endsAt);
  if (endCanceled) {
    expect(row.status).toBe("canceled");
    expect(window.endsAt).toEqual(new Date(sub.ended_at! * 1000));
  } else {
    expect(row).toMatchObject({ status: "past_due", cancelAtPeriodEnd: true });
    const open = sub.latest_invoice as Stripe.Invoice;
    expect(window.endsAt).toEqual(new Date(open.lines.data[0]!.period.start * 1000 + PAST_DUE_GRACE_MS));
  }
}

describe.each([
  { endCanceled: false, seed: 7 },
  { endCanceled: true, seed: 1234 },
])("21+ events of one subscription, shuffled (ends canceled: $endCanceled)", ({ endCanceled, seed }) => {
  it("end in the same state as delivered in order", async () => {
    // A: every event delivered as it happens, in order.
    const a = await subscribe(`inorder-${seed}@example.test`);
    const aEvents: Stripe.Event[] = [...h.newEvents()];
    await deliverAll(aEvents);
    for (const step of steps(a, endCanceled)) {
      await step();
      const fresh = h.newEvents();
      aEvents.push(...fresh);
      await deliverAll(fresh);
    }
    expect(aEvents.length).toBe(endCanceled ? 22 : 21);

    // B: the same story, but events held back and released in a scrambled order, some while it goes on.
    const b = await subscribe(`shuffled-${seed}@example.test`);
    let pending: Stripe.Event[] = [...h.newEvents()];
    let round = seed;
    for (const step of steps(b, endCanceled)) {
      await step();
      pending = shuffled([...pending, ...h.newEvents()], ++round);
      const release = pending.splice(0, round % 3); // 0, 1 or 2 now; the rest later
      await deliverAll(release);
    }
    await deliverAll(shuffled(pending, round + 1));

    expect((await stateOf(b)).relative).toEqual((await stateOf(a)).relative);
    await expectMatchesStripe(a, endCanceled);
    await expectMatchesStripe(b, endCanceled);
  });
});

describe("a slow handler", () => {
  it("does not overwrite a newer state written by a faster one", async () => {
    const id = await subscribe("slow@example.test");
    await deliverAll(h.newEvents());
    const { event: first } = h.double.buildEvent("customer.subscription.updated", id);
    const slow = await onSubscriptionEvent(first, h.stripe); // reads Stripe now: active, renewing

    await h.stripe.subscriptions.update(id, { cancel_at_period_end: true });
    await h.double.flush();
    const [later] = h.newEvents();
    expect(await deliver(later!)).toMatchObject({ status: 200 }); // the faster one: cancel_at_period_end

    const outcome = await h.db.transaction((tx) => slow.apply(tx)); // the slow one finally writes
    expect(outcome.note).toMatch(/stale/);
    const [row] = await h.db.select().from(subscriptions).where(eq(subscriptions.id, id));
    expect(row!.cancelAtPeriodEnd).toBe(true);
  });
});
