import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { gifts, plans, users } from "@/db/schema";
import { forgetAccess } from "@/lib/access";
import type { ActionState } from "@/lib/actions";
import { sendMail } from "@/lib/mail";
import { giftReceivedMail } from "@/lib/mail/gift-templates";
import { env } from "@/lib/env";
import { requestLocale, translatorFor } from "@/lib/i18n/translate";
import { newToken, seal, sha256, unseal } from "@/lib/sealing";
import { accountLocale } from "@/lib/users";
import { ensureStripeCustomer } from "./customers";
import { type Buyer, checkoutLocale } from "./checkout";
import { getPlan } from "./plans";
import { getStripe, isBillingConfigured } from "./stripe";
import { grantPrepaidTerm } from "./windows";

const GIFT_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;
const SEAL_PURPOSE = "gift-claim-token";

export const claimUrl = (token: string) => new URL(`/gift/claim/${token}`, env().APP_URL).toString();

/** Gift errors in the reader's language (the default outside a request, e.g. in tests). */
const giftErrors = async () => translatorFor(await requestLocale(), "account.gift.errors");

/** A prepaid term bought for someone else's email. The claim link works once, for a year. */
export async function startGiftCheckout(buyer: Buyer, input: { planKey: string; recipientEmail: string; message?: string }) {
  const locale = await requestLocale();
  const billing = translatorFor(locale, "account.billing.errors");
  const stripe = getStripe();
  if (!stripe || !isBillingConfigured()) return { error: billing("notConfigured") };
  const plan = await getPlan(input.planKey);
  if (!plan?.active || !plan.giftable) return { error: translatorFor(locale, "account.gift.errors")("notGiftable") };
  if (!plan.stripePriceId) return { error: billing("notOnline") };

  const token = newToken();
  const db = await getDb();
  const [gift] = await db
    .insert(gifts)
    .values({
      buyerUserId: buyer.id,
      recipientEmail: input.recipientEmail,
      message: input.message || null,
      planKey: plan.key,
      months: plan.months,
      tokenHash: sha256(token),
      tokenSealed: seal(token, SEAL_PURPOSE),
      expiresAt: new Date(Date.now() + GIFT_LIFETIME_MS),
    })
    .returning({ id: gifts.id });
  const metadata = { userId: buyer.id, planKey: plan.key, kind: "gift", giftId: String(gift!.id) };
  const session = await stripe.checkout.sessions.create({
    mode: "payment",
    customer: await ensureStripeCustomer(buyer),
    client_reference_id: buyer.id,
    metadata,
    payment_intent_data: { metadata },
    line_items: [{ price: plan.stripePriceId, quantity: 1 }],
    allowed_payment_method_types: ["card", "alipay", "wechat_pay"],
    payment_method_options: { wechat_pay: { client: "web" } },
    allow_promotion_codes: true,
    success_url: new URL(`/gift/sent/${gift!.id}`, env().APP_URL).toString(),
    cancel_url: new URL("/gift?canceled=1", env().APP_URL).toString(),
    locale: checkoutLocale(locale),
  });
  await db.update(gifts).set({ checkoutSessionId: session.id }).where(eq(gifts.id, gift!.id));
  return { url: session.url! };
}

export type GiftView = {
  id: number;
  planName: string;
  months: number;
  recipientEmail: string;
  message: string | null;
  status: "pending" | "paid" | "claimed";
  expiresAt: Date;
  recipientNotifiedAt: Date | null;
  claimedAt: Date | null;
  claimedByEmail: string | null;
  /** Only for the buyer, and only once paid. */
  claimLink: string | null;
};

/** The gifts a buyer bought, newest first, with their claim links once paid. */
export async function giftsBoughtBy(buyerId: string, giftId?: number): Promise<GiftView[]> {
  const db = await getDb();
  const rows = await db
    .select({ gift: gifts, planName: plans.name, claimedByEmail: users.email })
    .from(gifts)
    .innerJoin(plans, eq(plans.key, gifts.planKey))
    .leftJoin(users, eq(users.id, gifts.claimedByUserId))
    .where(giftId === undefined ? eq(gifts.buyerUserId, buyerId) : and(eq(gifts.buyerUserId, buyerId), eq(gifts.id, giftId)))
    .orderBy(desc(gifts.createdAt));
  return rows.map(({ gift, planName, claimedByEmail }) => {
    const token = gift.status === "pending" ? null : unseal(gift.tokenSealed, SEAL_PURPOSE);
    return {
      id: gift.id,
      planName,
      months: gift.months,
      recipientEmail: gift.recipientEmail,
      message: gift.message,
      status: gift.status,
      expiresAt: gift.expiresAt,
      recipientNotifiedAt: gift.recipientNotifiedAt,
      claimedAt: gift.claimedAt,
      claimedByEmail,
      claimLink: token ? claimUrl(token) : null,
    };
  });
}

