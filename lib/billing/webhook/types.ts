import type Stripe from "stripe";
import type { Tx } from "@/db/client";
import type { Notice } from "./notices";

/** What applying one event did: whose access changed, which mails to send after commit, and a note for the reply. */
export type Outcome = { users: string[]; notices: Notice[]; note?: string };

export const nothing = (note: string): Outcome => ({ users: [], notices: [], note });

/**
 * A handler works in two steps: `prepare` may call the Stripe API (never inside
 * a transaction, so no row lock waits on the network), and returns `apply`,
 * which writes inside the event's transaction.
 */
export type Prepared = { apply: (tx: Tx) => Promise<Outcome> };
export type EventHandler = (event: Stripe.Event, stripe: Stripe) => Promise<Prepared>;

export const idOf = (value: string | { id: string } | null | undefined): string | null =>
  typeof value === "string" ? value : (value?.id ?? null);
