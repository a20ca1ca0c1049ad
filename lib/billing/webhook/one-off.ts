import { and, eq, isNull, or } from "drizzle-orm";
import type Stripe from "stripe";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { gifts, payments, plans, users } from "@/db/schema";
import { accessGrantedMail, oneOffPaymentFailedMail } from "@/lib/mail/billing-templates";
import { grantPrepaidTerm } from "../windows";
import { appLink } from "./notices";
import { idOf, nothing, type Outcome } from "./types";

/**
 * One-off Checkout payments: prepaid terms (a `payments` row, id = session id)
 * and gifts (a `gifts` row). Our checkout code sets the metadata; Stripe signs
 * the event, so it is trusted, but still parsed: a session made elsewhere in
 * the same Stripe account is ignored rather than half-applied.
 */
export const checkoutMetadata = z.object({
  userId: z.string().min(1).max(200),
  planKey: z.string().min(1).max(100),
  kind: z.enum(["subscription", "prepaid", "gift"]),
  giftId: z.coerce.number().int().positive().optional(),
});
export type CheckoutMetadata = z.infer<typeof checkoutMetadata>;

/**
 * The payment row of a prepaid session, locked. Our checkout code inserts it
 * when the session is made; if that insert was lost (a crash right after
 * Stripe answered), the signed metadata is enough to write it here.
 */
async function lockedPayment(tx: Tx, session: Stripe.Checkout.Session, meta: CheckoutMetadata) {
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, meta.userId)).limit(1);
  const [plan] = await tx.select({ key: plans.key }).from(plans).where(eq(plans.key, meta.planKey)).limit(1);
  if (user && plan) {
    await tx
      .insert(payments)
      .values({ id: session.id, userId: user.id, planKey: plan.key, amountFen: session.amount_total ?? null })
      .onConflictDoNothing();
  }
  const [payment] = await tx.select().from(payments).where(eq(payments.id, session.id)).for("update");
  return payment ?? null;
}

/** The session's money has arrived (at completion, or later for a delayed method). */
export async function settlePaid(tx: Tx, session: Stripe.Checkout.Session, meta: CheckoutMetadata): Promise<Outcome> {
  if (meta.kind === "gift") return settleGift(tx, session, meta);
  const payment = await lockedPayment(tx, session, meta);
  if (!payment) return nothing("no payment row and no reader or plan to make one");
  // completed(paid) and async_payment_succeeded are different events for one payment: grant once.
  if (payment.status === "paid") return nothing("payment already settled");
  const [plan] = await tx.select({ months: plans.months, name: plans.name }).from(plans).where(eq(plans.key, payment.planKey));
  await tx
    .update(payments)
    .set({
      status: "paid",
      paidAt: new Date(),
      paymentIntentId: idOf(session.payment_intent) ?? payment.paymentIntentId,
      amountFen: session.amount_total ?? payment.amountFen,
    })
    .where(eq(payments.id, payment.id));
  const window = await grantPrepaidTerm(tx, { userId: payment.userId, months: plan!.months, reference: session.id, source: "prepaid" });
  await tx.update(payments).set({ windowId: window.id }).where(eq(payments.id, payment.id));
  const endsAt = window.endsAt!;
  const planName = plan!.name;
  return {
    users: [payment.userId],
    notices: [
      {
        key: `access-granted:${session.id}:${endsAt.toISOString()}`,
        userId: payment.userId,
        compose: async ({ locale }) => accessGrantedMail(locale, { planName, endsAt, kind: "prepaid", accountLink: appLink("/account") }),
      },
    ],
  };
}

/** A gift is paid: it becomes claimable (the claim itself grants the window, to whoever claims it). */
async function settleGift(tx: Tx, session: Stripe.Checkout.Session, meta: CheckoutMetadata): Promise<Outcome> {
  if (!meta.giftId) return nothing("gift session without giftId");
  const [gift] = await tx
    .update(gifts)
    .set({ status: "paid", paidAt: new Date(), checkoutSessionId: session.id })
    .where(
      and(
        eq(gifts.id, meta.giftId),
        eq(gifts.status, "pending"),
        or(eq(gifts.checkoutSessionId, session.id), isNull(gifts.checkoutSessionId)),
      ),
    )
    .returning({ id: gifts.id });
  return nothing(gift ? `gift ${gift.id} paid` : "gift not pending for this session");
}

/** Completed, but a delayed method (bank transfer…) has not paid yet: keep the row pending, note the intent. */
export async function awaitDelayed(tx: Tx, session: Stripe.Checkout.Session, meta: CheckoutMetadata): Promise<Outcome> {
  if (meta.kind === "gift") return nothing("gift awaiting delayed payment");
  const payment = await lockedPayment(tx, session, meta);
  const intent = idOf(session.payment_intent);
  if (payment && intent && payment.status === "pending") await tx.update(payments).set({ paymentIntentId: intent }).where(eq(payments.id, payment.id));
  return nothing("awaiting delayed payment");
}

/** A delayed payment failed: the prepaid payment is marked failed, a gift stays unpaid; the buyer hears once. */
export async function markFailed(tx: Tx, session: Stripe.Checkout.Session, meta: CheckoutMetadata): Promise<Outcome> {
  const [buyer] = await tx.select({ id: users.id }).from(users).where(eq(users.id, meta.userId)).limit(1);
  if (!buyer) return nothing("no buyer");
  if (meta.kind !== "gift") {
    const payment = await lockedPayment(tx, session, meta);
    if (payment?.status === "pending") await tx.update(payments).set({ status: "failed" }).where(eq(payments.id, payment.id));
  }
  const [plan] = await tx.select({ name: plans.name }).from(plans).where(eq(plans.key, meta.planKey)).limit(1);
  const planName = plan?.name ?? meta.planKey;
  const gift = meta.kind === "gift";
  return {
    users: [],
    notices: [
      {
        key: `payment-failed:${session.id}`,
        userId: buyer.id,
        compose: async ({ locale }) => oneOffPaymentFailedMail(locale, { planName, gift, retryLink: appLink(gift ? "/gift" : "/subscribe") }),
      },
    ],
  };
}