/** A gift with its plan's name and its buyer, as both the claim page and the recipient mail show them. */
async function giftWithBuyer(where: SQL) {
  const db = await getDb();
  const [row] = await db
    .select({ gift: gifts, planName: plans.name, buyerName: users.name, buyerEmail: users.email })
    .from(gifts)
    .innerJoin(plans, eq(plans.key, gifts.planKey))
    .innerJoin(users, eq(users.id, gifts.buyerUserId))
    .where(where)
    .limit(1);
  return row ?? null;
}

/** Claim tokens are 32 random bytes in base64url; anything else is not worth a database lookup. */
export const isClaimToken = (token: string): boolean => /^[\w-]{20,100}$/.test(token);

export type ClaimableGift = { id: number; planName: string; months: number; message: string | null; fromName: string; state: "claimable" | "claimed" | "expired" | "unpaid" };

export async function findGiftByToken(token: string): Promise<ClaimableGift | null> {
  if (!isClaimToken(token)) return null;
  const row = await giftWithBuyer(eq(gifts.tokenHash, sha256(token)));
  if (!row) return null;
  const { gift } = row;
  const state = gift.status === "claimed" ? "claimed" : gift.status === "pending" ? "unpaid" : gift.expiresAt < new Date() ? "expired" : "claimable";
  return { id: gift.id, planName: row.planName, months: gift.months, message: gift.message, fromName: row.buyerName || row.buyerEmail.replace(/@.*/, "@…"), state };
}

/** Claims a paid gift for a signed-in reader: single use, in one transaction with its access window. */
export async function claimGift(token: string, userId: string): Promise<{ ok: true; endsAt: Date | null } | { error: string }> {
  const t = await giftErrors();
  if (!isClaimToken(token)) return { error: t("invalidLink") };
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const [gift] = await tx.select().from(gifts).where(eq(gifts.tokenHash, sha256(token))).for("update").limit(1);
    if (!gift) return { error: t("invalidLink") };
    if (gift.status === "claimed") return { error: t("alreadyClaimed") };
    if (gift.status !== "paid") return { error: t("unpaid") };
    if (gift.expiresAt < new Date()) return { error: t("expired") };
    const window = await grantPrepaidTerm(tx, { userId, months: gift.months, reference: `gift:${gift.id}`, source: "gift" });
    await tx.update(gifts).set({ status: "claimed", claimedByUserId: userId, claimedAt: new Date(), windowId: window.id }).where(eq(gifts.id, gift.id));
    return { ok: true as const, endsAt: window.endsAt };
  });
  forgetAccess(userId);
  return result;
}

/** Mails the claim link to the recipient when the buyer asks; a later ask sends it again. */
export async function notifyGiftRecipient(giftId: number, buyerId: string): Promise<ActionState> {
  const locale = await requestLocale();
  const t = translatorFor(locale, "account.gift.errors");
  const row = await giftWithBuyer(and(eq(gifts.id, giftId), eq(gifts.buyerUserId, buyerId))!);
  if (!row) return { error: t("notFound") };
  if (row.gift.status !== "paid") return { error: row.gift.status === "claimed" ? t("alreadyClaimed") : t("sendAfterPayment") };
  const token = unseal(row.gift.tokenSealed, SEAL_PURPOSE);
  if (!token) return { error: t("linkUnrecoverable") };
  // The recipient's own language if they already have an account; else the buyer's, who likely writes to them in it.
  const recipientLocale = (await accountLocale(row.gift.recipientEmail)) ?? locale;
  const mail = giftReceivedMail(recipientLocale, {
    fromName: row.buyerName || row.buyerEmail,
    planName: row.planName,
    months: row.gift.months,
    message: row.gift.message,
    link: claimUrl(token),
    expiresAt: row.gift.expiresAt,
  });
  const sent = await sendMail({ to: row.gift.recipientEmail, ...mail });
  if (sent.delivery === "failed") return { error: t("mailFailed") };
  const db = await getDb();
  await db.update(gifts).set({ recipientNotifiedAt: new Date() }).where(eq(gifts.id, giftId));
  return { ok: true, message: translatorFor(locale, "account.gift")("sentTo", { email: row.gift.recipientEmail }) };
}
