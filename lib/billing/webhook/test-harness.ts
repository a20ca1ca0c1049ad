import { eq } from "drizzle-orm";
import Stripe from "stripe";
import type { Db } from "@/db/client";
import { outbox, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { resetEnvCache } from "@/lib/env";
import { startStripeDouble, type StripeDouble } from "@/e2e/support/stripe-double";
import { getStripe, resetStripeClient } from "../stripe";
import { syncStripeCatalog } from "../sync";
import { handleStripeWebhook } from "./index";

/**
 * For the billing tests (not a test itself): a fresh database, the Stripe
 * double on a free port with STRIPE_* pointing at it, and helpers to deliver
 * the events the double recorded, signed as Stripe signs them. The double has
 * no webhook URL: each test decides when and in which order events arrive.
 */
export const WEBHOOK_SECRET = "whsec_billingtests0123456789";
export const API_KEY = "sk_test_billingtests0123456789";

export type Harness = {
  db: Db;
  double: StripeDouble;
  stripe: Stripe;
  /** Events the double recorded since the last call (oldest first). */
  newEvents: () => Stripe.Event[];
  close: () => Promise<void>;
};

export async function startHarness(options: { syncCatalog?: boolean } = {}): Promise<Harness> {
  const double = await startStripeDouble({ port: 0, webhookSecret: WEBHOOK_SECRET, apiKey: API_KEY, retryDelaysMs: [] });
  process.env.STRIPE_SECRET_KEY = API_KEY;
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  process.env.STRIPE_API_BASE = double.url;
  delete process.env.SMTP_URL; // mails land in the outbox table, where tests read them
  const { db, drop } = await freshDatabase(); // resets the env cache
  resetStripeClient();
  const stripe = getStripe()!;
  if (options.syncCatalog !== false) await syncStripeCatalog(db, stripe);
  let seen = 0;
  return {
    db,
    double,
    stripe,
    newEvents: () => {
      const all = double.events();
      const fresh = all.slice(seen);
      seen = all.length;
      return fresh;
    },
    close: async () => {
      await double.close();
      await drop();
      for (const key of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE"]) delete process.env[key];
      resetEnvCache();
      resetStripeClient();
    },
  };
}

export function sign(event: Stripe.Event, secret = WEBHOOK_SECRET): { payload: string; header: string } {
  const payload = JSON.stringify(event);
  return { payload, header: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}

export function deliver(event: Stripe.Event) {
  const { payload, header } = sign(event);
  return handleStripeWebhook(payload, header);
}

/** Delivers in the given order; every reply must be 200. */
export async function deliverAll(events: Stripe.Event[]) {
  const replies = [];
  for (const event of events) {
    const reply = await deliver(event);
    if (reply.status !== 200) throw new Error(`${event.type} ${event.id} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    replies.push(reply);
  }
  return replies;
}

export async function makeReader(db: Db, email: string) {
  const [user] = await db.insert(users).values({ email, name: "读者" }).returning();
  return user!;
}

export const mailsTo = (db: Db, email: string) => db.select().from(outbox).where(eq(outbox.to, email)).orderBy(outbox.id);

export function shuffled<T>(items: T[], seed: number): T[] {
  // A small LCG: the order is random-looking but the same on every run, so a failure reproduces.
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
