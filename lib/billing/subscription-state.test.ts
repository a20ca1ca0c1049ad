import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { accessWindowEnd, PAST_DUE_GRACE_MS, subscriptionState } from "./subscription-state";

const t = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);
const DAY = 24 * 60 * 60 * 1000;

/** Only the fields the state reads; the rest of a Subscription does not matter here. */
function sub(fields: Partial<Stripe.Subscription> & { periods?: [string, string][] }): Stripe.Subscription {
  const { periods = [["2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z"]], ...rest } = fields;
  return {
    id: "sub_1",
    object: "subscription",
    status: "active",
    start_date: t("2026-04-01T00:00:00Z"),
    cancel_at_period_end: false,
    canceled_at: null,
    ended_at: null,
    trial_end: null,
    customer: "cus_1",
    default_payment_method: null,
    metadata: { userId: "u1", planKey: "digital-monthly" },
    items: {
      object: "list",
      data: periods.map(([start, end], i) => ({ id: `si_${i}`, current_period_start: t(start), current_period_end: t(end), price: { id: `price_${i}` } })),
      has_more: false,
      url: "",
    },
    ...rest,
  } as unknown as Stripe.Subscription;
}

describe("subscriptionState", () => {
  it("reads the period end from the items, taking the latest", () => {
    const state = subscriptionState(
      sub({ periods: [["2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z"], ["2026-05-10T00:00:00Z", "2026-06-10T00:00:00Z"]] }),
    );
    expect(state.currentPeriodEnd).toEqual(new Date("2026-06-10T00:00:00Z"));
    expect(state.window).toEqual({ startsAt: new Date("2026-04-01T00:00:00Z"), endsAt: new Date("2026-06-10T00:00:00Z") });
    expect(state.priceIds).toEqual(["price_0", "price_1"]);
    expect(state.metadataUserId).toBe("u1");
    expect(state.customerId).toBe("cus_1");
  });

  it("gives active and trialing subscriptions access to the period end, cancel_at_period_end or not", () => {
    expect(accessWindowEnd(sub({ status: "trialing", trial_end: t("2026-06-01T00:00:00Z") }))).toEqual(new Date("2026-06-01T00:00:00Z"));
    const canceling = subscriptionState(sub({ cancel_at_period_end: true }));
    expect(canceling.cancelAtPeriodEnd).toBe(true);
    expect(canceling.window.endsAt).toEqual(new Date("2026-06-01T00:00:00Z"));
  });

  it("keeps a past_due reader for 3 days after the paid period, which the open renewal invoice names", () => {
    // Real Stripe: the subscription has moved into the new, unpaid period (June); the invoice bills June.
    const renewal = {
      id: "in_1",
      status: "open",
      billing_reason: "subscription_cycle",
      lines: { data: [{ period: { start: t("2026-06-01T00:00:00Z"), end: t("2026-07-01T00:00:00Z") } }] },
    } as unknown as Stripe.Invoice;
    const grace = new Date(new Date("2026-06-01T00:00:00Z").getTime() + 3 * DAY);
    expect(accessWindowEnd(sub({ status: "past_due", periods: [["2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z"]], latest_invoice: renewal }))).toEqual(grace);
    // A model that keeps the paid period (May) as the current one ends up at the same instant.
    expect(accessWindowEnd(sub({ status: "past_due", latest_invoice: renewal }))).toEqual(grace);
    expect(PAST_DUE_GRACE_MS).toBe(3 * DAY);
  });

  it("falls back to the period end + 3 days when the failed invoice is unknown or not a renewal", () => {
    const grace = new Date(new Date("2026-06-01T00:00:00Z").getTime() + 3 * DAY);
    expect(accessWindowEnd(sub({ status: "past_due", latest_invoice: "in_1" }))).toEqual(grace);
    const proration = { status: "open", billing_reason: "subscription_update", lines: { data: [{ period: { start: t("2026-05-15T00:00:00Z") } }] } };
    expect(accessWindowEnd(sub({ status: "past_due", latest_invoice: proration as unknown as Stripe.Invoice }))).toEqual(grace);
  });

  it("ends a canceled subscription when it ended, or else when it was canceled", () => {
    expect(accessWindowEnd(sub({ status: "canceled", ended_at: t("2026-05-20T08:00:00Z"), canceled_at: t("2026-05-19T00:00:00Z") }))).toEqual(
      new Date("2026-05-20T08:00:00Z"),
    );
    expect(accessWindowEnd(sub({ status: "canceled", canceled_at: t("2026-05-19T00:00:00Z") }))).toEqual(new Date("2026-05-19T00:00:00Z"));
  });

  it.each(["incomplete", "incomplete_expired", "unpaid", "paused"] as const)("gives %s no access (an empty window)", (status) => {
    const { window } = subscriptionState(sub({ status }));
    expect(window.endsAt).toEqual(window.startsAt);
  });

  it("never ends a window before it starts", () => {
    expect(accessWindowEnd(sub({ status: "canceled", ended_at: t("2026-03-01T00:00:00Z") }))).toEqual(new Date("2026-04-01T00:00:00Z"));
  });

  it("knows the payment method type only when it was expanded", () => {
    expect(subscriptionState(sub({ default_payment_method: "pm_1" })).paymentMethodType).toBeNull();
    expect(subscriptionState(sub({ default_payment_method: { id: "pm_1", type: "card" } as Stripe.PaymentMethod })).paymentMethodType).toBe("card");
  });
});
