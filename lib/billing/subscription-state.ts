import type Stripe from "stripe";

/**
 * What the portal keeps of a Stripe subscription, and the access window it
 * earns. Pure: the webhook reads the subscription from Stripe and hands it here.
 */
export type SubscriptionState = {
  status: Stripe.Subscription.Status;
  /** The latest period end over the items (in this API version periods live on the items). */
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  endedAt: Date | null;
  trialEnd: Date | null;
  /** Known only when Stripe returned the default payment method expanded. */
  paymentMethodType: string | null;
  customerId: string;
  /** Set by our Checkout (subscription_data.metadata); absent on subscriptions made elsewhere. */
  metadataUserId: string | null;
  metadataPlanKey: string | null;
  priceIds: string[];
  window: { startsAt: Date; endsAt: Date };
};

/** How long a reader keeps reading after a renewal payment fails, while Stripe retries it. */
export const PAST_DUE_GRACE_MS = 3 * 24 * 60 * 60 * 1000;

const fromUnix = (seconds: number | null | undefined): Date | null =>
  typeof seconds === "number" && Number.isFinite(seconds) ? new Date(seconds * 1000) : null;

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  typeof value === "string" ? value : (value?.id ?? null);

function latest(values: (Date | null)[]): Date | null {
  const present = values.filter((d): d is Date => d !== null);
  return present.length === 0 ? null : new Date(Math.max(...present.map((d) => d.getTime())));
}

function earliest(values: (Date | null)[]): Date | null {
  const present = values.filter((d): d is Date => d !== null);
  return present.length === 0 ? null : new Date(Math.min(...present.map((d) => d.getTime())));
}

/**
 * Where the paid (or trial) time of a past_due subscription ran out: the start
 * of the period its unpaid renewal invoice bills for. Real Stripe moves the
 * subscription into that new period before charging, so its current period END
 * is then the end of the unpaid period, and granting up to it would hand out a
 * whole unpaid period plus the grace. The open renewal invoice (retrieved with
 * expand: ["latest_invoice"]) says it either way. Null when unknown (not
 * expanded, or the failed invoice is not a renewal, e.g. a proration): then the
 * period end stands, as the reader did pay up to it.
 */
function unpaidRenewalStart(sub: Stripe.Subscription): Date | null {
  const invoice = sub.latest_invoice;
  if (!invoice || typeof invoice === "string" || invoice.status !== "open" || invoice.billing_reason !== "subscription_cycle") return null;
  return earliest((invoice.lines?.data ?? []).map((line) => fromUnix(line.period?.start)));
}

/** The end of the access window a subscription earns; never before it starts. */
export function accessWindowEnd(sub: Stripe.Subscription): Date {
  const startsAt = fromUnix(sub.start_date) ?? new Date(0);
  const periodEnd = latest(sub.items.data.map((item) => fromUnix(item.current_period_end)));
  let end: Date | null;
  switch (sub.status) {
    case "active":
    case "trialing":
      // cancel_at_period_end changes nothing here: the paid period still runs out.
      end = periodEnd;
      break;
    case "past_due": {
      const paid = unpaidRenewalStart(sub) ?? periodEnd;
      end = paid && new Date(paid.getTime() + PAST_DUE_GRACE_MS);
      break;
    }
    case "canceled":
      end = fromUnix(sub.ended_at) ?? fromUnix(sub.canceled_at);
      break;
    default:
      // incomplete, incomplete_expired, unpaid, paused: nothing paid for, or Stripe has given up.
      end = startsAt;
  }
  if (!end || end.getTime() < startsAt.getTime()) return startsAt;
  return end;
}

export function subscriptionState(sub: Stripe.Subscription): SubscriptionState {
  const pm = sub.default_payment_method;
  const startsAt = fromUnix(sub.start_date) ?? new Date(0);
  return {
    status: sub.status,
    currentPeriodEnd: latest(sub.items.data.map((item) => fromUnix(item.current_period_end))),
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    endedAt: fromUnix(sub.ended_at),
    trialEnd: fromUnix(sub.trial_end),
    paymentMethodType: pm && typeof pm === "object" ? pm.type : null,
    customerId: idOf(sub.customer) ?? "",
    metadataUserId: sub.metadata?.userId || null,
    metadataPlanKey: sub.metadata?.planKey || null,
    priceIds: sub.items.data.map((item) => idOf(item.price)).filter((id): id is string => id !== null),
    window: { startsAt, endsAt: accessWindowEnd(sub) },
  };
}

/** Statuses in which the reader is being served by the subscription (for "access granted" mail). */
export const isServingStatus = (status: string): boolean => status === "active" || status === "trialing";
