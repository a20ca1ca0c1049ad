import { asc, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { plans } from "@/db/schema";
import { ensurePlans, type Plan } from "./plans";

/**
 * `npm run stripe:sync`: makes Stripe's catalog match the plans table. Each
 * plan has one Product (id `caixinbao_<plan key>`, so a second run or a fresh
 * database finds it again) and one live Price, found by a lookup key that
 * names the amount and interval: a changed amount is a new lookup key, hence a
 * new Price; the old one is deactivated (Stripe prices are immutable, and
 * subscribers on the old price keep it until they change plan). Running it
 * twice creates nothing the second time.
 */
export const priceLookupKey = (plan: Pick<Plan, "key" | "amountFen" | "interval" | "kind">): string =>
  `caixinbao_${plan.key}_${plan.amountFen}_${plan.kind === "recurring" ? plan.interval : "once"}`;

export const productIdFor = (planKey: string): string => `caixinbao_${planKey}`;

export type SyncRow = { plan: string; lookupKey: string; product: "created" | "found"; price: "created" | "found"; deactivated: string | null };
export type SyncReport = { rows: SyncRow[]; createdProducts: number; createdPrices: number };

const isMissing = (error: unknown) => (error as { statusCode?: number }).statusCode === 404;

function priceMatches(price: Stripe.Price, plan: Plan): boolean {
  const interval = plan.kind === "recurring" ? plan.interval : null;
  return price.active && price.unit_amount === plan.amountFen && price.currency === plan.currency && (price.recurring?.interval ?? null) === interval;
}

async function retrieveProduct(stripe: Stripe, id: string): Promise<Stripe.Product | null> {
  try {
    const product = await stripe.products.retrieve(id);
    return (product as { deleted?: boolean }).deleted ? null : product;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

async function ensureProduct(stripe: Stripe, plan: Plan): Promise<{ id: string; created: boolean }> {
  for (const id of [plan.stripeProductId, productIdFor(plan.key)]) {
    if (!id) continue;
    const product = await retrieveProduct(stripe, id);
    if (product) return { id: product.id, created: false };
  }
  const product = await stripe.products.create({
    id: productIdFor(plan.key),
    name: plan.name,
    description: plan.description,
    metadata: { planKey: plan.key },
  });
  return { id: product.id, created: true };
}

async function syncPlan(stripe: Stripe, plan: Plan): Promise<SyncRow & { productId: string; priceId: string }> {
  if (plan.kind === "recurring" && !plan.interval) throw new Error(`Plan ${plan.key} is recurring but has no interval`);
  const lookupKey = priceLookupKey(plan);
  const { data } = await stripe.prices.list({ lookup_keys: [lookupKey], active: true, limit: 1 });
  const existing = data.find((p) => priceMatches(p, plan));
  if (existing) {
    const productId = typeof existing.product === "string" ? existing.product : existing.product.id;
    return { plan: plan.key, lookupKey, product: "found", price: "found", deactivated: null, productId, priceId: existing.id };
  }

  const product = await ensureProduct(stripe, plan);
  const price = await stripe.prices.create({
    product: product.id,
    currency: plan.currency,
    unit_amount: plan.amountFen,
    lookup_key: lookupKey,
    // Takes the key over from any earlier price that held it (an amount changed and changed back).
    transfer_lookup_key: true,
    metadata: { planKey: plan.key },
    ...(plan.kind === "recurring" && { recurring: { interval: plan.interval! } }),
  });
  let deactivated: string | null = null;
  if (plan.stripePriceId && plan.stripePriceId !== price.id) {
    try {
      await stripe.prices.update(plan.stripePriceId, { active: false });
      deactivated = plan.stripePriceId;
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
  return { plan: plan.key, lookupKey, product: product.created ? "created" : "found", price: "created", deactivated, productId: product.id, priceId: price.id };
}

export async function syncStripeCatalog(db: Db, stripe: Stripe | null, log: (line: string) => void = () => {}): Promise<SyncReport> {
  if (!stripe) throw new Error("STRIPE_SECRET_KEY is not set: set it (sk_test_… or sk_live_…) to sync plans to Stripe.");
  await ensurePlans(db);
  const all = await db.select().from(plans).orderBy(asc(plans.position));
  const rows: SyncRow[] = [];
  for (const plan of all) {
    const { productId, priceId, ...row } = await syncPlan(stripe, plan);
    if (plan.stripeProductId !== productId || plan.stripePriceId !== priceId) {
      await db.update(plans).set({ stripeProductId: productId, stripePriceId: priceId, updatedAt: new Date() }).where(eq(plans.key, plan.key));
    }
    log(`${plan.key}: product ${row.product}, price ${row.price} (${row.lookupKey})${row.deactivated ? `, deactivated ${row.deactivated}` : ""}`);
    rows.push(row);
  }
  return {
    rows,
    createdProducts: rows.filter((r) => r.product === "created").length,
    createdPrices: rows.filter((r) => r.price === "created").length,
  };
}
