import { eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { billingCustomers, users } from "@/db/schema";
import { getStripe } from "./stripe";

/**
 * One Stripe Customer per reader. The customer carries metadata.userId so a
 * Stripe object can always be traced back to the reader, even without our table.
 */
export async function ensureStripeCustomer(user: { id: string; email: string; name: string | null }): Promise<string> {
  const db = await getDb();
  const known = await customerIdForUser(user.id, db);
  if (known) return known;

  const stripe = getStripe();
  if (!stripe) throw new Error("Stripe is not configured (STRIPE_SECRET_KEY is not set)");
  // The idempotency key makes two simultaneous first checkouts of one reader get
  // the same Stripe customer (Stripe keeps keys for 24 hours).
  const customer = await stripe.customers.create(
    { email: user.email, ...(user.name && { name: user.name }), metadata: { userId: user.id } },
    { idempotencyKey: `caixinbao-customer-${user.id}` },
  );
  // The unique user_id decides a race: whoever stored first wins, and everyone uses that id.
  await db.insert(billingCustomers).values({ userId: user.id, stripeCustomerId: customer.id }).onConflictDoNothing();
  const stored = await customerIdForUser(user.id, db);
  if (!stored) throw new Error(`Could not store the Stripe customer of reader ${user.id}`);
  if (stored !== customer.id) {
    // Lost the race with a different customer (no idempotency key shared): drop ours, it has no payments.
    await stripe.customers.del(customer.id).catch(() => {});
  }
  return stored;
}

export async function customerIdForUser(userId: string, db?: Db | Tx): Promise<string | null> {
  const handle = db ?? (await getDb());
  const [row] = await handle
    .select({ id: billingCustomers.stripeCustomerId })
    .from(billingCustomers)
    .where(eq(billingCustomers.userId, userId))
    .limit(1);
  return row?.id ?? null;
}

export async function userIdForCustomer(customerId: string, db?: Db | Tx): Promise<string | null> {
  const handle = db ?? (await getDb());
  const [row] = await handle
    .select({ userId: billingCustomers.userId })
    .from(billingCustomers)
    .where(eq(billingCustomers.stripeCustomerId, customerId))
    .limit(1);
  return row?.userId ?? null;
}

/**
 * Records a customer ↔ reader pair learned from a webhook, if the reader still
 * exists. A reader who already has another customer keeps theirs.
 */
export async function rememberCustomer(tx: Tx, userId: string, customerId: string): Promise<void> {
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return;
  await tx.insert(billingCustomers).values({ userId, stripeCustomerId: customerId }).onConflictDoNothing();
}
