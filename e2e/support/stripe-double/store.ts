import { randomBytes } from "node:crypto";
import type Stripe from "stripe";
import { invalid } from "./errors";
import type { Webhooks } from "./webhooks";

/** Everything the double remembers, in memory. Stored objects hold ids in expandable fields. */
export type SessionExtra = {
  lines: { id: string; price: string; quantity: number }[];
  subscriptionData: { metadata: Record<string, string>; trialDays: number | null; description: string | null };
  paymentIntentData: { metadata: Record<string, string>; description: string | null };
  /** customer_update[shipping]=auto: an existing customer's shipping is overwritten by what Checkout collects. */
  updateCustomerShipping: boolean;
  /** How the session was paid (card | alipay | wechat_pay | delayed); set on completion. */
  method?: string;
  /** A delayed payment's outcome has been reported (asyncPaymentResult). */
  asyncSettled?: boolean;
};

/** What every part of the double works with. */
export type Ctx = { store: Store; hooks: Webhooks; base: () => string };

export type RequestRecord = { method: string; path: string; status: number; at: string };

export type IdempotentResponse = { fingerprint: string; status: number; body: string };

export class Store {
  customers = new Map<string, Stripe.Customer>();
  deletedCustomers = new Set<string>();
  products = new Map<string, Stripe.Product>();
  prices = new Map<string, Stripe.Price>();
  sessions = new Map<string, Stripe.Checkout.Session>();
  sessionExtras = new Map<string, SessionExtra>();
  subscriptions = new Map<string, Stripe.Subscription>();
  invoices = new Map<string, Stripe.Invoice>();
  paymentIntents = new Map<string, Stripe.PaymentIntent>();
  paymentMethods = new Map<string, Stripe.PaymentMethod>();
  portalSessions = new Map<string, Stripe.BillingPortal.Session>();
  idempotency = new Map<string, IdempotentResponse>();
  /** Every /v1 and hosted-page request, for assertions like "the app never called X". */
  requests: RequestRecord[] = [];
  invoiceCounter = 0;

  reset(): void {
    for (const value of Object.values(this)) if (value instanceof Map) value.clear();
    this.deletedCustomers.clear();
    this.requests.length = 0;
    this.invoiceCounter = 0;
  }

  /** Finds any stored object by id (used by `expand`). */
  lookup(id: string): { object: string } | undefined {
    const tables: Map<string, { object: string }>[] = [
      this.customers, this.products, this.prices, this.sessions, this.subscriptions,
      this.invoices, this.paymentIntents, this.paymentMethods, this.portalSessions,
    ];
    for (const table of tables) {
      const found = table.get(id);
      if (found) return found;
    }
    return undefined;
  }
}

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export function newId(prefix: string, length = 14): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}_${out}`;
}

export const now = (): number => Math.floor(Date.now() / 1000);

/** A deep copy; stored objects are plain JSON. */
export const clone = <T>(value: T): T => structuredClone(value);

/** Adds `count` intervals to a unix time, clamping month ends (Jan 31 + 1 month = Feb 28/29) as Stripe does. */
export function addInterval(unix: number, interval: string, count = 1): number {
  const d = new Date(unix * 1000);
  if (interval === "day") return unix + 86_400 * count;
  if (interval === "week") return unix + 7 * 86_400 * count;
  const months = interval === "year" ? 12 * count : interval === "month" ? count : NaN;
  if (Number.isNaN(months)) throw new Error(`unknown interval ${interval}`);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return Math.floor(target.getTime() / 1000);
}

export type ListPage = { limit: number; startingAfter?: string; endingBefore?: string };

/** A Stripe list: newest first, cursor pagination by id. */
export function listOf<T extends { id: string }>(items: Iterable<T>, url: string, page: ListPage): Stripe.ApiList<T> {
  const all = [...items].reverse(); // Maps keep insertion order; Stripe lists newest first.
  let start = 0;
  let end = all.length;
  if (page.startingAfter) {
    const i = all.findIndex((x) => x.id === page.startingAfter);
    if (i === -1) throw invalid(`No such object: '${page.startingAfter}'`, "starting_after", "resource_missing");
    start = i + 1;
  }
  if (page.endingBefore) {
    const i = all.findIndex((x) => x.id === page.endingBefore);
    if (i === -1) throw invalid(`No such object: '${page.endingBefore}'`, "ending_before", "resource_missing");
    end = i;
    start = Math.max(0, end - page.limit);
  }
  const data = all.slice(start, Math.min(end, start + page.limit));
  return { object: "list", data, has_more: page.endingBefore ? start > 0 : start + data.length < end, url };
}
