import type Stripe from "stripe";
import { invalid, notFound } from "./errors";
import { planOf } from "./objects";
import { clone, listOf, type Ctx, type ListPage } from "./store";

type Node = Record<string, unknown>;

/**
 * Responses are copies of stored objects. Expandable fields are stored as ids and replaced by
 * the object when `expand[]` names them (paths like `subscription`, `latest_invoice`,
 * `data.customer` on lists, `items.data.price.product`). A subscription item's price is always
 * embedded, as in Stripe, and is re-read so later price changes show.
 */
export function present<T>(ctx: Ctx, obj: T): T {
  const copy = clone(obj) as Node;
  const items = (copy as { items?: { data?: unknown } }).items?.data;
  if (copy.object === "subscription" && Array.isArray(items)) {
    for (const item of items as Stripe.SubscriptionItem[]) {
      const price = item?.price ? ctx.store.prices.get(item.price.id) : undefined;
      if (price) {
        item.price = clone(price);
        item.plan = planOf(price);
      }
    }
  }
  return copy as T;
}

/** Fields that are not stored but computed when expanded. */
const computed: Record<string, Record<string, (ctx: Ctx, node: Node) => unknown>> = {
  "checkout.session": { line_items: (ctx, node) => sessionLineItems(ctx, String(node.id), { limit: 100 }) },
};

export function render<T>(ctx: Ctx, obj: T, expand: string[]): T {
  const out = present(ctx, obj) as Node;
  for (const path of new Set(expand)) {
    const segments = path.split(".");
    if (segments.length > 4) throw invalid(`You cannot expand more than 4 levels of a property. Property: ${path}`, "expand");
    walk(ctx, out, segments, path);
  }
  return out as T;
}

function walk(ctx: Ctx, node: unknown, segments: string[], path: string): void {
  if (Array.isArray(node)) {
    for (const element of node) walk(ctx, element, segments, path);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const [head, ...rest] = segments as [string, ...string[]];
  const n = node as Node;
  const compute = computed[String(n.object)]?.[head];
  if (compute) n[head] = compute(ctx, n);
  else if (!(head in n)) throw invalid(`This property cannot be expanded (${path}).`, "expand");
  else if (typeof n[head] === "string") {
    const found = ctx.store.lookup(n[head] as string);
    if (found) n[head] = present(ctx, found);
  } else if (typeof n[head] !== "object" && rest.length === 0) {
    throw invalid(`This property cannot be expanded (${path}).`, "expand");
  }
  if (rest.length > 0) walk(ctx, n[head], rest, path);
}

export function sessionLineItems(ctx: Ctx, sessionId: string, page: ListPage): Stripe.ApiList<Stripe.LineItem> {
  const extra = ctx.store.sessionExtras.get(sessionId);
  if (!extra) throw notFound("checkout.session", sessionId);
  const items = extra.lines.map((line): Stripe.LineItem => {
    const price = clone(ctx.store.prices.get(line.price) as Stripe.Price);
    const product = ctx.store.products.get(String(price.product));
    const amount = (price.unit_amount ?? 0) * line.quantity;
    return {
      id: line.id,
      object: "item",
      adjustable_quantity: null,
      amount_discount: 0,
      amount_subtotal: amount,
      amount_tax: 0,
      amount_total: amount,
      currency: price.currency,
      description: product?.name ?? null,
      metadata: {},
      price,
      quantity: line.quantity,
    };
  });
  // listOf() puts the newest first; line items keep their given order.
  return listOf(items.reverse(), `/v1/checkout/sessions/${sessionId}/line_items`, page);
}
